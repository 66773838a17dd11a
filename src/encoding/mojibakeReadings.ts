/**
 * Undoing one wrong reading of bytes: characters written back to the bytes they stand for in the wrong code
 * page, then read the right way. ASCII never changes (every reading agrees on it), so each run of non-ASCII
 * characters is converted on its own, and a run that does not convert cleanly is left as it was.
 */
import { cp1256Table, decodeCp1256Byte, latin1Table, REVERSE_SIZE } from "./codepages.js";
import { isArabicLetter, isArabicMark, isArabicPunctOrDigit, isAsciiLetter } from "./chars.js";

export type MojibakeKind = "mojibake-cp1256" | "mojibake-latin1" | "legacy-cp1256";

export type Utf8Decoder = InstanceType<typeof TextDecoder>;

export interface Reading {
  kind: MojibakeKind;
  /** The wrong reading, backwards: code unit → byte, 0 where the code page has no such character. */
  table: () => Uint8Array;
  /** How the bytes should have been read. */
  target: "utf-8" | "windows-1256";
  /**
   * Windows-1252 has no character for bytes 0x81 0x8D 0x8F 0x90 0x9D, and decoders that follow Microsoft's table
   * (iconv-lite, Python's `errors="replace"`) write U+FFFD for them: a U+FFFD where a UTF-8 sequence needs its next
   * byte is such a lost byte. In UTF-8 Arabic, D9 81 is `ف` — a very common letter (`في`) — so `Ù` + U+FFFD is
   * read back as D9 81 (the other bytes lost after D9 are rare harakat). Any other sequence that lost a byte (`”`
   * E2 80 9D, a right-to-left mark E2 80 8F, `ځ` DA 81) cannot be told from its neighbours: its character becomes
   * one U+FFFD, as a decoder shows a broken sequence, and the rest of the run is repaired around it.
   */
  lostBytes: boolean;
  /** Legacy text converts whole words only: a run inside a Latin word (`São`) is an accent, not Arabic. */
  wholeWords: boolean;
}

export const READINGS: readonly Reading[] = [
  { kind: "mojibake-cp1256", table: cp1256Table, target: "utf-8", lostBytes: false, wholeWords: false },
  { kind: "mojibake-latin1", table: latin1Table, target: "utf-8", lostBytes: true, wholeWords: false },
  { kind: "legacy-cp1256", table: latin1Table, target: "windows-1256", lostBytes: false, wholeWords: true },
];

/** The byte the non-ASCII character at `k` stands for in this reading, or -1. */
function byteAt(line: string, k: number, table: Uint8Array, lostBytes: boolean): number {
  const c = line.charCodeAt(k);
  if (c < REVERSE_SIZE) return table[c] || -1;
  // A lost byte is a continuation byte; 0x81 (`ف` after D9) stands for all of them, the others are shown as lost.
  return lostBytes && c === 0xfffd && expectsContinuation(line, k, table) ? 0x81 : -1;
}

/** Whether a UTF-8 sequence shown before `k` still needs a byte there: a lead, then fewer continuations than it takes. */
function expectsContinuation(line: string, k: number, table: Uint8Array): boolean {
  for (let seen = 0, j = k - 1; j >= 0 && seen < 3; j--, seen++) {
    const c = line.charCodeAt(j);
    const b = c === 0xfffd ? 0x81 : c < REVERSE_SIZE ? table[c]! : 0;
    if (b >= 0x80 && b <= 0xbf) continue;
    const takes = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    return seen < takes;
  }
  return false;
}

/** A U+FFFD read as a lost byte whose character cannot be told: every one but the first byte after D9 (`ف`). */
function isUntoldLoss(line: string, k: number): boolean {
  return line.charCodeAt(k) === 0xfffd && line.charCodeAt(k - 1) !== 0xd9;
}

/**
 * `text`, decoded from the bytes of line[start, end) (valid UTF-8: one character, or a surrogate pair, a sequence),
 * with the character of each sequence that lost an untold byte as one U+FFFD.
 */
function showLosses(line: string, start: number, end: number, bytes: Uint8Array, text: string): string {
  let out = "";
  let u = 0;
  for (let i = 0; i < end - start; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    const units = length === 4 ? 2 : 1;
    let lost = false;
    for (let k = i; k < i + length; k++) if (isUntoldLoss(line, start + k)) lost = true;
    out += lost ? "\uFFFD" : text.slice(u, u + units);
    i += length;
    u += units;
  }
  return out;
}

/** Whether line[start, end) holds a U+FFFD a reading with lost bytes may have read as one. */
function mayHoldLoss(line: string, start: number, end: number, r: Reading): boolean {
  if (!r.lostBytes) return false;
  const at = line.indexOf("\uFFFD", start);
  return at >= 0 && at < end;
}

/** Builds a string from code units without a call per character and without overflowing the argument stack. */
function fromCodes(codes: number[]): string {
  if (codes.length <= 4096) return String.fromCharCode(...codes);
  const parts: string[] = [];
  for (let i = 0; i < codes.length; i += 4096) parts.push(String.fromCharCode(...codes.slice(i, i + 4096)));
  return parts.join("");
}

