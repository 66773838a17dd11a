/**
 * UTF-8 → string for well-formed input. Anything ill-formed — a stray continuation byte, a truncated or
 * overlong sequence, a surrogate, past U+10FFFF — gives null (so does an input over 16 MiB), and the caller
 * decodes with TextDecoder, whose WHATWG replacement rules stay the only ones.
 *
 * Node's own validator and transcoder (`isUtf8`, `transcode`: SIMD code in Node 20) check and convert a
 * dump about three times faster than TextDecoder and than the JavaScript loop below, which stays for Node
 * builds without ICU (no `transcode`). The loop reads each unit's repair signs (signs.ts) on the way; after
 * the native conversion they are read by one scan of the text, and the two together still take ~60% of the
 * loop's time on the benchmark corpus. decodedSigns() gives them.
 */
import { isUtf8, transcode } from "node:buffer";
import { MOJIBAKE_HINT, repairSigns, signTables } from "./signs.js";

/** Reused output units (decoding is synchronous); given back after a big input so it does not pin memory. */
let units = new Uint16Array(1 << 16);
let unitBytes = Buffer.from(units.buffer);
const KEEP_UNITS = 1 << 22;
/** Inputs past this size go to TextDecoder (dumps are a few KB; streams come in 64 KiB chunks). */
const MAX_FAST_BYTES = 16 * 1024 * 1024;
let lastSigns = 0;

/** The repair signs of the text the last successful decodeWellFormedUtf8 returned (see signs.ts). */
export function decodedSigns(): number {
  return lastSigns;
}

let native: boolean | undefined;

/** Whether this Node has `transcode` (builds without ICU throw on the call). */
export function hasNativeTranscode(): boolean {
  if (native === undefined) {
    try {
      native = transcode(Buffer.from("ا", "utf8"), "utf8", "utf16le").toString("utf16le") === "ا";
    } catch {
      native = false;
    }
  }
  return native;
}

/** The text of well-formed UTF-8 `bytes`, or null; decodedSigns() then gives its repair signs (unless `signs` is false). */
export function decodeWellFormedUtf8(bytes: Uint8Array, signs = true): string | null {
  // A very big input would hold a second copy beside the string: TextDecoder makes only the string.
  if (bytes.length > MAX_FAST_BYTES) return null;
  if (!hasNativeTranscode()) return decodeInJs(bytes);
  if (!isUtf8(bytes)) return null;
  const text = transcode(bytes, "utf8", "utf16le").toString("utf16le");
  if (signs) lastSigns = repairSigns(text);
  return text;
}

/** decodeWellFormedUtf8 in JavaScript, the signs read in the same loop (exported for tests: Node has `transcode`). */
export function decodeInJs(bytes: Uint8Array): string | null {
  const n = bytes.length;
  if (n > MAX_FAST_BYTES) return null;
  if (units.length < n) {
    units = new Uint16Array(n);
    unitBytes = Buffer.from(units.buffer);
  }
  const { packed: signOf } = signTables();
  const out = units;
  let j = 0;
  let i = 0;
  let signs = 0;
  /** Hint branches the previous unit opened: the pair is complete when this unit closes one of them. */
  let opens = 0;
  while (i < n) {
    const c = bytes[i]!;
    let u: number;
    if (c < 0x80) {
      u = c;
      i++;
    } else if (c >= 0xc2 && c < 0xe0) {
      const c1 = bytes[i + 1]! | 0;
      if ((c1 & 0xc0) !== 0x80) return giveUp();
      u = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0) {
      const c1 = bytes[i + 1]! | 0;
      const c2 = bytes[i + 2]! | 0;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80) return giveUp();
      u = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | (c2 & 0x3f);
      if (u < 0x800 || (u >= 0xd800 && u < 0xe000)) return giveUp();
      i += 3;
    } else if (c >= 0xf0 && c < 0xf5) {
      const c1 = bytes[i + 1]! | 0;
      const c2 = bytes[i + 2]! | 0;
      const c3 = bytes[i + 3]! | 0;
      if ((c1 & 0xc0) !== 0x80 || (c2 & 0xc0) !== 0x80 || (c3 & 0xc0) !== 0x80) return giveUp();
      const cp = ((c & 0x07) << 18) | ((c1 & 0x3f) << 12) | ((c2 & 0x3f) << 6) | (c3 & 0x3f);
      if (cp < 0x10000 || cp > 0x10ffff) return giveUp();
      // Surrogates show no sign and close no pair: the pair before them ends here.
      out[j++] = 0xd800 + ((cp - 0x10000) >> 10);
      out[j++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
      opens = 0;
      i += 4;
      continue;
    } else {
      return giveUp();
    }
    out[j++] = u;
    const e = signOf[u]!;
    if (e !== 0 || opens !== 0) {
      if ((opens & (e >>> 16)) !== 0) signs |= MOJIBAKE_HINT;
      signs |= e & 0xff;
      opens = (e >>> 8) & 0xff;
    }
  }
  const text = unitBytes.toString("utf16le", 0, j * 2);
  if (units.length > KEEP_UNITS) giveUp();
  lastSigns = signs;
  return text;
}

/** Null, after giving a big buffer back. */
function giveUp(): null {
  if (units.length > KEEP_UNITS) {
    units = new Uint16Array(1 << 16);
    unitBytes = Buffer.from(units.buffer);
  }
  return null;
}
