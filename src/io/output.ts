/**
 * Where documents go: standard output, `-o FILE`, or one file per input under `--out-dir`.
 * Writes wait for 'drain' (backpressure), so a slow reader downstream slows khabar instead of
 * filling its memory; a reader that goes away (EPIPE: `khabar dir | head -1`) ends the run quietly.
 */
import { transcode } from "node:buffer";
import { closeSync, createWriteStream, fstatSync, mkdirSync, openSync, renameSync, unlinkSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { Writable } from "node:stream";
import { hasNativeTranscode } from "../encoding/utf8.js";
import { describeFsError } from "./fsErrors.js";

/** The reader of standard output went away. Not an error: the run ends with status 0. */
export class PipeClosedError extends Error {
  constructor() {
    super("standard output was closed");
  }
}

/** Writing the output failed (disk full, …): the run cannot go on. */
export class OutputError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
  }
}

export interface Sink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
  /** Drop what was written (only files under --out-dir can). */
  discard?(): Promise<void>;
}

function isPipeClosed(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === "EPIPE" || code === "ERR_STREAM_DESTROYED" || code === "ERR_STREAM_WRITE_AFTER_END";
}

/**
 * Text gathered by `StreamSink.add` before a write, as UTF-16 code units (bytes: two a unit). Documents are
 * copied straight into a buffer outside the JS heap, so many go out in one write and no string of them all is
 * ever made (a big string lives in the old generation until a full collection; a buffer goes with its
 * handle). The whole buffer is then encoded to UTF-8 in one native call (`transcode`), about twice as fast
 * on Arabic text as encoding each document with `Buffer#write` (V8 encodes a two-byte string one unit at a
 * time). Node builds without ICU have no `transcode`: they encode each text as it comes.
 */
const STAGE_BYTES = 2 * 1024 * 1024;

const isLowSurrogate = (unit: number) => (unit & 0xfc00) === 0xdc00;
/** The high byte of a staged UTF-16LE unit (the second of its two) is that of a high surrogate. */
const isHighSurrogateByte = (byte: number) => (byte & 0xfc) === 0xd8;

/**
 * UTF-8 of the texts staged in `units` (UTF-16LE), text `k` ending at byte `ends[k]`: the same bytes as
 * encoding each text by itself (`add` never stages a text that starts with a low surrogate right after one
 * that ends with a high surrogate: `transcode` would pair them). `transcode` refuses a lone surrogate (a
 * JSON document never holds one: JSON.stringify escapes them, but other formats may); the texts are then
 * encoded one by one, as `Buffer.from` does, each lone surrogate as U+FFFD.
 */
function encodeStaged(units: Buffer, ends: readonly number[]): Buffer {
  const used = ends[ends.length - 1]!;
  try {
    return transcode(units.subarray(0, used), "utf16le", "utf8");
  } catch {
    let start = 0;
    return Buffer.concat(
      ends.map((end) => {
        const text = units.toString("utf16le", start, end);
        start = end;
        return Buffer.from(text, "utf8");
      }),
    );
  }
}

/**
 * A file descriptor written as process.stdout writes a regular file — synchronously, so what goes to stderr
 * (often the same file: `> log 2>&1`) keeps its place — but whole: a short write is carried on, and the error
 * of the write after it (ENOSPC) reaches the stream. The descriptor is left open.
 */
class WholeWrites extends Writable {
  constructor(private readonly fd: number) {
    super();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (err?: Error | null) => void): void {
    try {
      for (let at = 0; at < chunk.length; ) at += writeSync(this.fd, chunk, at, chunk.length - at);
    } catch (err) {
      done(err as Error);
      return;
    }
    done();
  }
}

export class StreamSink implements Sink {
  private failure: Error | null = null;
  private waiters: (() => void)[] = [];
  /** The buffer `add` copies texts into (UTF-16LE, or UTF-8 without `transcode`), and how much of it is used. */
  private buffer: Buffer | null = null;
  private used = 0;
  /** Where each text added since the last pushBuffer ends in the buffer (to encode them one by one, see pushBuffer). */
  private ends: number[] = [];
  private readonly staged = hasNativeTranscode();
  /** Filled buffers (and long texts) waiting for `flush`. */
  private pending: Uint8Array[] = [];

  constructor(
    private readonly stream: Writable,
    private readonly name: string,
    private readonly ownsStream: boolean,
  ) {
    stream.on("error", (err) => this.fail(err));
  }

  private fail(err: Error): void {
    this.failure ??= isPipeClosed(err) ? new PipeClosedError() : new OutputError(this.name, describeFsError(err));
    for (const w of this.waiters.splice(0)) w();
  }

  /**
   * Standard output. Redirected to a regular file, it is written through a stream of khabar's own on the same
   * descriptor (WholeWrites, not closed at the end): Node's process.stdout drops the rest of a short write to a
   * file, which is what a full disk gives first, so the last bytes of a run could go missing with no error and exit 0.
   */
  static stdout(): StreamSink {
    let file = false;
    try {
      file = fstatSync(1).isFile();
    } catch {
      // No standard output to look at: process.stdout reports it.
    }
    if (file) return new StreamSink(new WholeWrites(1), "-", true);
    return new StreamSink(process.stdout, "-", false);
  }

  static file(path: string): StreamSink {
    return new StreamSink(createWriteStream(path), path, true);
  }

