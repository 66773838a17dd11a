/**
 * The run of `khabar [options] [inputs...]`: inputs → tasks → (threads) → documents in input order
 * → stdout, `-o FILE` or `--out-dir`. Bad inputs are reported and skipped; the batch goes on.
 */
import { access } from "node:fs/promises";
import { join } from "node:path";
import { createFramer, type Framer } from "../emit/index.js";
import { AtomicFileSink, OutputError, PipeClosedError, StreamSink, type Sink } from "../io/output.js";
import type { RecordFormat } from "../io/records.js";
import { expandInputs } from "../io/walk.js";
import { emptyOutcome, type RunOutcome } from "./exitCode.js";
import { OrderedWindow } from "./ordered.js";
import { InlineExecutor, WorkerPool, type Executor } from "./pool.js";
import { crashResult, produceDump, produceRecords, StopRun, type InputState } from "./produce.js";
import { Progress, wantProgress } from "./progress.js";
import type { Reporter } from "./reporter.js";
import { RunStats } from "./stats.js";
import type { Task, TaskResult, TaskSettings } from "./task.js";

export type InputFormat = "text" | "jsonl" | "json" | "csv";

export interface RunConfig {
  inputs: string[];
  inputFormat: InputFormat;
  splitOn?: RegExp;
  glob: string;
  output?: string;
  outDir?: string;
  skipExisting: boolean;
  jobs: number;
  quiet: boolean;
  progress?: boolean;
  stats: boolean;
  settings: TaskSettings;
}

/** Tasks started or waiting per worker: enough to keep threads busy while the head of the line is slow. */
const WINDOW_PER_JOB = 4;
/** Bytes of input held by started-or-waiting tasks; one task is always let in, however large. */
const WINDOW_BYTES = 64 * 1024 * 1024;

const EXTENSIONS = { ndjson: ".json", json: ".json", text: ".txt", markdown: ".md" } as const;

interface Unit {
  input: InputState;
  bytes: number;
  result?: TaskResult;
  /** The input is over (with the problem that ended it, if any). */
  end?: { message?: string; stack?: string };
}

export async function runBatch(config: RunConfig, reporter: Reporter): Promise<RunOutcome> {
  const outcome = emptyOutcome(config.settings.strict);
  const stats = new RunStats();
  const fail = (path: string, message: string, stack?: string) => {
    outcome.failures++;
    reporter.problem(path, message, stack);
  };

  if (!config.inputs.length && process.stdin.isTTY && !config.quiet) {
    reporter.problem("-", "reading a dump from the terminal (end it with Ctrl-D; khabar --help shows the usage)");
  }
  const recordFormat: RecordFormat | null = config.splitOn ? "split" : config.inputFormat === "text" ? null : config.inputFormat;
  const refs = await expandInputs(config.inputs, {
    glob: config.glob,
    filesOnly: config.inputFormat === "text" ? null : config.inputFormat,
    onProblem: fail,
  });

  // Plan the out-dir names first: collisions and --skip-existing are known before any work starts.
  const plan: InputState[] = [];
  const targets = new Map<string, string>();
  for (const ref of refs) {
    let target: string | null = null;
    if (config.outDir) {
      target = join(config.outDir, ref.relative + EXTENSIONS[config.settings.format]);
      const other = targets.get(target);
      if (other !== undefined) {
        fail(ref.path, `its output ${target} would overwrite that of ${other}; skipped`);
        continue;
      }
      targets.set(target, ref.path);
      if (config.skipExisting && (await exists(target))) {
        stats.skipped++;
        continue;
      }
    }
    plan.push({ ref, target, sink: null, framer: createFramer(config.settings.format), failed: false });
  }

  const totalBytes = plan.reduce((n, s) => n + (s.ref.size ?? 0), 0);
  const progress =
    !config.quiet && wantProgress(config.progress, Boolean(process.stderr.isTTY), plan.length, totalBytes)
      ? new Progress(process.stderr, plan.length, totalBytes)
      : null;
  reporter.progress = progress;

  const single = plan.length <= 1 && recordFormat === null;
  const executor: Executor = config.jobs === 1 || single ? new InlineExecutor(config.settings) : new WorkerPool(config.jobs, config.settings);

  const main = config.outDir ? null : { sink: config.output ? StreamSink.file(config.output) : StreamSink.stdout(), framer: createFramer(config.settings.format) };

  const sinkFor = async (st: InputState): Promise<{ sink: Sink; framer: Framer }> => {
    if (main) return main;
    if (!st.sink) {
      st.sink = new AtomicFileSink(st.target!);
      await st.sink.write(st.framer.begin());
    }
    return { sink: st.sink, framer: st.framer };
  };

  const consume = async (u: Unit): Promise<void> => {
    const st = u.input;
    const path = st.ref.path;
    if (u.result) {
      const r = u.result;
      stats.documents += r.documents;
      outcome.warned += r.warned;
      if (r.stats) stats.merge(r.stats);
      for (const p of r.problems) {
        if (p.record === undefined) st.failed = true;
        fail(p.record === undefined ? path : `${path}: record ${p.record}`, p.message, p.stack);
      }
      for (const w of r.warnings) reporter.problem(path, w);
      if (r.outputs.length) {
        const { sink, framer } = await sinkFor(st);
        for (const s of r.outputs) await sink.write(framer.item(s));
      }
      stats.bytes += u.bytes;
      progress?.addBytes(u.bytes);
    }
    if (u.end) {
      if (u.end.message) {
        st.failed = true;
        fail(path, u.end.message, u.end.stack);
      }
      if (!main) {
        if (st.failed) await st.sink?.discard?.();
        else {
          const { sink, framer } = await sinkFor(st);
          await sink.write(framer.end());
          await sink.close();
        }
      }
      stats.inputs++;
      progress?.inputDone();
    }
  };

  const window = new OrderedWindow<Unit>(Math.max(WINDOW_PER_JOB, WINDOW_PER_JOB * config.jobs), WINDOW_BYTES, consume);
  const push = async (cost: number, work: () => Promise<Unit>) => {
    try {
      await window.push(cost, work);
    } catch (err) {
      throw new StopRun(err);
    }
  };
  const submit = (st: InputState, task: Task, bytes: number) =>
    push(bytes, () =>
      executor.run(task).then(
        (result) => ({ input: st, bytes, result }),
        (err: unknown) => ({ input: st, bytes, result: crashResult(task, err, config.settings) }),
      ),
    );
  const end = (st: InputState, problem?: { message: string; stack?: string }) => push(0, async () => ({ input: st, bytes: 0, end: problem ?? {} }));

  try {
    if (main) await main.sink.write(main.framer.begin());
    for (const st of plan) {
      if (recordFormat) await produceRecords(st, recordFormat, config.settings, config.splitOn, submit, end);
      else await produceDump(st, submit, end);
    }
    await window.finish();
    if (main) {
      await main.sink.write(main.framer.end());
      await main.sink.close();
    }
  } catch (caught) {
    const err = caught instanceof StopRun ? caught.cause : caught;
    if (err instanceof PipeClosedError) {
      outcome.pipeClosed = true;
      reporter.muted = true;
    } else if (err instanceof OutputError) {
      fail(err.path, `cannot write the output: ${err.message}`);
    } else {
      throw err;
    }
    for (const st of plan) await st.sink?.discard?.();
  } finally {
    await executor.close();
    progress?.clear();
    reporter.progress = null;
  }
  if (config.stats && !outcome.pipeClosed) {
    stats.failures = outcome.failures;
    reporter.report(stats.format());
  }
  return outcome;
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
