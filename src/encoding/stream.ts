/**
 * Decoding a stream chunk by chunk (JSONL files, `--split-on`, big dumps) with flat memory: a character cut
 * between chunks decodes whole, the byte-order mark is handled at the start, and `auto` decides on the first
 * 64 KiB, exactly as decodeBuffer would on the whole input.
 */
import type { Warning } from "../types.js";
import { MAX_SNIFF_BYTES, SNIFF_BYTES } from "./detect.js";
import { type ChunkDecoder, type DecodePlan, makeChunkDecoder } from "./codecs.js";
import { asBytes, InvalidBytesReport, planDecoding } from "./decode.js";
import { LineSet, REPAIR_DESCRIPTIONS } from "./lines.js";
import { FIRST_MARK, LAST_MARK, MARK_ESCAPE, MARK_INVALID, MARK_NUL } from "./marks.js";
import { canonicalEncodingName, isKnownEncoding } from "./names.js";

/** An explicit encoding still waits for this many bytes: enough to see a byte-order mark. */
const BOM_BYTES = 4;
/** Explicit `utf-16` without a byte-order mark guesses the byte order from this many bytes. */
const UTF16_GUESS_BYTES = 4096;

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const all = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}

/**
 * The text holds a character a record stream must escape, as it would read as a mark: three native searches, a
 * tenth of the time a character-class expression takes over a chunk (it was 1.5% of a JSONL run).
 */
function holdsMarkChar(text: string): boolean {
  return text.includes(MARK_ESCAPE) || text.includes(MARK_NUL) || text.includes(MARK_INVALID);
}

export class StreamDecoder {
  readonly #requested: string;
  readonly #setupWarnings: Warning[] = [];
  #plan: DecodePlan | null = null;
  #inner: ChunkDecoder | null = null;
  #pending: Uint8Array[] = [];
  #pendingLength = 0;
  /** Whether a byte ≥ 0x80 was seen in the first SNIFF_BYTES (auto decides sooner then). */
  #sawHighByte = false;
  #ended = false;
  /** Line of the next character emitted, 1-based; and whether the last one emitted was a CR (a CRLF cut in two). */
  #line = 1;
  #afterCR = false;
  /** The last bytes of the previous chunk, to find a U+FFFD the input really holds when it is cut in two. */
  #tail: number[] = [];
  #offset = 0;
  #invalid: InvalidBytesReport | null = null;
  readonly #nulLines = new LineSet();
  /** Record streams: a NUL, and U+FFFD put for invalid bytes, become marks (marks.ts). */
  readonly #marks: boolean;
  #marked = false;

  constructor(encoding = "auto", options: { marks?: boolean } = {}) {
    this.#marks = options.marks === true;
    let requested = typeof encoding === "string" ? encoding : "auto";
    if (!isKnownEncoding(requested)) {
      this.#setupWarnings.push({ line: null, code: "unknown-encoding", message: `unknown encoding "${requested}": detected the encoding instead` });
      requested = "auto";
    }
    this.#requested = requested;
  }

  /** The encoding in use; `auto` until the first bytes have been seen. */
  get encoding(): string {
    return this.#plan?.encoding ?? canonicalEncodingName(this.#requested);
  }

