/**
 * The run of `khabar [options] [inputs...]`: inputs → tasks → (threads) → documents in input order
 * → stdout, `-o FILE` or `--out-dir`. Bad inputs are reported and skipped; the batch goes on.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { createFramer, type Framer } from "../emit/index.js";
import { AtomicFileSink, OutputError, PipeClosedError, StreamSink, type Sink } from "../io/output.js";
import type { RecordFormat } from "../io/records.js";
import { walkInputs, type InputRef } from "../io/walk.js";
import { emptyOutcome, type RunOutcome } from "./exitCode.js";
import { OrderedWindow, StopRun } from "./ordered.js";
import { crashResult, InlineExecutor, type Executor } from "./executor.js";
import type { Progress } from "./progress.js";
import type { Reporter } from "./reporter.js";
import { RunStats } from "./stats.js";
import { MAX_DUMP_BYTES, type Task, type TaskResult, type TaskSettings } from "./task.js";

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
  /** -j was not given: `jobs` is the number of cores, and the run may use fewer threads where that is faster. */
  defaultJobs?: boolean;
  quiet: boolean;
  progress?: boolean;
  stats: boolean;
  settings: TaskSettings;
}

/**
 * Tasks started or waiting per thread: enough to keep threads busy while the head of the line is slow.
 * With threads, 8: at 4 a batch with a big dump at the head of the line (parsed by the main thread)
 * filled the window, and the worker, out of tasks, waited (measured on the 20 MB benchmark corpus
 * with -j 2, idle time of both threads from CPU profiles: ~175 ms a run at 4 with a worker depth of 2,
 * ~65 ms at 8 with a depth of 3; peak RSS +3 MiB). One thread parses its tasks in order, so 4 is plenty.
 */
const WINDOW_PER_JOB = 4;
const THREAD_WINDOW_PER_JOB = 8;
/** Bytes of input held by started-or-waiting tasks; one task is always let in, however large. */
const WINDOW_BYTES = 64 * 1024 * 1024;
/**
 * Dump files go to a thread in batches: one message, one answer and one write for many small files.
 * A batch ends at BATCH_FILES files or BATCH_BYTES bytes (in the main thread, the task itself stops once it
 * has read BATCH_BYTES, and the files it left are the start of the next batch). With threads, batches are smaller: documents
 * waiting for their turn are held by both threads and outlive young-generation collections (on the
 * 200 MB benchmark corpus, -j 2 peaks at ~195 MiB with 128 files / 256 KB and ~165 MiB with 32 / 64 KB,
 * at the same speed); a small run is cut finer still, so that each thread gets a few batches.
 */
const BATCH_FILES = 128;
const BATCH_BYTES = 256 * 1024;
const THREAD_BATCH_FILES = 32;
const THREAD_BATCH_BYTES = 64 * 1024;
const BATCHES_PER_JOB = 4;
/**
 * A run smaller than this is parsed in the main thread whatever -j says: a worker takes a while to start
 * and to warm up (each thread compiles the library anew), and on two cores `-j 2` only wins on runs of
 * several MB (measured: 2 MB of dumps took 0.87 s with -j 1 and 1.03 s with -j 2; 4 MB about the same).
 */
const SMALL_RUN_BYTES = 4 * 1024 * 1024;
/**
 * With the default -j on a machine of two cores, a run of dump files stays in the main thread up to this size.
 * Each thread compiles the library anew (V8's optimizing compiler: ~1 s of CPU per thread, on a background
 * thread), and on two cores the worker's compiling competes with both parsers instead of using an idle core.
 * Measured on subsets of the 200 MB benchmark tree (interleaved runs): -j 2 took 7–10% longer than -j 1 on
 * 38 MB (and ~1.5 s more CPU), broke even at 57 MB, and won ~10% at 76 MB. Records (JSONL, JSON, CSV, and
 * --split-on dumps) keep SMALL_RUN_BYTES: on JSONL -j 2 broke even at 20 MB and won at 40 MB. A -j given on the command line is taken
 * at its word (above SMALL_RUN_BYTES), and machines with more cores keep SMALL_RUN_BYTES (not measured here).
 */
const TWO_CORE_FILES_RUN_BYTES = 48 * 1024 * 1024;
/**
 * Inputs looked at before starting, at most (the rest are walked as they are parsed): a run with more is not
 * small, whatever its size.
 */
const MAX_LOOKAHEAD = 16384;
/** The same, when the bar for a small run is TWO_CORE_FILES_RUN_BYTES (48 MiB of dumps can be ~25k files). */
const MAX_LOOKAHEAD_TWO_CORES = 32768;

