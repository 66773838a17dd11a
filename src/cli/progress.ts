/**
 * The progress bar: one line on stderr, redrawn in place, only when stderr is a terminal and the batch
 * is big enough to be worth watching. Cleared at the end, so nothing of it stays in the scroll-back.
 */

/** A batch smaller than both of these finishes before a bar would help. */
export const PROGRESS_MIN_INPUTS = 20;
export const PROGRESS_MIN_BYTES = 20 * 1024 * 1024;
/** Redraws at most this often (ms): a terminal is slower than a fast run. */
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export function wantProgress(flag: boolean | undefined, isTTY: boolean, inputs: number, bytes: number): boolean {
  if (flag === false || !isTTY) return false;
  // --progress asks for the bar however small the batch; it still never goes to a log file or a pipe.
  return flag === true || inputs >= PROGRESS_MIN_INPUTS || bytes >= PROGRESS_MIN_BYTES;
}

function clock(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return "--:--";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

export class Progress {
  private done = 0;
  private bytes = 0;
  private lastDraw = 0;
  private shown = false;
  private readonly started = performance.now();

  constructor(
    private readonly stream: NodeJS.WriteStream,
    private readonly totalInputs: number,
    private readonly totalBytes: number,
  ) {}

  addBytes(n: number): void {
    this.bytes += n;
    this.draw(false);
  }

  inputDone(): void {
    this.done++;
    this.draw(false);
  }

  /** Take the bar off the screen (before a message, and at the end). */
  clear(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }

  /** Put it back after a message. */
  redraw(): void {
    this.draw(true);
  }

  line(now = performance.now()): string {
    const seconds = (now - this.started) / 1000;
    const mbps = seconds > 0 ? this.bytes / 1e6 / seconds : 0;
    const share = this.totalBytes > 0 ? Math.min(1, this.bytes / this.totalBytes) : this.totalInputs ? this.done / this.totalInputs : 0;
    const filled = Math.round(share * BAR_WIDTH);
    const eta = share > 0 ? (seconds * (1 - share)) / share : NaN;
    const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    return `khabar ${bar} ${this.done}/${this.totalInputs} files  ${(this.bytes / 1e6).toFixed(1)} MB  ${mbps.toFixed(1)} MB/s  ETA ${clock(eta)}`;
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    const columns = this.stream.columns || 80;
    this.stream.write(`\r${this.line(now).slice(0, columns - 1)}\x1b[K`);
    this.shown = true;
  }
}
