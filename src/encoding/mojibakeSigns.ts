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

/** Code units from `lo` to `hi` as a string (for the pair tables below). */
function range(lo: number, hi: number): string {
  let out = "";
  for (let c = lo; c <= hi; c++) out += String.fromCharCode(c);
  return out;
}

/**
 * "Some character of set A is followed by one of set B", for several (A, B) branches at once: one table
 * look-up per character and no regular expression (a character-class alternation costs the engine a try
 * of every branch at every position, and clean text — every dump — is scanned whole).
 */
export class PairTest {
  /** Per code unit: the branches it may open (bit k for branch k). */
  readonly first = new Uint8Array(0x10000);
  /** Per code unit: the branches it may close. */
  readonly second = new Uint8Array(0x10000);

  constructor(branches: readonly (readonly [string, string])[]) {
    if (branches.length > 8) throw new Error("PairTest: at most 8 branches");
    branches.forEach(([a, b], k) => {
      for (const ch of a) this.first[ch.charCodeAt(0)]! |= 1 << k;
      for (const ch of b) this.second[ch.charCodeAt(0)]! |= 1 << k;
    });
  }

  test(s: string): boolean {
    const first = this.first;
    const second = this.second;
    const end = s.length - 1;
    for (let i = 0; i < end; i++) {
      const f = first[s.charCodeAt(i)]!;
      if (f !== 0 && (f & second[s.charCodeAt(i + 1)]!) !== 0) return true;
    }
    return false;
  }
}

let hint: PairTest | null = null;
let looseHint: PairTest | null = null;

const LATIN1_LETTERS = range(0xc0, 0xd6) + range(0xd8, 0xf6) + range(0xf8, 0xff);

/**
 * The tell-tale of each kind, as character pairs: a lead byte's character then a continuation byte's, in
 * either reading; or two Latin-1 letters in a row. Lines without one are not looked at: this keeps clean
 * text on the fast path.
 */
export function mojibakeHint(): PairTest {
  if (!hint) {
    const cp1256Leads = LEAD_BYTES.map((b) => CP1256_HIGH[b - 0x80]!).join("");
    // After `ط` `ظ` (D8, D9: all of Arabic) any continuation but the ones clean text has there (`فقط،`,
    // `«خط»`); after the other leads only symbols, as Persian has `آگاه`. Mojibake of Arabic always has
    // `ط§` (`ا`) or `ظ„` (`ل`), and `في` alone is `ظپظٹ`.
    const notAfterLetters = "\u060c\u061b\u061f\u00a0\u00ab\u00bb\u200c\u200d";
    const continuations = [...CP1256_HIGH.slice(0, 0x40)].filter((ch) => !notAfterLetters.includes(ch));
    const latinLeads = String.fromCharCode(...LEAD_BYTES);
    const specials = [...CP1252_C1].filter((ch) => ch.charCodeAt(0) > 0xff).join("");
    hint = new PairTest([
      ["\u0637\u0638", continuations.join("")],
      [cp1256Leads, continuations.filter((ch) => !(ch >= "\u0600" && ch <= "\u06ff")).join("")],
      [latinLeads, range(0x80, 0xbf) + specials + "\ufffd"],
      [LATIN1_LETTERS, LATIN1_LETTERS],
    ]);
  }
  return hint;
}

/**
 * Any lead byte's character then any continuation byte's: also what clean Persian (`آگاه`) or `فقط،` show, so
 * it is only asked of lines next to a line already found broken (`في` alone is `ظپظٹ`: letters only).
 */
export function mojibakeLooseHint(): PairTest {
  if (!looseHint) {
    const cp1256Leads = LEAD_BYTES.map((b) => CP1256_HIGH[b - 0x80]!).join("");
    looseHint = new PairTest([
      [cp1256Leads, CP1256_HIGH.slice(0, 0x40)],
      [String.fromCharCode(...LEAD_BYTES), range(0x80, 0xbf) + "\ufffd" + CP1252_C1],
    ]);
  }
  return looseHint;
}
