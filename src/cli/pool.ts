/**
 * A pool of worker threads (`-j N`), loaded only by a run that uses it.
 *
 * node:worker_threads directly, not a pool library: the needs are small (a task queue, lazy start,
 * a replacement when a worker dies) and every dependency of a CLI is paid for at each start-up.
 * Workers start lazily, so a run with two inputs never starts eight threads. Each worker holds up to
 * DEPTH tasks, so it starts the next one as soon as it has sent a result, without waiting for the
 * main thread to answer.
 *
 * A worker takes a while to start (it loads the library). Until one is ready, the main thread runs
 * queued tasks itself: a small batch is done before a thread would have started, and a big one loses
 * no time. For a few threads (MAIN_PARSES_UP_TO) the main thread goes on parsing as one of them;
 * otherwise, once a worker is ready, it only hands out tasks and writes.
 */
import { Worker } from "node:worker_threads";
import { WorkerCrashError, type Executor } from "./executor.js";
import { runTask, type Task, type TaskResult, type TaskSettings } from "./task.js";

interface Pending {
  id: number;
  task: Task;
  resolve: (r: TaskResult[]) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  held: Pending[];
}

/**
 * Tasks a worker holds at once: the one it parses and two more. With one more only, a worker whose two
 * batches were small ran dry while the main thread was busy parsing a batch of its own (see
 * THREAD_WINDOW_PER_JOB in batch.ts for the measurement).
 */
const DEPTH = 3;
/**
 * Up to this many threads, the main thread is one of them: it parses between handing out tasks and
 * writing, so `-j 2` is the main thread and one worker (one library to load and warm up instead of
 * two, and no third thread on two cores). Past it, handing out and writing for many workers is a
 * thread's work, and the main thread does only that (and parses only while no worker is ready).
 */
const MAIN_PARSES_UP_TO = 4;
/**
 * A worker's young generation (V8's default is about 3 × 16 MB): parsing allocates fast and keeps little,
 * so a smaller one costs no measurable time and keeps each thread's memory down (measured on the 200 MB
 * benchmark corpus: about 25 MiB less peak RSS for `-j 2`).
 */
const WORKER_YOUNG_MB = 16;
/** Workers that died before they were ready: past this many, the main thread does the work alone. */
const MAX_START_FAILURES = 3;

export class WorkerPool implements Executor {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;
  private helping = false;
  private startFailures = 0;

  /** Worker threads to start at most. */
  private readonly workers: number;

  constructor(
    size: number,
    private readonly settings: TaskSettings,
    /** The main thread parses too, as one of the `size` threads (rather than only while workers start). */
    private readonly mainParses = size <= MAIN_PARSES_UP_TO,
  ) {
    this.workers = mainParses ? size - 1 : size;
  }

  run(task: Task): Promise<TaskResult[]> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  private dispatch(): void {
    while (this.queue.length && !this.closed) {
      // More work waiting than threads starting: start one more, up to the size of the pool.
      const starting = this.slots.filter((s) => !s.ready).length;
      if (this.slots.length < this.workers && starting < this.queue.length && this.startFailures < MAX_START_FAILURES) this.spawn();
      // An idle worker first, then the least busy one with room.
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.ready && s.held.length < DEPTH && (!slot || s.held.length < slot.held.length)) slot = s;
      if (!slot) break;
      const job = this.queue.shift()!;
      slot.held.push(job);
      slot.worker.postMessage({ id: job.id, task: job.task }, transferList(job.task));
    }
    if (this.queue.length && !this.closed && !this.helping && (this.mainParses || !this.slots.some((s) => s.ready))) {
      this.helping = true;
      setImmediate(() => this.help());
    }
  }

  /** The main thread runs one queued task (no worker is ready yet, or it parses as one of the threads), then looks again. */
  private help(): void {
    this.helping = false;
    if (this.closed || (!this.mainParses && this.slots.some((s) => s.ready))) return;
    const job = this.queue.shift();
    if (!job) return;
    let results: TaskResult[];
    try {
      results = runTask(job.task, this.settings);
    } catch (err) {
      const e = err instanceof Error ? err : new Error(String(err));
      job.reject(new WorkerCrashError(e.message, e.stack));
      this.dispatch();
      return;
    }
    job.resolve(results);
    this.dispatch();
  }

  private spawn(): Slot {
    const worker = new Worker(new URL("./worker.js", import.meta.url), {
      workerData: this.settings,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    const slot: Slot = { worker, ready: false, held: [] };
    worker.on("message", (msg: { ready?: true; id: number; results?: TaskResult[]; crash?: { message: string; stack: string } }) => {
      if (msg.ready) {
        slot.ready = true;
        this.dispatch();
        return;
      }
      const i = slot.held.findIndex((p) => p.id === msg.id);
      if (i < 0) return;
      const [job] = slot.held.splice(i, 1);
      if (msg.results) job!.resolve(msg.results);
      else job!.reject(new WorkerCrashError(msg.crash!.message, msg.crash!.stack));
      this.dispatch();
    });
    const fail = (err: Error) => {
      const held = slot.held.splice(0);
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      if (!slot.ready) this.startFailures++;
      for (const job of held) job.reject(new WorkerCrashError(`worker thread stopped: ${err.message}`, err.stack));
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

/** Hand a dump's bytes over instead of copying them, when the buffer is the dump's alone. */
function transferList(task: Task): ArrayBuffer[] {
  if (task.kind !== "file") return [];
  const b = task.bytes;
  return b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer ? [b.buffer] : [];
}