  /** SPEC names of the repairs done so far: `bom`, `invalid-bytes`, `nul`. */
  get repairs(): string[] {
    const repairs: string[] = [];
    if (this.#plan && this.#plan.bomLength > 0) repairs.push("bom");
    if (this.#invalid && !this.#invalid.empty) repairs.push("invalid-bytes");
    if (this.#nulLines.size > 0) repairs.push("nul");
    return repairs;
  }

  /** The same warnings decodeBuffer gives, with line numbers counted over the whole stream. */
  get warnings(): Warning[] {
    const warnings = [...this.#setupWarnings];
    if (this.#invalid) warnings.push(...this.#invalid.warnings());
    if (this.#nulLines.size > 0) {
      warnings.push({ line: this.#nulLines.first, code: "nul", message: `${REPAIR_DESCRIPTIONS.nul} on ${this.#nulLines.describe()}` });
    }
    return warnings;
  }

  /** Whether the text so far holds a mark (or an escaped mark character): records read from it may need unmarking. */
  get marked(): boolean {
    return this.#marked;
  }

  write(chunk: Uint8Array): string {
    const bytes = asBytes(chunk);
    if (this.#ended || bytes.length === 0) return "";
    if (this.#inner) return this.#decode(bytes);
    // The caller may reuse its buffer once write returns.
    this.#pending.push(new Uint8Array(bytes));
    if (!this.#sawHighByte && this.#pendingLength < SNIFF_BYTES) {
      const end = Math.min(bytes.length, SNIFF_BYTES - this.#pendingLength);
      for (let i = 0; i < end; i++) if (bytes[i]! >= 0x80) this.#sawHighByte = true;
    }
    this.#pendingLength += bytes.length;
    return this.#ready() ? this.#start() : "";
  }

  end(): string {
    if (this.#ended) return "";
    const head = this.#inner ? "" : this.#start();
    this.#ended = true;
    let tail: string;
    try {
      tail = this.#inner!.end();
    } catch {
      tail = "\uFFFD";
    }
    return head + this.#emit(tail, new Uint8Array(0));
  }

  #ready(): boolean {
    const name = canonicalEncodingName(this.#requested);
    if (name === "auto") {
      // The same prefix sampleLength() gives decodeBuffer: 64 KiB, or up to 1 MiB while it is all ASCII.
      return this.#pendingLength >= MAX_SNIFF_BYTES || (this.#pendingLength >= SNIFF_BYTES && this.#sawHighByte);
    }
    return this.#pendingLength >= (name === "utf-16" ? UTF16_GUESS_BYTES : BOM_BYTES);
  }

  #start(): string {
    const all = concat(this.#pending, this.#pendingLength);
    this.#pending = [];
    this.#pendingLength = 0;
    let plan = planDecoding(all, this.#requested);
    try {
      this.#inner = makeChunkDecoder(plan);
    } catch (error) {
      this.#setupWarnings.push({ line: null, code: "decode-failed", message: `could not decode as ${plan.encoding} (${String(error)}): read as utf-8` });
      plan = { encoding: "utf-8", codec: "utf-8", bomLength: plan.bomLength };
      this.#inner = makeChunkDecoder(plan);
    }
    this.#plan = plan;
    this.#invalid = new InvalidBytesReport(plan.encoding);
    return this.#decode(all.subarray(plan.bomLength));
  }

  #decode(bytes: Uint8Array): string {
    let text: string;
    try {
      text = this.#inner!.write(bytes);
    } catch {
      // A third-party codec failing mid-stream: the chunk's bytes become one replacement character.
      text = "\uFFFD";
    }
    return this.#emit(text, bytes);
  }

  /** Counts lines, records invalid bytes and NULs on their lines, deletes the NULs (or marks them). */
  #emit(text: string, bytes: Uint8Array): string {
    const hasInvalid = text.includes("\uFFFD");
    const literal = hasInvalid ? this.#literalReplacementChars(bytes) : null;
    this.#rememberTail(bytes);
    if (text.length === 0) return "";
    const hasNul = text.includes("\0");
    const hasMarkChar = this.#marks && holdsMarkChar(text);
    if (!hasNul && !hasInvalid && !hasMarkChar) {
      this.#countLines(text);
      return text;
    }
    // Rare path: walk the characters to put each NUL and replacement character on its line.
    let line = this.#line;
    let afterCR = this.#afterCR;
    let invalidLine = 0;
    let invalidCount = 0;
    // With marks: the text up to `from` is in `marked`.
    let marked = "";
    let from = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) {
        if (!afterCR) line++;
        afterCR = false;
        continue;
      }
      afterCR = c === 0x0d;
      if (afterCR) line++;
      else if (c === 0) {
        this.#nulLines.add(line);
        if (this.#marks) {
          marked += text.slice(from, i) + MARK_NUL;
          from = i + 1;
        }
      } else if (c >= FIRST_MARK && c <= LAST_MARK) {
        if (this.#marks) {
          marked += text.slice(from, i) + MARK_ESCAPE;
          from = i;
        }
      } else if (c === 0xfffd) {
        const literalHere = literal?.get(line) ?? 0;
        if (literalHere > 0) {
          literal!.set(line, literalHere - 1);
          continue;
        }
        if (invalidLine === line) invalidCount++;
        else {
          if (invalidCount > 0) this.#invalid!.add(invalidLine, invalidCount);
          invalidLine = line;
          invalidCount = 1;
        }
        if (this.#marks) {
          marked += text.slice(from, i) + MARK_INVALID;
          from = i + 1;
        }
      }
    }
    if (invalidCount > 0) this.#invalid!.add(invalidLine, invalidCount);
    this.#line = line;
    this.#afterCR = afterCR;
    if (this.#marks) {
      if (marked === "" && from === 0) return text;
      this.#marked = true;
      return marked + text.slice(from);
    }
    return hasNul ? text.replace(/\0/g, "") : text;
  }

  #countLines(text: string): void {
    let breaks = 0;
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) breaks++;
    for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 0x0a) breaks++;
    // Each CRLF was counted once, by its LF; a CRLF cut between chunks was counted by its CR already.
    if (this.#afterCR && text.charCodeAt(0) === 0x0a) breaks--;
    this.#line += breaks;
    this.#afterCR = text.charCodeAt(text.length - 1) === 0x0d;
  }

  /**
   * Where the input itself encodes U+FFFD in `bytes`: line → how many. Lines are counted over the bytes from
   * where the text stands (a decoder holds back at most an unfinished character, never a line break), and the
   * tail of the chunk before is joined on so a U+FFFD cut between chunks is found — once, as the tail is one
   * byte shorter than the pattern.
   */
  #literalReplacementChars(bytes: Uint8Array): Map<number, number> {
    const found = new Map<number, number>();
    const encoding = this.#plan?.encoding;
    const unit = encoding === "utf-8" ? 1 : encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 0;
    if (unit === 0) return found;
    const tail = this.#tail;
    const at = (i: number): number => (i < tail.length ? tail[i]! : bytes[i - tail.length]!);
    const length = tail.length + bytes.length;
    const le = encoding === "utf-16le";
    const unitAt = (i: number): number => (unit === 1 ? at(i) : le ? at(i) | (at(i + 1) << 8) : (at(i) << 8) | at(i + 1));
    // UTF-16 units sit on even offsets of the body; the joined tail + bytes starts `tail.length` before this chunk.
    let i = unit === 2 ? (this.#offset - tail.length) & 1 : 0;
    let line = this.#line;
    let afterCR = this.#afterCR;
    for (; i + unit <= length; i += unit) {
      const c = unitAt(i);
      // A unit ending in this chunk was emitted with it (the tail's whole units were counted with the chunk before).
      if (i + unit - 1 >= tail.length) {
        if (c === 0x0a) {
          if (!afterCR) line++;
          afterCR = false;
          continue;
        }
        afterCR = c === 0x0d;
        if (afterCR) line++;
      }
      const literal = unit === 2 ? c === 0xfffd : c === 0xef && i + 2 < length && at(i + 1) === 0xbf && at(i + 2) === 0xbd;
      if (literal) found.set(line, (found.get(line) ?? 0) + 1);
    }
    return found;
  }

  #rememberTail(bytes: Uint8Array): void {
    const keep = this.#plan?.encoding === "utf-8" ? 2 : 1;
    const joined = [...this.#tail, ...bytes.subarray(Math.max(0, bytes.length - keep))];
    this.#tail = joined.slice(Math.max(0, joined.length - keep));
    this.#offset += bytes.length;
  }
}
