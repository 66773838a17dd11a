/**
 * Who runs tasks: the main thread itself (`-j 1`, or a single input), or a pool of worker threads
 * (`-j N`, pool.ts, loaded only when used).
 */
import { emptyDocument } from "../index.js";
import { renderDocument } from "../emit/index.js";
import { emptyResult, runTask, type Task, type TaskResult, type TaskSettings } from "./task.js";

export interface Executor {
  run(task: Task): Promise<TaskResult[]>;
  close(): Promise<void>;
}

export class InlineExecutor implements Executor {
  constructor(private readonly settings: TaskSettings) {}

  async run(task: Task): Promise<TaskResult[]> {
    // Let I/O (stdout's EPIPE, drains, reads) in between two parses.
    await new Promise<void>((resolve) => setImmediate(resolve));
    return runTask(task, this.settings);
  }

  async close(): Promise<void> {}
}

/** A worker crashed (out of memory, a fault in the library at import): the tasks it held failed. */
export class WorkerCrashError extends Error {
  constructor(
    message: string,
    readonly workerStack?: string,
  ) {
    super(message);
  }
}

/** A worker died on a task: the input fails, and each record of it still gets its error document. */
export function crashResult(task: Task, err: unknown, settings: TaskSettings): TaskResult[] {
  const message = `internal error: ${err instanceof Error ? err.message : String(err)}`;
  const stack = err instanceof WorkerCrashError ? err.workerStack : err instanceof Error ? err.stack : undefined;
  const problem = { message, ...(stack ? { stack } : {}) };
  if (task.kind === "files") {
    return task.paths.map(() => {
      const result = emptyResult({ stats: false });
      result.problems.push(problem);
      return result;
    });
  }
  const result = emptyResult({ stats: false });
  if (task.kind === "file") {
    result.problems.push(problem);
    return [result];
  }
  for (const item of task.items) {
    const id = "json" in item || "fields" in item ? { id: null } : item.id === undefined ? {} : { id: item.id };
    const doc = emptyDocument({ path: task.path, record: item.record, ...id });
    doc.input.encoding = task.encoding; // as runRecords gives its documents
    // A record the reader had already refused keeps its own error.
    doc.error = "error" in item ? item.error : message;
    const rendered = renderDocument(doc, settings.format, settings.pretty);
    if (rendered !== null) result.outputs.push(rendered);
    result.documents++;
    result.problems.push({ record: item.record, ...("error" in item ? { message: item.error } : problem) });
  }
  return [result];
}
