/** Bytes → text: the encoding (given or detected), the byte-order mark, invalid bytes, NUL bytes (SPEC §2, §3). */
import { isUtf8 } from "node:buffer";
import type { Warning } from "../types.js";
import { type DecodePlan, decodeWith } from "./codecs.js";
import { detectEncoding, looksUtf16, sampleLength, sniffBom, UTF16_PROBE_BYTES } from "./detect.js";
import { LineSet, REPAIR_DESCRIPTIONS, splitLines } from "./lines.js";
import { canonicalEncodingName, isKnownEncoding } from "./names.js";
import { NUL, REPLACEMENT } from "./signs.js";
import { decodedSigns, decodeWellFormedUtf8 } from "./utf8.js";
import { budgetFor, checkDumpSize } from "../text/budget.js";

export interface Decoded {
  text: string;
  /** The encoding the bytes were decoded with, as `input.encoding` shows it (`utf-8`, `windows-1256`, …). */
  encoding: string;
  /** Repairs done while decoding, SPEC names: `bom`, `invalid-bytes`, `nul`, in the order they were applied. */
  repairs: string[];
  warnings: Warning[];
  /** The text's repair signs (signs.ts), when decoding read them on the way; repairText then skips its scan. */
  signs?: number;
}

/** A dump decoded with the wrong encoding has invalid bytes on every line; past this many, one warning sums up the rest. */
export const MAX_INVALID_LINE_WARNINGS = 20;

/** Settles the encoding for `bytes` (only their first bytes are read). Unknown names fall back to `auto`. */
export function planDecoding(bytes: Uint8Array, requested: string): DecodePlan {
  const name = canonicalEncodingName(requested);
  const bom = sniffBom(bytes);
  if (name === "auto") {
    const { encoding, bomLength } = detectEncoding(bytes.subarray(0, sampleLength(bytes)));
    return { encoding, codec: encoding, bomLength };
  }
  if (name === "utf-16") {
    if (bom && bom.encoding !== "utf-8") return { encoding: bom.encoding, codec: bom.encoding, bomLength: bom.length };
    const guess = looksUtf16(bytes) ?? "utf-16le";
    return { encoding: guess, codec: guess, bomLength: 0 };
  }
  return { encoding: name, codec: requested, bomLength: bom && bom.encoding === name ? bom.length : 0 };
}

/** Coerces what a JavaScript caller may pass (Buffer, ArrayBuffer, a typed array) to bytes; anything else is empty. */
export function asBytes(input: unknown): Uint8Array {
  if (input instanceof Uint8Array) return input;
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  return new Uint8Array(0);
}

export function decodeBuffer(input: Uint8Array, encoding = "auto"): Decoded {
  const bytes = asBytes(input);
  const warnings: Warning[] = [];
  let requested = typeof encoding === "string" ? encoding : "auto";
  // "auto" (the default, every dump of most runs) needs no name check.
  if (requested !== "auto" && !isKnownEncoding(requested)) {
    warnings.push({ line: null, code: "unknown-encoding", message: `unknown encoding "${requested}": detected the encoding instead` });
    requested = "auto";
  }
  let utf8: string | null = null;
  let utf8Clean = false;
  /** Repair signs read by the fast decode; undefined when the text came another way. */
  let signs: number | undefined;
  if ((requested === "auto" || canonicalEncodingName(requested) === "auto") && !sniffBom(bytes)) {
    // The common case, clean UTF-8, is decided by decoding once: well-formed, nothing to weigh. A U+FFFD in
    // well-formed UTF-8 is the file's own (mojibake saved by a decoder that replaced the bytes it could not read),
    // not an invalid byte: weighing code pages on it read such a valid UTF-8 file as Windows-1256.
    let text = decodeWellFormedUtf8(bytes);
    if (text !== null) {
      signs = decodedSigns();
      utf8Clean = true;
    } else {
      text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
      utf8Clean = !text.includes("\uFFFD") || isUtf8(bytes);
    }
    // Well-formed UTF-8 holds a 0x00 byte only as a NUL, which the signs tell.
    if ((utf8Clean && !mayBeUtf16(bytes, signs === undefined || (signs & NUL) !== 0)) || !looksUtf16(bytes)) utf8 = text;
  }
  let plan: DecodePlan = utf8 !== null && utf8Clean ? { encoding: "utf-8", codec: "utf-8", bomLength: 0 } : planDecoding(bytes, requested);
  const body = bytes.subarray(plan.bomLength);
  let text: string;
  try {
    if (utf8 !== null && plan.encoding === "utf-8" && plan.bomLength === 0) text = utf8;
    else {
      text = decodeWith(plan, body);
      signs = undefined;
    }
  } catch (error) {
    // iconv-lite codecs are third-party code: a codec that fails must not take the batch down.
    warnings.push({ line: null, code: "decode-failed", message: `could not decode as ${plan.encoding} (${String(error)}): read as utf-8` });
    plan = { encoding: "utf-8", codec: "utf-8", bomLength: plan.bomLength };
    text = decodeWith(plan, body);
    signs = undefined;
  }
  const repairs: string[] = [];
  const replaced = signs !== undefined ? (signs & REPLACEMENT) !== 0 : text.includes("\uFFFD");
  const nul = signs !== undefined ? (signs & NUL) !== 0 : text.includes("\0");
  // Both passes below cut the text into lines: a dump too big for the heap is refused first (budget.ts).
  if (replaced || nul) checkDumpSize(text, budgetFor(text.length));
  if (plan.bomLength > 0) {
    // Named in repairs, but no warning: a byte-order mark is no damage, and --strict must not fail on it.
    repairs.push("bom");
  }
  if (replaced) {
    const report = new InvalidBytesReport(plan.encoding);
    for (const [line, count] of invalidBytesByLine(text, body, plan.encoding)) report.add(line, count);
    if (!report.empty) {
      repairs.push("invalid-bytes");
      warnings.push(...report.warnings());
    }
  }
  if (nul) {
    const affected = new LineSet();
    splitLines(text).lines.forEach((line, i) => line.includes("\0") && affected.add(i + 1));
    text = text.replace(/\0/g, "");
    repairs.push("nul");
    warnings.push({ line: affected.first, code: "nul", message: `${REPAIR_DESCRIPTIONS.nul} on ${affected.describe()}` });
    // The signs were read with the NULs in: a NUL may have closed a pair or stood between two halves of one.
    signs = undefined;
  }
  const decoded: Decoded = { text, encoding: plan.encoding, repairs, warnings };
  if (signs !== undefined) decoded.signs = signs;
  return decoded;
}