  /** A failure seen so far (EPIPE or a write error), without writing. */
  get broken(): Error | null {
    return this.failure;
  }

  /** Queue text for the next `flush` (or `write`, `close`); a text too long for the buffer is written by itself. */
  add(text: string): void {
    // Two bytes a UTF-16 code unit staged; UTF-8 takes at most 3 bytes per unit.
    const most = text.length * (this.staged ? 2 : 3);
    if (this.buffer && this.used + most > this.buffer.length) this.pushBuffer();
    if (most > STAGE_BYTES) {
      this.pending.push(Buffer.from(text, "utf8"));
      return;
    }
    this.buffer ??= Buffer.allocUnsafe(STAGE_BYTES);
    if (!this.staged) {
      this.used += this.buffer.write(text, this.used, "utf8");
      return;
    }
    if (this.used > 0 && isLowSurrogate(text.charCodeAt(0)) && isHighSurrogateByte(this.buffer[this.used - 1]!)) {
      // Each text is encoded by itself: a pair split between two texts must not be joined in one transcode.
      this.pushBuffer();
    }
    this.used += this.buffer.write(text, this.used, "utf16le");
    this.ends.push(this.used);
  }

  /** Write what `add` queued, waiting for the stream to take it (backpressure). */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    this.pushBuffer();
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) await this.writeRaw(chunk);
  }

  private pushBuffer(): void {
    if (!this.buffer || !this.used) return;
    if (this.staged) {
      // The encoded bytes are a new buffer, which the stream may hold until it has written them: the staging
      // buffer is free again at once.
      this.pending.push(encodeStaged(this.buffer, this.ends));
      this.ends = [];
    } else {
      // The stream may hold the bytes until they are written: the next documents go to a new buffer.
      this.pending.push(this.buffer.subarray(0, this.used));
      this.buffer = null;
    }
    this.used = 0;
  }

  async write(text: string): Promise<void> {
    await this.flush();
    if (!text) return;
    await this.writeRaw(text);
  }

  private async writeRaw(data: string | Uint8Array): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.stream.write(data)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.stream.off("drain", done);
        resolve();
      };
      this.waiters.push(done);
      this.stream.once("drain", done);
    });
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    await this.flush();
    if (!this.ownsStream) {
      // A write that failed reports it a tick later ('error' is emitted on the next tick): wait for it.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (this.failure) throw this.failure;
      return;
    }
    await new Promise<void>((resolve) => {
      // end's callback gets the error of a last write that failed, before 'error' is emitted.
      this.stream.end((err?: Error | null) => {
        if (err) this.fail(err);
        resolve();
      });
      this.waiters.push(resolve);
    });
    if (this.failure) throw this.failure;
  }
}

/** Bytes gathered before one write to the temporary file. */
const FLUSH_BYTES = 256 * 1024;

/** Folders made (or found) under --out-dir so far: each is made once. */
const madeDirs = new Set<string>();

/**
 * A file that appears under its name complete or not at all: written to a temporary file beside it
 * (named so no `*.json` glob picks it up), then renamed. A run killed midway leaves only `.*.tmp` files.
 *
 * The file system calls are synchronous: an output is usually one small document, and five awaited
 * calls (mkdir, open, write, close, rename) each a round trip through the thread pool cost more than
 * the parse of the document; blocking the main thread for them costs the workers nothing.
 */
export class AtomicFileSink implements Sink {
  private fd: number | null = null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private readonly tempPath: string;

  constructor(readonly path: string) {
    // Unique enough beside the pid (and opened with "wx", so a clash fails instead of sharing a file);
    // node:crypto is not loaded for it.
    const tag = Math.floor(Math.random() * 0x100000000)
      .toString(16)
      .padStart(8, "0");
    this.tempPath = join(dirname(path), `.${basename(path)}.${process.pid}-${tag}.tmp`);
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) {
      try {
        this.flush();
      } catch (err) {
        await this.discard();
        throw new OutputError(this.path, describeFsError(err));
      }
    }
  }

  private flush(): void {
    if (this.fd === null) {
      const dir = dirname(this.path);
      if (!madeDirs.has(dir)) {
        mkdirSync(dir, { recursive: true });
        madeDirs.add(dir);
      }
      try {
        this.fd = openSync(this.tempPath, "wx");
      } catch (err) {
        if ((err as { code?: unknown }).code !== "ENOENT") throw err;
        // The folder went away since it was made: make it again.
        mkdirSync(dir, { recursive: true });
        this.fd = openSync(this.tempPath, "wx");
      }
    }
    if (!this.pending.length) return;
    const text = this.pending.length === 1 ? this.pending[0]! : this.pending.join("");
    this.pending = [];
    this.pendingBytes = 0;
    writeFileSync(this.fd, text, "utf8");
  }

  /** Make the file appear under its name. */
  async close(): Promise<void> {
    try {
      this.flush();
      closeSync(this.fd!);
      this.fd = null;
      renameSync(this.tempPath, this.path);
    } catch (err) {
      await this.discard();
      throw new OutputError(this.path, describeFsError(err));
    }
  }

  /** Forget the file: the input failed, and a later `--skip-existing` run should try it again. */
  async discard(): Promise<void> {
    this.pending = [];
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed or never usable: nothing to do
      }
      this.fd = null;
      try {
        unlinkSync(this.tempPath);
      } catch {
        // not there: nothing to do
      }
    }
  }
}