/** How small a run must be to stay in the main thread: under `bytes` of known size, and at most `inputs` inputs. */
export function smallRunBar(jobs: number, defaultJobs: boolean, recordFormat: RecordFormat | null): { bytes: number; inputs: number } {
  if (defaultJobs && jobs === 2 && recordFormat === null) return { bytes: TWO_CORE_FILES_RUN_BYTES, inputs: MAX_LOOKAHEAD_TWO_CORES };
  return { bytes: SMALL_RUN_BYTES, inputs: MAX_LOOKAHEAD };
}

const EXTENSIONS = { ndjson: ".json", json: ".json", text: ".txt", markdown: ".md" } as const;

/** One input of the run, as the writer sees it. */
export interface InputState {
  ref: InputRef;
  /** The file under --out-dir, or null when writing to stdout / -o. */
  target: string | null;
  sink: Sink | null;
  /** The framing of the file under --out-dir (made with the file). */
  framer: Framer | null;
  failed: boolean;
}

/** What one task gave for one input: documents, or the end of the input, or both. */
interface Part {
  input: InputState;
  bytes: number;
  result?: TaskResult;
  /** The input is over (with the problem that ended it, if any). */
  end?: { message?: string; stack?: string };
}

/** What one task gave, in input order. */
type Unit = Part[];

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
  // Sizes before reading are for the progress bar's totals, and with threads for the look-ahead and the batches.
  // Otherwise (-j 1) the walk stats no plain file: the task that reads a file learns its size from its fstat.
  const wantTotals = !config.quiet && config.progress !== false && Boolean(process.stderr.isTTY);
  const refs = walkInputs(config.inputs, {
    glob: config.glob,
    filesOnly: config.inputFormat === "text" ? null : config.inputFormat,
    onProblem: fail,
    sizes: wantTotals || config.jobs > 1,
  });

  // Inputs are walked as they are parsed, so a tree of any size takes no memory for its list. The out-dir
  // names are checked as they come: a collision, or with --skip-existing an existing output, skips the input.
  const targets = new Map<string, string>();
  function* inputs(): Generator<InputState, void, undefined> {
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
        if (config.skipExisting && existsSync(target)) {
          stats.skipped++;
          continue;
        }
      }
      yield { ref, target, sink: null, framer: null, failed: false };
    }
  }
  const source = inputs();

  // Look ahead: the progress bar shows totals (so the whole list is made first); a small run is parsed here
  // without threads, and one just above that is cut into smaller batches, so each thread gets some.
  const aheadFiles = config.jobs === 1 ? 0 : config.jobs * BATCHES_PER_JOB * THREAD_BATCH_FILES;
  const bar = smallRunBar(config.jobs, config.defaultJobs === true, recordFormat);
  const ahead: InputState[] = [];
  let aheadBytes = 0;
  let walked = false;
  // One input past the cap, so that a walk of exactly bar.inputs inputs is seen to end.
  while (wantTotals || (config.jobs > 1 && ahead.length <= bar.inputs && (ahead.length < aheadFiles || aheadBytes < bar.bytes)) || ahead.length < 2) {
    const next = source.next();
    if (next.done) {
      walked = true;
      break;
    }
    ahead.push(next.value);
    aheadBytes += next.value.ref.size ?? Infinity;
  }

  let progress: Progress | null = null;
  if (wantTotals) {
    const { Progress, wantProgress } = await import("./progress.js");
    const totalBytes = ahead.reduce((n, s) => n + (s.ref.size ?? 0), 0);
    if (wantProgress(config.progress, true, ahead.length, totalBytes)) progress = new Progress(process.stderr, ahead.length, totalBytes);
  }
  reporter.progress = progress;

  // Sizes are known for files (when asked), not for standard input or pipes (aheadBytes is then infinite).
  const small = walked && ahead.length <= bar.inputs && (aheadBytes < bar.bytes || (ahead.length <= 1 && recordFormat === null));
  // The pool (and node:worker_threads) is loaded only when used: a one-file run does not pay for it.
  const executor: Executor =
    config.jobs === 1 || small ? new InlineExecutor(config.settings) : new (await import("./pool.js")).WorkerPool(config.jobs, config.settings);

  const mainSink = config.outDir ? null : config.output ? StreamSink.file(config.output) : StreamSink.stdout();
  const main = mainSink && { sink: mainSink, framer: createFramer(config.settings.format), add: (text: string) => mainSink.add(text) };

  /** Inputs whose file under --out-dir is open: dropped if the run stops. */
  const open = new Set<InputState>();
  const sinkFor = async (st: InputState): Promise<{ sink: Sink; framer: Framer }> => {
    if (main) return main;
    if (!st.sink || !st.framer) {
      st.sink = new AtomicFileSink(st.target!);
      st.framer = createFramer(config.settings.format);
      open.add(st);
      await st.sink.write(st.framer.begin());
    }
    return { sink: st.sink, framer: st.framer };
  };

  const consume = async (unit: Unit): Promise<void> => {
    // Everything a task gave for standard output or -o goes out in one write.
    for (const u of unit) {
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
          if (main) for (const s of r.outputs) main.framer.put(s, main.add);
          else {
            const { sink, framer } = await sinkFor(st);
            for (const s of r.outputs) await sink.write(framer.item(s));
          }
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
          open.delete(st);
        }
        stats.inputs++;
        progress?.inputDone();
      }
    }
    if (main) await main.sink.flush();
  };

  const perJob = executor instanceof InlineExecutor ? WINDOW_PER_JOB : THREAD_WINDOW_PER_JOB;
  const window = new OrderedWindow<Unit>(Math.max(WINDOW_PER_JOB, perJob * config.jobs), WINDOW_BYTES, consume);
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
        (results) => [{ input: st, bytes, result: results[0]! }],
        (err: unknown) => [{ input: st, bytes, result: crashResult(task, err, config.settings)[0]! }],
      ),
    );
  const end = (st: InputState, problem?: { message: string; stack?: string }) => push(0, async () => [{ input: st, bytes: 0, end: problem ?? {} }]);

  /** Dump files, read and parsed by the task; each is one input, over with its document. */
  const runFiles = async (task: Extract<Task, { kind: "files" }>): Promise<TaskResult[]> => {
    try {
      return await executor.run(task);
    } catch (err) {
      // A thread died on the batch: run its files one by one, so only the file that kills a thread fails.
      if (task.paths.length === 1) return crashResult(task, err, config.settings);
      const one = await Promise.all(task.paths.map((path) => runFiles({ kind: "files", paths: [path] })));
      return one.map((r) => r[0]!);
    }
  };
  // Inputs read here (records, standard input, pipes) need the producers; a run over files does not load them.
  const produce = () => import("./produce.js");
  const threads = !(executor instanceof InlineExecutor);
  const files = walked ? ahead.filter((st) => !st.ref.stdin).length : Infinity;
  const maxFiles = threads ? Math.max(1, Math.min(THREAD_BATCH_FILES, Math.ceil(files / (config.jobs * BATCHES_PER_JOB)))) : BATCH_FILES;
  const maxBytes = threads ? THREAD_BATCH_BYTES : BATCH_BYTES;
  let batch: InputState[] = [];
  /** Bytes of the batch's files, as far as their sizes are known (with threads, they all are). */
  let batchBytes = 0;
  const unitOf = (states: InputState[], results: TaskResult[]): Unit =>
    results.map((result, i) => ({ input: states[i]!, bytes: result.bytes, result, end: {} }));
  /**
   * Sends the batch on. To a thread: whole, cut by the sizes the walk gave. In the main thread, tasks run one
   * after another anyway: the task reads until maxBytes, this waits for it, and the files it did not read stay
   * in the batch, first in line for the next task. The entry then holds the bytes that were really read.
   */
  const sendBatch = async () => {
    const states = batch;
    if (threads) {
      const bytes = batchBytes;
      batch = [];
      batchBytes = 0;
      await push(bytes, async () => unitOf(states, await runFiles({ kind: "files", paths: states.map((st) => st.ref.path) })));
      return;
    }
    let unit: Unit;
    try {
      unit = await window.run(
        batchBytes,
        async () => unitOf(states, await runFiles({ kind: "files", paths: states.map((st) => st.ref.path), maxBytes })),
        (done) => done.reduce((n, part) => n + part.bytes, 0),
      );
    } catch (err) {
      throw new StopRun(err);
    }
    batch = states.slice(unit.length);
    batchBytes = batch.reduce((n, st) => n + (st.ref.size ?? 0), 0);
  };
  const flushBatch = async () => {
    while (batch.length) await sendBatch();
  };

  try {
    if (main) await main.sink.write(main.framer.begin());
    for (const st of chain(ahead, source)) {
      if (recordFormat) await (await produce()).produceRecords(st, recordFormat, config.settings, config.splitOn, submit, end);
      else if (!st.ref.regular || (st.ref.size !== null && st.ref.size > MAX_DUMP_BYTES)) {
        // Standard input, a pipe, or a file known to be too large: read (or refused) here, in its place in the order.
        // (A file whose size the walk did not ask is refused by the task that opens it, with the same message.)
        await flushBatch();
        await (await produce()).produceDump(st, submit, end);
      } else {
        batch.push(st);
        batchBytes += st.ref.size ?? 0;
        if (batch.length >= maxFiles || batchBytes >= maxBytes) await sendBatch();
      }
    }
    await flushBatch();
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
    for (const st of open) await st.sink?.discard?.();
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

function* chain<T>(first: (T | undefined)[], rest: Iterator<T>): Generator<T, void, undefined> {
  for (let i = 0; i < first.length; i++) {
    const item = first[i] as T;
    first[i] = undefined; // let go of the looked-ahead inputs as they are used
    yield item;
  }
  for (let next = rest.next(); !next.done; next = rest.next()) yield next.value;
}
