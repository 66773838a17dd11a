/**
 * Where documents go: standard output, `-o FILE`, or one file per input under `--out-dir`.
 * Writes wait for 'drain' (backpressure), so a slow reader downstream slows khabar instead of
 * filling its memory; a reader that goes away (EPIPE: `khabar dir | head -1`) ends the run quietly.
 */
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, unlink, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { randomBytes } from "node:crypto";
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

export class StreamSink implements Sink {
  private failure: Error | null = null;
  private waiters: (() => void)[] = [];

  constructor(
    private readonly stream: Writable,
    private readonly name: string,
    private readonly ownsStream: boolean,
  ) {
    stream.on("error", (err) => {
      this.failure ??= isPipeClosed(err) ? new PipeClosedError() : new OutputError(name, describeFsError(err));
      for (const w of this.waiters.splice(0)) w();
    });
  }

  static stdout(): StreamSink {
    return new StreamSink(process.stdout, "-", false);
  }

  static file(path: string): StreamSink {
    return new StreamSink(createWriteStream(path), path, true);
  }

  /** A failure seen so far (EPIPE or a write error), without writing. */
  get broken(): Error | null {
    return this.failure;
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (!text) return;
    if (this.stream.write(text)) return;
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
    if (this.failure) throw this.failure;
    if (!this.ownsStream) return;
    await new Promise<void>((resolve) => {
      this.stream.end(() => resolve());
      this.waiters.push(resolve);
    });
    if (this.failure) throw this.failure;
  }
}

/** Bytes gathered before one write to the temporary file. */
const FLUSH_BYTES = 256 * 1024;

/**
 * A file that appears under its name complete or not at all: written to a temporary file beside it
 * (named so no `*.json` glob picks it up), then renamed. A run killed midway leaves only `.*.tmp` files.
 */
export class AtomicFileSink implements Sink {
  private handle: FileHandle | null = null;
  private pending: string[] = [];
  private pendingBytes = 0;
  private readonly tempPath: string;

  constructor(readonly path: string) {
    this.tempPath = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  }

  async write(text: string): Promise<void> {
    this.pending.push(text);
    this.pendingBytes += text.length;
    if (this.pendingBytes >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (!this.handle) {
      await mkdir(dirname(this.path), { recursive: true });
      this.handle = await open(this.tempPath, "wx");
    }
    if (!this.pending.length) return;
    const text = this.pending.join("");
    this.pending = [];
    this.pendingBytes = 0;
    await this.handle.writeFile(text, "utf8");
  }

  /** Make the file appear under its name. */
  async close(): Promise<void> {
    try {
      await this.flush();
      await this.handle!.close();
      this.handle = null;
      await rename(this.tempPath, this.path);
    } catch (err) {
      await this.discard();
      throw new OutputError(this.path, describeFsError(err));
    }
  }

  /** Forget the file: the input failed, and a later `--skip-existing` run should try it again. */
  async discard(): Promise<void> {
    this.pending = [];
    if (this.handle) await this.handle.close().catch(() => {});
    this.handle = null;
    await unlink(this.tempPath).catch(() => {});
  }
}
