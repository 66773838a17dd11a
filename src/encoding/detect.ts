/**
 * `--encoding auto`: which encoding a dump's bytes are in. Byte-order mark first, then UTF-16 without
 * one, then UTF-8 (the common case, decided without scoring), else the reading that looks most like Arabic.
 */
import { iconv } from "./iconv.js";
import { isStrayControl } from "./chars.js";
import { decodeWith } from "./codecs.js";
import { scoreArabicText } from "./score.js";

export type UnicodeEncoding = "utf-8" | "utf-16le" | "utf-16be";

export interface Detection {
  /** Canonical name, as `input.encoding` shows it. */
  encoding: string;
  /** Bytes of byte-order mark to skip (0 when there is none). */
  bomLength: number;
}

/** Enough prose to score, small enough to decode twice more: detection looks at this prefix. */
export const SNIFF_BYTES = 64 * 1024;
/** When the first 64 KiB are all ASCII (a long English preamble, markup), look this far for the first Arabic. */
export const MAX_SNIFF_BYTES = 1024 * 1024;
/** UTF-16 shows itself in a few lines; more bytes would only slow the check. */
export const UTF16_PROBE_BYTES = 4096;

export function sniffBom(bytes: Uint8Array): { encoding: UnicodeEncoding; length: number } | null {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  return null;
}

function hasHighByte(bytes: Uint8Array, end: number): boolean {
  for (let i = 0; i < end; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

/**
 * How long a prefix of `bytes` detection reads; a stream waits for this many bytes (or the end) before it
 * decides, so a stream and a whole buffer decide alike.
 */
export function sampleLength(bytes: Uint8Array): number {
  if (bytes.length <= SNIFF_BYTES) return bytes.length;
  if (hasHighByte(bytes, SNIFF_BYTES)) return SNIFF_BYTES;
  return Math.min(bytes.length, MAX_SNIFF_BYTES);
}

/** High bytes of the UTF-16 units of Arabic text: U+00xx (spaces, digits, line breaks), U+06xx, presentation forms U+FBxx–U+FExx. */
const ARABIC_HIGH_BYTE = new Uint8Array(256);
for (const b of [0x00, 0x06, 0xfb, 0xfc, 0xfd, 0xfe]) ARABIC_HIGH_BYTE[b] = 1;

/** Share of one parity's bytes that must be UTF-16 high bytes of Arabic text. */
const UTF16_HIGH_SHARE = 0.6;

/**
 * UTF-16 without a byte-order mark. In UTF-16 Arabic one byte of every pair is almost always 0x00 or 0x06
 * (or FB–FE for presentation forms) — bytes 8-bit Arabic text never holds (UTF-8 has no FB–FE at all) — and
 * the other byte of the pair almost never is. Random NUL bytes in an 8-bit dump do not line up this way.
 */
export function looksUtf16(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, UTF16_PROBE_BYTES) & ~1;
  if (n < 2) return null;
  const pairs = n / 2;
  let evenHigh = 0;
  let oddHigh = 0;
  for (let i = 0; i < n; i += 2) {
    evenHigh += ARABIC_HIGH_BYTE[bytes[i]!]!;
    oddHigh += ARABIC_HIGH_BYTE[bytes[i + 1]!]!;
  }
  const even = evenHigh / pairs;
  const odd = oddHigh / pairs;
  const guess = odd >= UTF16_HIGH_SHARE && even <= 0.1 ? "utf-16le" : even >= UTF16_HIGH_SHARE && odd <= 0.1 ? "utf-16be" : null;
  if (!guess) return null;
  // Confirm: the decoded text must not be full of control characters (what binary data would give).
  const text = decodeWith({ encoding: guess, codec: guess, bomLength: 0 }, bytes.subarray(0, n));
  let controls = 0;
  for (let i = 0; i < text.length; i++) if (isStrayControl(text.charCodeAt(i))) controls++;
  return controls <= text.length * 0.05 ? guess : null;
}

/** Detects the encoding of a dump from its first bytes (`sample` = `bytes.subarray(0, sampleLength(bytes))`). */
export function detectEncoding(sample: Uint8Array): Detection {
  const bom = sniffBom(sample);
  if (bom) return { encoding: bom.encoding, bomLength: bom.length };
  const utf16 = looksUtf16(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  // `stream: true` keeps a character cut at the end of the sample from counting as invalid.
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true }).decode(sample, { stream: true });
  // A U+FFFD the bytes encode validly is no sign of another encoding (see decodeBuffer).
  if (!utf8.includes("\uFFFD") || wellFormedUtf8(sample)) return { encoding: "utf-8", bomLength: 0 };
  return { encoding: bestReading(sample, utf8), bomLength: 0 };
}

/** Whether `sample` is well-formed UTF-8 but for a character its end may cut. */
function wellFormedUtf8(sample: Uint8Array): boolean {
  try {
    new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * UTF-8 with invalid bytes, Windows-1256 or ISO-8859-6: whichever reads most like Arabic. A UTF-8 dump
 * with a few stray bytes keeps UTF-8 (its replacement characters cost less than a wrong code page's garble);
 * ties go to UTF-8, then to Windows-1256, by far the more common legacy Arabic encoding on the web.
 */
function bestReading(sample: Uint8Array, utf8: string): string {
  const buffer = Buffer.from(sample.buffer, sample.byteOffset, sample.byteLength);
  const candidates: [string, string][] = [
    ["utf-8", utf8],
    ["windows-1256", iconv().decode(buffer, "windows-1256")],
    ["iso-8859-6", iconv().decode(buffer, "iso-8859-6")],
  ];
  let best = candidates[0]![0];
  let bestScore = -Infinity;
  for (const [name, text] of candidates) {
    const score = scoreArabicText(text);
    if (score > bestScore) [best, bestScore] = [name, score];
  }
  return best;
}
