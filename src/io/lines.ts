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
  // Records are cut from the text after decoding: each must learn where its own NULs were (encoding/marks.ts).
  const decoder = new StreamDecoder(encodingName, { marks: true });
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
 * Longest record a reader keeps (a JSONL line, a JSON array element), in UTF-16 units: a record past it is no
 * page, and V8's strings end at ~512 Mi.
 */
export const MAX_RECORD_UNITS = 256 * 1024 * 1024;

/** A line or JSON element past MAX_RECORD_UNITS: its text was let go as it came, only its length is known. */
export class Overlong {
  constructor(
    /** Its length in UTF-16 units (a line's terminator included). */
    readonly length: number,
  ) {}
}

/**
 * Lines with their terminator (`\n`, `\r\n`, or none for a last line without one). A line that spans chunks is
 * kept as its pieces and joined once, when its end comes: only each new chunk is searched, so a record of
 * any length reads in linear time (gluing the carry to each chunk and searching the whole again was
 * quadratic: a 40 MB JSONL record took 20 s). A line past `maxUnits` is not kept at all: it comes as an
 * Overlong, and the lines after it as usual.
 */
export async function* rawLines(chunks: AsyncIterable<string>, maxUnits = MAX_RECORD_UNITS): AsyncGenerator<string | Overlong> {
  const line = new RecordPieces(maxUnits);
  for await (const chunk of chunks) {
    let nl = chunk.indexOf("\n");
    if (nl < 0) {
      if (chunk) line.add(chunk);
      continue;
    }
    line.add(chunk.slice(0, nl + 1));
    yield line.take();
    let start = nl + 1;
    while ((nl = chunk.indexOf("\n", start)) >= 0) {
      line.add(chunk.slice(start, nl + 1));
      yield line.take();
      start = nl + 1;
    }
    if (start < chunk.length) line.add(chunk.slice(start));
  }
  if (!line.empty) yield line.take();
}

/**
 * Lines of a text as SPEC §1 cuts a dump: at `\n`, `\r\n` or a lone `\r`, each with its terminator (a `--split-on`
 * file of old Mac line ends, or one dump ending in a lone CR before the next separator, must not read as one line).
 * A CR that ends a chunk may be the first half of a CRLF: its line waits for the next chunk's first character.
 * As rawLines, a line spanning chunks is joined once, and a line past `maxUnits` comes as an Overlong.
 */
export async function* textLines(chunks: AsyncIterable<string>, maxUnits = MAX_RECORD_UNITS): AsyncGenerator<string | Overlong> {
  const line = new RecordPieces(maxUnits);
  let pendingCR = false;
  for await (const chunk of chunks) {
    if (!chunk) continue;
    let start = 0;
    if (pendingCR) {
      pendingCR = false;
      if (chunk.charCodeAt(0) === 0x0a) {
        line.add("\n");
        start = 1;
      }
      yield line.take();
    }
    // The next LF and CR at or after `start`, each searched again only once passed (linear in the chunk).
    let lf = chunk.indexOf("\n", start);
    let cr = chunk.indexOf("\r", start);
    while (lf >= 0 || cr >= 0) {
      let end: number;
      if (cr >= 0 && (lf < 0 || cr < lf)) {
        if (cr + 1 === chunk.length) {
          pendingCR = true;
          break;
        }
        end = chunk.charCodeAt(cr + 1) === 0x0a ? cr + 2 : cr + 1;
      } else end = lf + 1;
      line.add(chunk.slice(start, end));
      yield line.take();
      start = end;
      if (lf >= 0 && lf < start) lf = chunk.indexOf("\n", start);
      if (cr >= 0 && cr < start) cr = chunk.indexOf("\r", start);
    }
    if (start < chunk.length) line.add(chunk.slice(start));
  }
  if (!line.empty) yield line.take();
}

/** One record's pieces as they come, joined once at its end; past `maxUnits` they are let go, only counted. */
export class RecordPieces {
  private parts: string[] = [];
  private units = 0;

  constructor(private readonly maxUnits: number) {}

  add(piece: string): void {
    this.units += piece.length;
    if (this.units <= this.maxUnits) this.parts.push(piece);
    else this.parts = [];
  }

  /** Counts units that were never held (a line already let go): the record is then past the limit too. */
  skip(units: number): void {
    this.units += units;
    if (this.units > this.maxUnits) this.parts = [];
  }

  get empty(): boolean {
    return this.units === 0;
  }

  /** Nothing but white space so far (a record past the limit is not blank). */
  get blank(): boolean {
    return this.units <= this.maxUnits && this.parts.every((p) => p.trim() === "");
  }

  /** The record (or an Overlong), and the pieces start over. */
  take(): string | Overlong {
    const out = this.units > this.maxUnits ? new Overlong(this.units) : this.parts.length === 1 ? this.parts[0]! : this.parts.join("");
    this.parts = [];
    this.units = 0;
    return out;
  }
}

/** A line without its terminator. */
export function stripEol(line: string): string {
  let end = line.length;
  if (end && line.charCodeAt(end - 1) === 0x0a) end--;
  if (end && line.charCodeAt(end - 1) === 0x0d) end--;
  return line.slice(0, end);
}
