/**
 * Streams of text: bytes from a file or stdin, decoded chunk by chunk, cut into lines. Nothing here
 * holds more than one chunk and one line, so a JSONL or `--split-on` file of any size reads in flat memory.
 */
import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
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

export function openBytes(path: string, stdin: boolean): Readable {
  // 64 KiB: a decoded chunk stays a regular young-generation string (a bigger one goes to the large-object
  // space and lives until a full collection), which keeps a long JSONL run in less memory.
  return stdin ? process.stdin : createReadStream(path, { highWaterMark: 64 * 1024 });
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

/**
 * Lines with their terminator (`\n`, `\r\n`, or none for a last line without one). A line that spans chunks is
 * kept as its pieces and joined once, when its end comes: only each new chunk is searched, so a record of
 * any length reads in linear time (gluing the carry to each chunk and searching the whole again was
 * quadratic: a 40 MB JSONL record took 20 s).
 */
export async function* rawLines(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pieces: string[] = [];
  for await (const chunk of chunks) {
    let nl = chunk.indexOf("\n");
    if (nl < 0) {
      if (chunk) pieces.push(chunk);
      continue;
    }
    const head = chunk.slice(0, nl + 1);
    if (pieces.length) {
      pieces.push(head);
      yield pieces.join("");
      pieces = [];
    } else yield head;
    let start = nl + 1;
    while ((nl = chunk.indexOf("\n", start)) >= 0) {
      yield chunk.slice(start, nl + 1);
      start = nl + 1;
    }
    if (start < chunk.length) pieces.push(chunk.slice(start));
  }
  if (pieces.length) yield pieces.join("");
}

/** A line without its terminator. */
export function stripEol(line: string): string {
  let end = line.length;
  if (end && line.charCodeAt(end - 1) === 0x0a) end--;
  if (end && line.charCodeAt(end - 1) === 0x0d) end--;
  return line.slice(0, end);
}
