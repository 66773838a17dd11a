/**
 * Signs of what a text may need repaired, read one code unit at a time: a NUL, an `&` (entities), a
 * presentation form, a mojibake tell-tale pair, a U+FFFD. Every dump is scanned for them, so the scan is
 * one table read per unit — on its own (repairSigns) or inside the UTF-8 decode loop (utf8.ts), which
 * then hands them on and spares the text a second pass.
 */
import { mojibakeHint } from "./mojibakeSigns.js";
import { PRESENTATION_FORM_RANGES } from "./presentationForms.js";

export const NUL = 1;
export const AMPERSAND = 2;
export const PRESENTATION_FORM = 4;
export const MOJIBAKE_HINT = 8;
/** U+FFFD: not a repair sign, but decodeBuffer asks the same question of the text (were bytes replaced?). */
export const REPLACEMENT = 16;
/** The signs that call for repairText's work. */
export const REPAIR_SIGNS = NUL | AMPERSAND | PRESENTATION_FORM | MOJIBAKE_HINT;

export interface SignTables {
  /**
   * Per code unit, in one entry (one load a unit): bits 0–7 the signs it shows alone, bits 8–15 the
   * mojibake-hint branches it opens, bits 16–23 the branches it closes (a pair opened by the unit before it).
   */
  packed: Uint32Array;
}

let tables: SignTables | null = null;

/** Built on first use: its cost is start-up (a loop over 64K units, the presentation forms by range). */
export function signTables(): SignTables {
  if (tables) return tables;
  const { first, second } = mojibakeHint();
  const packed = new Uint32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const f = first[c]!;
    const s = second[c]!;
    if ((f | s) !== 0) packed[c] = (f << 8) | (s << 16);
  }
  for (const [lo, hi] of PRESENTATION_FORM_RANGES) for (let c = lo; c <= hi; c++) packed[c]! |= PRESENTATION_FORM;
  packed[0]! |= NUL;
  packed[0x26]! |= AMPERSAND;
  packed[0xfffd]! |= REPLACEMENT;
  return (tables = { packed });
}

/** The signs of a whole text, in one pass (for text that did not come through the UTF-8 fast path). */
export function repairSigns(text: string): number {
  const { packed } = signTables();
  const n = text.length;
  // Branch-free: the common letters ط ظ ع غ open hint pairs all the time, so a test per unit mispredicts.
  // One packed entry a unit (~20% faster than reading `units` and `second` apart).
  let found = 0;
  let closed = 0;
  let opens = 0;
  for (let i = 0; i < n; i++) {
    const e = packed[text.charCodeAt(i)]!;
    found |= e;
    closed |= opens & (e >>> 16);
    opens = (e >>> 8) & 0xff;
  }
  return (found & 0xff) | (closed !== 0 ? MOJIBAKE_HINT : 0);
}