/**
 * Whether bytes that decoded as UTF-8 without a U+FFFD could be UTF-16 at all. looksUtf16 needs most bytes
 * of one parity to be 0x00, 0x06 or 0xFB–0xFE, and valid UTF-8 never holds FB–FE: without a 0x00 or 0x06
 * byte (native searches; no 0x00 search when the signs show no NUL) the byte count is spared, same answer.
 */
function mayBeUtf16(bytes: Uint8Array, mayHoldZero: boolean): boolean {
  const probe = bytes.subarray(0, UTF16_PROBE_BYTES);
  return (mayHoldZero && probe.indexOf(0x00) >= 0) || probe.indexOf(0x06) >= 0;
}

/** [line, how many] for each line where decoding put U+FFFD for invalid bytes (not for a U+FFFD the file really holds). */
function invalidBytesByLine(text: string, body: Uint8Array, encoding: string): [number, number][] {
  const { lines } = splitLines(text);
  const literal = literalReplacementCharsByLine(body, encoding, lines.length);
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.includes("\uFFFD")) continue;
    let count = 0;
    for (let j = line.indexOf("\uFFFD"); j >= 0; j = line.indexOf("\uFFFD", j + 1)) count++;
    count -= literal?.[i] ?? 0;
    if (count > 0) out.push([i + 1, count]);
  }
  return out;
}

/**
 * U+FFFD characters encoded in the file itself, per line — only for the Unicode encodings, the only ones
 * that can hold one. Null (none anywhere) is the usual answer and is found by one native search.
 */
function literalReplacementCharsByLine(body: Uint8Array, encoding: string, lineCount: number): number[] | null {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const unit = encoding === "utf-8" ? 1 : encoding === "utf-16le" || encoding === "utf-16be" ? 2 : 0;
  const pattern = encoding === "utf-8" ? [0xef, 0xbf, 0xbd] : encoding === "utf-16le" ? [0xfd, 0xff] : [0xff, 0xfd];
  if (unit === 0 || buffer.indexOf(Buffer.from(pattern)) < 0) return null;
  const counts = new Array<number>(lineCount).fill(0);
  const le = encoding === "utf-16le";
  const at = (i: number): number => (unit === 1 ? body[i]! : le ? body[i]! | (body[i + 1]! << 8) : (body[i]! << 8) | body[i + 1]!);
  let line = 0;
  for (let i = 0; i + unit <= body.length; i += unit) {
    const c = at(i);
    if (c === 0x0a) line++;
    else if (c === 0x0d) {
      if (!(i + 2 * unit <= body.length && at(i + unit) === 0x0a)) line++;
    } else if (line < lineCount) {
      if (unit === 2 ? c === 0xfffd : c === 0xef && body[i + 1] === 0xbf && body[i + 2] === 0xbd) counts[line]!++;
    }
  }
  return counts;
}

/**
 * Invalid bytes are reported line by line (the reader wants to look at each), up to
 * MAX_INVALID_LINE_WARNINGS lines; one more warning sums up the rest. Memory stays flat for endless streams.
 */
export class InvalidBytesReport {
  readonly #detailed: [number, number][] = [];
  readonly #rest = new LineSet();

  constructor(readonly encoding: string) {}

  /** `line` 1-based, ascending; `count` replacement characters put on it. */
  add(line: number, count: number): void {
    const last = this.#detailed[this.#detailed.length - 1];
    if (last && last[0] === line) last[1] += count;
    else if (this.#detailed.length < MAX_INVALID_LINE_WARNINGS && this.#rest.size === 0) this.#detailed.push([line, count]);
    else this.#rest.add(line);
  }

  get empty(): boolean {
    return this.#detailed.length === 0;
  }

  warnings(): Warning[] {
    const warnings: Warning[] = this.#detailed.map(([line, count]) => ({
      line,
      code: "invalid-bytes",
      message: `${count === 1 ? "an invalid byte sequence" : `${count} invalid byte sequences`} (not ${this.encoding}) replaced by U+FFFD on line ${line}`,
    }));
    if (this.#rest.size > 0) {
      warnings.push({
        line: this.#rest.first,
        code: "invalid-bytes",
        message: `${REPAIR_DESCRIPTIONS["invalid-bytes"]} on ${this.#rest.size} more ${this.#rest.size === 1 ? "line" : "lines"}: ${this.#rest.describe()}`,
      });
    }
    return warnings;
  }
}
