/**
 * Streams of text: bytes from a file or stdin, decoded chunk by chunk, cut into lines. Nothing here
 * holds more than one chunk and one line, so a JSONL or `--split-on` file of any size reads in flat memory.
 */
import { closeSync, createReadStream, openSync, readSync, statSync } from "node:fs";
import { looksBinary, StreamDecoder } from "../encoding/index.js";

/** Thrown for a stream that is not text; the caller reports it as a bad input. */
export class BinaryInputError extends Error {}

export interface TextSource {
  /** Decoded text, chunk by chunk. */
  chunks: AsyncGenerator<string>;
  decoder: StreamDecoder;
  /** Bytes read so far (for progress and MB/s). */
  readonly bytesRead: number;
}

/**
 * 64 KiB: a decoded chunk stays a regular young-generation string (a bigger one goes to the large-object
 * space and lives until a full collection), which keeps a long JSONL run in less memory.
 */
const CHUNK_BYTES = 64 * 1024;

export function openBytes(path: string, stdin: boolean): AsyncIterable<Uint8Array> {
  return stdin ? process.stdin : fileChunks(path);
}

/**
 * A file's bytes chunk by chunk. A regular file is read synchronously, as dump files are: a stream's reads go
 * through the thread pool and its buffering, and on a JSONL run the main thread sat idle ~6% of the time
 * waiting for them. A pipe or a device given by name (`khabar --input-format jsonl <(zcat x.gz)`) is streamed,
 * so waiting for its writer never blocks the run. Each chunk is a new buffer: decoders may keep a view of it.
 */
async function* fileChunks(path: string): AsyncGenerator<Uint8Array> {
  // Asked of the path, not of an open descriptor: opening a FIFO takes its writer, and a second open (the
  // stream's) would then wait for another one.
  if (!statSync(path).isFile()) {
    yield* createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Uint8Array>;
    return;
  }
  const fd = openSync(path, "r");
  try {
    for (;;) {
      const chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
      const n = readSync(fd, chunk, 0, CHUNK_BYTES, null);
      if (n === 0) return;
      yield n === CHUNK_BYTES ? chunk : chunk.subarray(0, n);
    }
  } finally {
    closeSync(fd);
  }
}

export function openText(bytes: AsyncIterable<Uint8Array>, encodingName: string): TextSource {
  const decoder = new StreamDecoder(encodingName);
  const state = { bytesRead: 0 };
  async function* chunks(): AsyncGenerator<string> {
    let first = true;
    for await (const chunk of bytes) {
      if (first) {
        first = false;
        if (looksBinary(chunk)) throw new BinaryInputError("binary file, skipped (not a text dump)");
      }
      state.bytesRead += chunk.byteLength;
      const text = decoder.write(chunk);
      if (text) yield text;
    }
    const rest = decoder.end();
    if (rest) yield rest;
  }
  return {
    chunks: chunks(),
    decoder,
    get bytesRead() {
      return state.bytesRead;
    },
  };
}

/** Lines with their terminator (`\n`, `\r\n`, or none for a last line without one). */
export async function* rawLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let carry = "";
  for await (const chunk of chunks) {
    let text = carry ? carry + chunk : chunk;
    let start = 0;
    let nl: number;
    while ((nl = text.indexOf("\n", start)) >= 0) {
      yield text.slice(start, nl + 1);
      start = nl + 1;
    }
    carry = text.slice(start);
    text = "";
  }
  if (carry) yield carry;
}

/** A line without its terminator. */
export function stripEol(line: string): string {
  let end = line.length;
  if (end && line.charCodeAt(end - 1) === 0x0a) end--;
  if (end && line.charCodeAt(end - 1) === 0x0d) end--;
  return line.slice(0, end);
}
