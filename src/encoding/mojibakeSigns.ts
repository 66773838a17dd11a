/**
 * What mojibake looks like: the measure that says whether a reading made a line better, and the quick
 * tell-tale patterns that say whether a line is worth looking at.
 */
import { CP1252_C1, CP1256_HIGH, cp1256Table, latin1Table, REVERSE_SIZE } from "./codepages.js";
import { isArabicLetter, isArabicMark, isAsciiLetter, isLatin1Letter, isStrayControl } from "./chars.js";

/** UTF-8 lead bytes of Arabic (D8–DB), of Latin-1 and general punctuation (C2, C3, E2) and of presentation forms (EF). */
export const LEAD_BYTES = [0xc2, 0xc3, 0xd8, 0xd9, 0xda, 0xdb, 0xe2, 0xef];

const LEAD = 1;
const CONTINUATION = 2;
let latin1Roles: Uint8Array | null = null;
let cp1256Roles: Uint8Array | null = null;

/** Code unit → LEAD / CONTINUATION, the role its byte plays in UTF-8 when a reading shows UTF-8 bytes as characters. */
function roles(table: Uint8Array): Uint8Array {
  const out = new Uint8Array(REVERSE_SIZE);
  for (let c = 0x80; c < REVERSE_SIZE; c++) {
    const b = table[c]!;
    if (b >= 0x80 && b <= 0xbf) out[c] = CONTINUATION;
    else if (LEAD_BYTES.includes(b)) out[c] = LEAD;
  }
  return out;
}

export interface Measure {
  /** Arabic letters outside mojibake pairs. */
  arabic: number;
  /**
   * Mojibake pairs (a lead byte's character then a continuation byte's, in either reading), C1 controls,
   * words of Latin-1 letters with no ASCII letter (`ÇáãÕÏÑ`), words mixing Arabic and Latin letters.
   */
  odd: number;
  fffd: number;
}

export function measure(s: string): Measure {
  const latin = (latin1Roles ??= roles(latin1Table()));
  const cp1256 = (cp1256Roles ??= roles(cp1256Table()));
  let arabic = 0;
  let odd = 0;
  let fffd = 0;
  let wordArabic = false;
  let wordAscii = false;
  let wordHighLatin = 0;
  const endWord = (): void => {
    if (wordArabic && (wordAscii || wordHighLatin > 0)) odd++;
    else if (!wordArabic && !wordAscii && wordHighLatin >= 2) odd++;
    wordArabic = wordAscii = false;
    wordHighLatin = 0;
  };
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (isAsciiLetter(c)) wordAscii = true;
      else if (wordArabic || wordAscii || wordHighLatin > 0) endWord();
      continue;
    }
    if (c < REVERSE_SIZE && i + 1 < n) {
      const d = s.charCodeAt(i + 1);
      if (d < REVERSE_SIZE && ((latin[c] === LEAD && latin[d] === CONTINUATION) || (cp1256[c] === LEAD && cp1256[d] === CONTINUATION))) {
        endWord();
        odd++;
        i++;
        continue;
      }
    }
    if (isArabicLetter(c)) {
      arabic++;
      wordArabic = true;
    } else if (isArabicMark(c)) {
      // rides on the word it is in
    } else if (isLatin1Letter(c) || (c >= 0x100 && c <= 0x24f)) {
      wordHighLatin++;
    } else {
      endWord();
      if (c === 0xfffd) fffd++;
      else if (isStrayControl(c)) odd++;
    }
  }
  endWord();
  return { arabic, odd, fffd };
}

function charClass(chars: string): string {
  return [...chars].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`).join("");
}

let hint: RegExp | null = null;
let looseHint: RegExp | null = null;

/**
 * The tell-tale of each kind, as fixed-length character-class pairs (linear, no backtracking): a lead byte's
 * character then a continuation byte's, in either reading; or two Latin-1 letters in a row. Lines without
 * one are not looked at: this keeps clean text on the fast path.
 */
export function mojibakeHint(): RegExp {
  if (!hint) {
    const cp1256Leads = charClass(LEAD_BYTES.map((b) => CP1256_HIGH[b - 0x80]!).join(""));
    // After `ط` `ظ` (D8, D9: all of Arabic) any continuation but the ones clean text has there (`فقط،`,
    // `«خط»`); after the other leads only symbols, as Persian has `آگاه`. Mojibake of Arabic always has
    // `ط§` (`ا`) or `ظ„` (`ل`), and `في` alone is `ظپظٹ`.
    const notAfterLetters = "\u060c\u061b\u061f\u00a0\u00ab\u00bb\u200c\u200d";
    const afterTaZah = charClass([...CP1256_HIGH.slice(0, 0x40)].filter((ch) => !notAfterLetters.includes(ch)).join(""));
    const cp1256Continuations = charClass(
      [...CP1256_HIGH.slice(0, 0x40)].filter((ch) => !(ch >= "\u0600" && ch <= "\u06ff") && !notAfterLetters.includes(ch)).join(""),
    );
    const latinLeads = charClass(String.fromCharCode(...LEAD_BYTES));
    const specials = charClass([...CP1252_C1].filter((ch) => ch.charCodeAt(0) > 0xff).join(""));
    hint = new RegExp(
      `[\\u0637\\u0638][${afterTaZah}]|[${cp1256Leads}][${cp1256Continuations}]|[${latinLeads}][\\u0080-\\u00bf${specials}\\ufffd]|[\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff]{2}`,
    );
  }
  return hint;
}

/**
 * Any lead byte's character then any continuation byte's: also what clean Persian (`آگاه`) or `فقط،` show, so
 * it is only asked of lines next to a line already found broken (`في` alone is `ظپظٹ`: letters only).
 */
export function mojibakeLooseHint(): RegExp {
  if (!looseHint) {
    const cp1256Leads = charClass(LEAD_BYTES.map((b) => CP1256_HIGH[b - 0x80]!).join(""));
    const latinLeads = charClass(String.fromCharCode(...LEAD_BYTES));
    looseHint = new RegExp(`[${cp1256Leads}][${charClass(CP1256_HIGH.slice(0, 0x40))}]|[${latinLeads}][\\u0080-\\u00bf\\ufffd${charClass(CP1252_C1)}]`);
  }
  return looseHint;
}
