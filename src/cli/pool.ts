/**
 * Who runs tasks: the main thread itself (`-j 1`), or a pool of worker threads (`-j N`).
 *
 * node:worker_threads directly, not a pool library: the needs are small (a task queue, lazy start,
 * a replacement when a worker dies) and every dependency of a CLI is paid for at each start-up.
 * Workers start lazily, so a run with two inputs never starts eight threads.
 */
import { Worker } from "node:worker_threads";
import { setImmediate as yieldToLoop } from "node:timers/promises";
import { runTask, type Task, type TaskResult, type TaskSettings } from "./task.js";

export interface Executor {
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

export class InlineExecutor implements Executor {
  constructor(private readonly settings: TaskSettings) {}

  async run(task: Task): Promise<TaskResult> {
    // Let I/O (stdout's EPIPE, drains, reads) in between two parses.
    await yieldToLoop();
    return runTask(task, this.settings);
  }

  async close(): Promise<void> {}
}

interface Pending {
  id: number;
  task: Task;
  resolve: (r: TaskResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
}

/** A worker crashed (out of memory, a fault in the library at import): the task it held failed. */
export class WorkerCrashError extends Error {
  constructor(
    message: string,
    readonly workerStack?: string,
  ) {
    super(message);
  }
}

export class WorkerPool implements Executor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  constructor(
    private readonly size: number,
    private readonly settings: TaskSettings,
  ) {}

  run(task: Task): Promise<TaskResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      let slot = this.slots.find((s) => !s.current);
      if (!slot) {
        if (this.slots.length >= this.size) return;
        slot = this.spawn();
      }
      const job = this.queue.shift()!;
      slot.current = job;
      slot.worker.postMessage({ id: job.id, task: job.task }, transferList(job.task));
    }
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./worker.js", import.meta.url), { workerData: this.settings });
    const slot: Slot = { worker, current: null };
    worker.on("message", (msg: { id: number; result?: TaskResult; crash?: { message: string; stack: string } }) => {
      const job = slot.current;
      if (!job || job.id !== msg.id) return;
      slot.current = null;
      if (msg.result) job.resolve(msg.result);
      else job.reject(new WorkerCrashError(msg.crash!.message, msg.crash!.stack));
      this.dispatch();
    });
    const fail = (err: Error) => {
      const job = slot.current;
      slot.current = null;
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      if (job) job.reject(new WorkerCrashError(`worker thread stopped: ${err.message}`, err.stack));
      this.dispatch();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (!this.closed) fail(new Error(`exit code ${code}`));
    });
    this.slots.push(slot);
    return slot;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("run stopped"));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    this.slots.length = 0;
  }
}

/** Hand a file's bytes over instead of copying them, when the buffer is the file's alone. */
function transferList(task: Task): ArrayBuffer[] {
  if (task.kind !== "file") return [];
  const b = task.bytes;
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : [];
}
