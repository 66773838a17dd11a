/**
 * Signs of what a text may need repaired, read one code unit at a time: a NUL, an `&` (entities), a
 * presentation form, a mojibake tell-tale pair, a U+FFFD. Every dump is scanned for them, so the scan is
 * one table read per unit — on its own (repairSigns) or inside the UTF-8 decode loop (utf8.ts), which
 * then hands them on and spares the text a second pass.
 */
import { mojibakeHint } from "./mojibakeSigns.js";
import { isPresentationForm } from "./presentationForms.js";

export const NUL = 1;
export const AMPERSAND = 2;
export const PRESENTATION_FORM = 4;
export const MOJIBAKE_HINT = 8;
/** U+FFFD: not a repair sign, but decodeBuffer asks the same question of the text (were bytes replaced?). */
export const REPLACEMENT = 16;
/** The signs that call for repairText's work. */
export const REPAIR_SIGNS = NUL | AMPERSAND | PRESENTATION_FORM | MOJIBAKE_HINT;

export interface SignTables {
  /** Per code unit: low byte, the signs it shows alone; high byte, the mojibake-hint branches it opens. */
  units: Uint16Array;
  /** Per code unit: the hint branches it closes (a pair opened by the unit before it). */
  second: Uint8Array;
  /** Both in one entry, for the scan of a whole text (one load a unit): `units` in bits 0–15, `second` in 16–23. */
  packed: Uint32Array;
}

let tables: SignTables | null = null;

export function signTables(): SignTables {
  if (tables) return tables;
  const hint = mojibakeHint();
  const units = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let f = hint.first[c]! << 8;
    if (isPresentationForm(c)) f |= PRESENTATION_FORM;
    units[c] = f;
  }
  units[0] |= NUL;
  units[0x26] |= AMPERSAND;
  units[0xfffd] |= REPLACEMENT;
  const packed = new Uint32Array(0x10000);
  for (let c = 0; c < 0x10000; c++) packed[c] = units[c]! | (hint.second[c]! << 16);
  return (tables = { units, second: hint.second, packed });
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