/** Decodes [start, end) of `line` as the UTF-8 bytes it shows; null unless valid. */
function utf8Piece(line: string, start: number, end: number, r: Reading, table: Uint8Array, utf8: Utf8Decoder): string | null {
  const bytes = new Uint8Array(end - start);
  for (let k = start; k < end; k++) bytes[k - start] = byteAt(line, k, table, r.lostBytes);
  const text = utf8.decode(bytes);
  if (text.includes("\uFFFD")) return null;
  return mayHoldLoss(line, start, end, r) ? showLosses(line, start, end, bytes, text) : text;
}

/** A run of non-ASCII characters read back as UTF-8; null unless valid. */
function utf8Run(line: string, start: number, end: number, r: Reading, table: Uint8Array, utf8: Utf8Decoder): string | null {
  // Check the byte shape (leads and continuations) before allocating: most clean words fail on their first bytes.
  let need = 0;
  let shaped = true;
  let nbsp = false;
  for (let k = start; k < end; k++) {
    const b = byteAt(line, k, table, r.lostBytes);
    if (b === 0xa0) nbsp = true;
    if (!shaped) continue;
    if (need > 0) {
      if (b <= 0xbf) need--;
      else shaped = false;
    } else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) need = 2;
    else if (b >= 0xf0 && b <= 0xf4) need = 3;
    else shaped = false;
  }
  // Overlong forms and surrogates pass the shape check; the decoder turns them into U+FFFD.
  const whole = shaped && need === 0 ? utf8Piece(line, start, end, r, table, utf8) : null;
  if (whole !== null || !nbsp) return whole;
  // A no-break space put between mojibake words later (a scraper decoding `&nbsp;`) joins two runs that are
  // each valid alone: retry the pieces between no-break spaces.
  const parts: string[] = [];
  let changed = false;
  let pieceStart = start;
  for (let k = start; k <= end; k++) {
    if (k < end && line.charCodeAt(k) !== 0xa0) continue;
    const piece = k > pieceStart ? utf8Piece(line, pieceStart, k, r, table, utf8) : null;
    parts.push(piece ?? line.slice(pieceStart, k));
    if (piece !== null) changed = true;
    if (k < end) parts.push("\u00A0");
    pieceStart = k + 1;
  }
  return changed ? parts.join("") : null;
}

/**
 * Windows-1256 bytes shown as Windows-1252: each character maps to one Windows-1256 character. Every
 * character must become Arabic or stay what it was (« » § are the same in both), and one at least must
 * become an Arabic letter.
 */
function legacyRun(line: string, start: number, end: number, table: Uint8Array): string | null {
  const codes: number[] = [];
  let letters = 0;
  for (let k = start; k < end; k++) {
    const c = line.charCodeAt(k);
    const d = decodeCp1256Byte(table[c]!);
    if (d !== c && !(isArabicLetter(d) || isArabicMark(d) || isArabicPunctOrDigit(d) || (d >= 0x200c && d <= 0x200f))) return null;
    if (isArabicLetter(d)) letters++;
    codes.push(d);
  }
  return letters > 0 ? fromCodes(codes) : null;
}

/** Reads every run of non-ASCII characters `r` can hold the right way; null when none converts. ASCII never changes. */
export function applyReading(line: string, r: Reading, utf8: Utf8Decoder): string | null {
  const table = r.table();
  const n = line.length;
  if (r.target === "utf-8") {
    // Usually the whole line went through one wrong reading: one buffer, one decode.
    const bytes = new Uint8Array(n);
    let k = 0;
    let high = false;
    for (; k < n; k++) {
      const c = line.charCodeAt(k);
      if (c < 0x80) bytes[k] = c;
      else {
        const b = byteAt(line, k, table, r.lostBytes);
        if (b < 0) break;
        bytes[k] = b;
        high = true;
      }
    }
    if (k === n && high) {
      const text = utf8.decode(bytes);
      if (!text.includes("\uFFFD")) return mayHoldLoss(line, 0, n, r) ? showLosses(line, 0, n, bytes, text) : text;
    }
  }
  let parts: string[] | null = null;
  let last = 0;
  let i = 0;
  while (i < n) {
    if (line.charCodeAt(i) < 0x80 || byteAt(line, i, table, r.lostBytes) < 0) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && line.charCodeAt(j) >= 0x80 && byteAt(line, j, table, r.lostBytes) >= 0) j++;
    let fixed: string | null = null;
    if (r.target === "utf-8") fixed = utf8Run(line, i, j, r, table, utf8);
    else if (!(r.wholeWords && (isAsciiLetter(line.charCodeAt(i - 1)) || isAsciiLetter(line.charCodeAt(j))))) fixed = legacyRun(line, i, j, table);
    if (fixed !== null) {
      (parts ??= []).push(line.slice(last, i), fixed);
      last = j;
    }
    i = j;
  }
  if (!parts) return null;
  parts.push(line.slice(last));
  return parts.join("");
}
