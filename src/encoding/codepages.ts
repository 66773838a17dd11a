/**
 * The two single-byte code pages mojibake repair needs, as literal tables, and their encoders.
 * Written out (not asked of iconv-lite) because repair re-encodes text character by character and must
 * know exactly which characters a code page cannot hold: iconv-lite silently writes `?` for those.
 */

/** Windows-1256 bytes 0x80–0xFF; bytes below 0x80 are ASCII. */
export const CP1256_HIGH =
  "\u20AC\u067E\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0679\u2039\u0152\u0686\u0698\u0688" +
  "\u06AF\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u06A9\u2122\u0691\u203A\u0153\u200C\u200D\u06BA" +
  "\u00A0\u060C\u00A2\u00A3\u00A4\u00A5\u00A6\u00A7\u00A8\u00A9\u06BE\u00AB\u00AC\u00AD\u00AE\u00AF" +
  "\u00B0\u00B1\u00B2\u00B3\u00B4\u00B5\u00B6\u00B7\u00B8\u00B9\u061B\u00BB\u00BC\u00BD\u00BE\u061F" +
  "\u06C1\u0621\u0622\u0623\u0624\u0625\u0626\u0627\u0628\u0629\u062A\u062B\u062C\u062D\u062E\u062F" +
  "\u0630\u0631\u0632\u0633\u0634\u0635\u0636\u00D7\u0637\u0638\u0639\u063A\u0640\u0641\u0642\u0643" +
  "\u00E0\u0644\u00E2\u0645\u0646\u0647\u0648\u00E7\u00E8\u00E9\u00EA\u00EB\u0649\u064A\u00EE\u00EF" +
  "\u064B\u064C\u064D\u064E\u00F4\u064F\u0650\u00F7\u0651\u00F9\u0652\u00FB\u00FC\u200E\u200F\u06D2";

/**
 * Windows-1252 bytes 0x80–0x9F. The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D)
 * read as their C1 control, as browsers (WHATWG) do; that is how they survive in real mojibake.
 */
export const CP1252_C1 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

/** Highest code unit either table holds (™ U+2122), so reverse tables can be flat arrays. */
export const REVERSE_SIZE = 0x2123;

let cp1256Reverse: Uint8Array | null = null;
let latin1Reverse: Uint8Array | null = null;

/** Code unit → Windows-1256 byte, for code units below REVERSE_SIZE; 0 where it has none (ASCII is not in it). */
export function cp1256Table(): Uint8Array {
  if (!cp1256Reverse) {
    const t = new Uint8Array(REVERSE_SIZE);
    for (let i = 0; i < 128; i++) t[CP1256_HIGH.charCodeAt(i)] = 0x80 + i;
    cp1256Reverse = t;
  }
  return cp1256Reverse;
}

/** Code unit → Latin-1 / Windows-1252 byte (see encodeLatin1Or1252); 0 where there is none. */
export function latin1Table(): Uint8Array {
  if (!latin1Reverse) {
    const t = new Uint8Array(REVERSE_SIZE);
    for (let c = 0x80; c <= 0xff; c++) t[c] = c;
    for (let i = 0; i < 32; i++) t[CP1252_C1.charCodeAt(i)] = 0x80 + i;
    latin1Reverse = t;
  }
  return latin1Reverse;
}

/** A char → byte function for a non-ASCII code unit; -1 when the code page cannot hold it. */
export type ByteEncoder = (code: number) => number;

/** Windows-1256. */
export const encodeCp1256: ByteEncoder = (code) => (code < REVERSE_SIZE ? cp1256Table()[code] || -1 : -1);

/**
 * "What a Latin-1 or Windows-1252 reader made of these bytes", backwards: U+0080–U+00FF are their own
 * byte (Latin-1, C1 controls included) and Windows-1252's curly quotes, € … sit on 0x80–0x9F. Mojibake in
 * the wild mixes both readings, so one encoder serves them all.
 */
export const encodeLatin1Or1252: ByteEncoder = (code) => (code < REVERSE_SIZE ? latin1Table()[code] || -1 : -1);

/** Bytes 0x80–0xFF read as Windows-1256 (ASCII bytes map to themselves). */
export function decodeCp1256Byte(byte: number): number {
  return byte < 0x80 ? byte : CP1256_HIGH.charCodeAt(byte - 0x80);
}
