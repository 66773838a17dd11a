/** Splitting a dump into lines and the small per-line facts every rule reads (computed once, never re-split). */
import { BLANK_LINE_HEAP, budgetFor, DumpTooBigError, LINE_HEAP, MAX_DUMP_LINES, UNIT_HEAP } from "./budget.js";
import { ALL_CHAR_FLAGS, foldsToNothing, matchForm, MatchFormBatch } from "./matchForm.js";
import type { MarkerMatch } from "../markers.js";

/**
 * One line and its facts. The match form of a long line is computed only if a rule asks for it: prose
 * paragraphs (most of a dump's bytes) are decided from their word count, first word and ends alone.
 */
export class Line {
  /** Which marker the line carries; computed once, on first ask (see classifiers/markerLine.ts). */
  markerKind?: string | null;
  /** The leading marker match that decided markerKind, if any (see classifiers/markerLine.ts markerMatch). */
  markerMatch?: MarkerMatch | null;
  /** Why the line is site chrome, or null; computed once, on first ask (see classifiers/boilerplate.ts). */
  chromeReason?: string | null;
  /** The ISO date of a line that is only a date, or null; computed once, on first ask (see text/dates.ts lineDate). */
  dateIso?: string | null;
  /** Length of the leading bullet or number; computed once, on first ask (see lineBullet). */
  bulletLen?: number;
  /** The author's name if the line is a byline, or null; computed once, on first ask (see classifiers/byline.ts). */
  bylineName?: string | null;
  #mf: string | undefined;

  constructor(
    /** 1-based line number in the dump. */
    readonly n: number,
    /** The original text, trimmed (what the output carries). */
    readonly text: string,
    mf: string | undefined,
    /** Words (0 for a blank line; counted on the match form, or on the text for a long line). */
    readonly words: number,
    /** Visible length of the line without trailing spaces, in UTF-16 units (what a hard-wrapping browser counted). */
    readonly width: number,
    /** The match form's first word, cut before a `:` or `/` glued to it ("المصدر:" → "المصدر"): the marker key. */
    readonly first: string,
    /** The CharFlag classes its match form holds (matchForm.ts); all of them for a long line, whose form waits. */
    readonly flags: number,
  ) {
    this.#mf = mf;
  }

  /** The match form (what rules decide on). */
  get mf(): string {
    return (this.#mf ??= matchForm(this.text));
  }
}

export interface SplitResult {
  lines: Line[];
  /** The dump used CR or CRLF line ends. */
  crlf: boolean;
}

/** Edge characters trimmed besides white space: bidi and zero-width controls scrapers leave at line ends. */
function isEdgeInvisible(c: number): boolean {
  // Letters, digits and punctuation (the common case) are decided by the first test.
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x0b || c === 0x0c || c === 0x1680 || (c >= 0x2000 && c <= 0x200f) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff ||
    (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069)
  );
}

function firstWord(mf: string): string {
  let end = 0;
  while (end < mf.length) {
    const c = mf.charCodeAt(end);
    if (c === 0x20 || c === 0x3a || c === 0x2f) break;
    end++;
  }
  return end === mf.length ? mf : mf.slice(0, end);
}

/** Lines longer than this get their match form on demand: past it a line is prose to every rule but a few. */
export const EAGER_MATCH_FORM_CHARS = 320;
/** Enough of a long line's start to hold any marker's first word. */
const FIRST_WORD_WINDOW = 48;

/** 1 for the spaces that separate a long line's words: space, tab, NBSP, U+2000–U+200A, U+3000. */
const WORD_SPACE = new Uint8Array(0x10000);
for (const c of [0x20, 0x09, 0xa0, 0x3000]) WORD_SPACE[c] = 1;
for (let c = 0x2000; c <= 0x200a; c++) WORD_SPACE[c] = 1;

/** Words of a long line counted on its text: runs of non-space characters (branch-free, one table read each). */
function countTextWords(text: string): number {
  let n = 0;
  let prevSpace = 1;
  for (let i = 0; i < text.length; i++) {
    const space = WORD_SPACE[text.charCodeAt(i)]!;
    n += prevSpace & (space ^ 1);
    prevSpace = space;
  }
  return n;
}

/**
 * The first word of a long line's match form, read from a window of its start: the window's own first word
 * when something ends it there, else (the window may have cut the word: a long token, or a word padded with
 * tatweel or diacritics that fold away) the whole line is folded to read it.
 */
function longLineFirstWord(text: string): string {
  const window = matchForm(text.slice(0, FIRST_WORD_WINDOW));
  const first = firstWord(window);
  return first.length < window.length ? first : firstWord(matchForm(text));
}

/** One batch for every dump (splitting is synchronous): its buffer is reused, not reallocated per dump. */
const batch = new MatchFormBatch();
/** Fields a line record holds in LineRecords. */
const RECORD = 9;
/** Line records kept from dump to dump (~20k lines, ~1.5 MB); a bigger dump's array goes with it. */
const KEEP_FIELDS = RECORD * 20_000;
/** The record array the last dump left, for the next one (splitting is synchronous, like the batch). */
let spare: number[] | null = null;
/** Units of match forms read back as one string: past this a dump's forms come in several (2 MB each). */
const SEGMENT_UNITS = 1 << 20;
/**
 * The lines of a dump as numbers until its match forms are read back: per line the trimmed bounds, the
 * width, and (for a short line) where its match form and first word lie in the batch, its words and flags.
 */
class LineRecords {
  /** The records, RECORD numbers a line; `fields` of them are this dump's (the array is reused, see `spare`). */
  private readonly data: number[];
  private fields = 0;
  /** Heap left in the dump's budget for more lines. */
  private left: number;
  /** Finished stretches of the batch: a big dump's forms are read back in pieces, not held twice at once. */
  private readonly segments: string[] = [];

  constructor(
    units: number,
    private readonly budget: number,
    private readonly maxFields: number,
  ) {
    this.left = budget - UNIT_HEAP * units;
    // The array of the last dump, grown to its size already: no growing and copying as most dumps' lines come in.
    this.data = spare ?? [];
    spare = null;
  }

  /**
   * Line `source[start, end)` (its line break excluded): trimmed by index scans (a `\s+$` regex is
   * quadratic on a long run of inner spaces); a short line's match form goes into the batch.
   */
  add(source: string, start: number, end: number): void {
    let b = end;
    while (b > start && isEdgeInvisible(source.charCodeAt(b - 1))) b--;
    let a = start;
    while (a < b && isEdgeInvisible(source.charCodeAt(a))) a++;
    this.left -= a === b ? BLANK_LINE_HEAP : LINE_HEAP;
    const f = this.fields;
    if (this.left < 0 || f === this.maxFields) {
      throw new DumpTooBigError(f / RECORD, this.left < 0 ? "memory" : "lines", this.budget);
    }
    // A long line's record is stored by the same stores as a short one's: stores first reached in optimised
    // code (the first long line of a run) would throw that code away.
    let mfStart = -1;
    let mfEnd = 0;
    let words = 0;
    let firstEnd = 0;
    let segment = 0;
    let flags = ALL_CHAR_FLAGS;
    if (b - a <= EAGER_MATCH_FORM_CHARS) {
      if (batch.end > SEGMENT_UNITS) this.segments.push(batch.finish());
      mfStart = batch.add(source, a, b);
      mfEnd = batch.end;
      words = batch.words;
      firstEnd = batch.firstEnd;
      segment = this.segments.length;
      flags = batch.flags;
    }
    const d = this.data;
    d[f] = a;
    d[f + 1] = b;
    d[f + 2] = b - start;
    d[f + 3] = mfStart;
    d[f + 4] = mfEnd;
    d[f + 5] = words;
    d[f + 6] = firstEnd;
    d[f + 7] = segment;
    d[f + 8] = flags;
    this.fields = f + RECORD;
  }

  /** The Line objects, once every line is added: the match forms are sliced from the batch's strings. */
  lines(source: string): Line[] {
    this.segments.push(batch.finish());
    const d = this.data;
    const n = this.fields;
    const lines: Line[] = new Array(n / RECORD);
    for (let k = 0, r = 0; r < n; k++, r += RECORD) {
      const a = d[r]!;
      const b = d[r + 1]!;
      const text = a === b ? "" : source.slice(a, b);
      const mfStart = d[r + 3]!;
      if (mfStart >= 0) {
        const mfEnd = d[r + 4]!;
        const firstEnd = d[r + 6]!;
        const forms = this.segments[d[r + 7]!]!;
        const mf = forms.slice(mfStart, mfEnd);
        lines[k] = new Line(k + 1, text, mf, d[r + 5]!, d[r + 2]!, firstEnd === mfEnd ? mf : forms.slice(mfStart, firstEnd), d[r + 8]!);
      } else {
        // A long run of tatweel or diacritics alone is blank, as a short one is (its match form is empty).
        const words = foldsToNothing(text) ? 0 : countTextWords(text);
        lines[k] = new Line(k + 1, text, undefined, words, d[r + 2]!, longLineFirstWord(text), ALL_CHAR_FLAGS);
      }
    }
    this.release();
    return lines;
  }

  /** Hands the array on to the next dump, unless one huge dump grew it past what is worth keeping. */
  private release(): void {
    if (this.data.length <= KEEP_FIELDS) spare = this.data;
  }

  /** After a split that threw: the batch lets go of the forms it held for this dump. */
  abandon(): void {
    batch.reset();
    this.release();
  }
}

/**
 * Lines split on `\n`, `\r\n` or `\r`; a final line end does not start another line. Throws DumpTooBigError
 * when the text has more lines than `budget` bytes of heap can parse, or than `maxLines` (the defaults but in tests).
 */
export function splitLines(text: string, budget = budgetFor(text.length), maxLines = MAX_DUMP_LINES): SplitResult {
  const records = new LineRecords(text.length, budget, maxLines * RECORD);
  try {
    return splitInto(records, text);
  } catch (err) {
    records.abandon();
    throw err;
  }
}

function splitInto(records: LineRecords, text: string): SplitResult {
  const len = text.length;
  let start = 0;
  if (text.indexOf("\r") < 0) {
    // The common case: `\n` only, found by the engine's own search rather than a per-character loop.
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", start)) {
      records.add(text, start, i);
      start = i + 1;
    }
    if (start < len) records.add(text, start, len);
    return { lines: records.lines(text), crlf: false };
  }
  let crlf = false;
  for (let i = 0; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) {
      records.add(text, start, i);
      if (c === 0x0d) {
        crlf = true;
        if (i + 1 < len && text.charCodeAt(i + 1) === 0x0a) i++; // no read past the end: V8 deopts on it
      }
      start = i + 1;
    }
  }
  if (start < len) records.add(text, start, len);
  return { lines: records.lines(text), crlf };
}

/** Closing quotes and brackets that may follow a sentence's final mark: `قال: "…".` or `(…؟)`. */
function isCloser(c: number): boolean {
  // " ' » ” ’ ) ] › « “
  return c === 0x22 || c === 0x27 || c === 0xbb || c === 0x201d || c === 0x2019 || c === 0x29 || c === 0x5d || c === 0x203a || c === 0xab || c === 0x201c;
}

/** A full stop style mark: . ! ? ؟ … */
function isStop(c: number): boolean {
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x61f || c === 0x2026;
}

/** Where the last character of `s` that is neither a space nor a closer stands (-1 when none). */
function lastIndexBeforeClosers(s: string): number {
  let i = s.length - 1;
  while (i >= 0 && (s.charCodeAt(i) === 0x20 || isCloser(s.charCodeAt(i)))) i--;
  return i;
}

/** The last character of `s` that is neither a space nor a closer, as a code (-1 when none). */
function lastBeforeClosers(s: string): number {
  const i = lastIndexBeforeClosers(s);
  return i < 0 ? -1 : s.charCodeAt(i);
}

/** The line (its match form or text) ends a sentence: a final mark (a stop, `:` or `؛`), perhaps followed by closing quotes. */
export function endsSentence(s: string): boolean {
  const c = lastBeforeClosers(s);
  return isStop(c) || c === 0x3a || c === 0x61b;
}

/**
 * Ends the way a headline may and a sentence of prose seldom does: `؟` `?` `!` or an ellipsis (`…`, `...`),
 * perhaps followed by closing quotes.
 */
export function endsLikeHeadline(s: string): boolean {
  const i = lastIndexBeforeClosers(s);
  const c = s.charCodeAt(i);
  return c === 0x3f || c === 0x61f || c === 0x21 || c === 0x2026 || (c === 0x2e && s.charCodeAt(i - 1) === 0x2e);
}

/** Ends with a full stop style mark (not `:`) — what ends a paragraph rather than introduces a list. */
export function endsWithStop(s: string): boolean {
  return isStop(lastBeforeClosers(s));
}

/** A leading list bullet or number (`•`, `-`, `1-`, `١)`, `3.`), with the spaces after it (exported for tests). */
export const BULLET = /^(?:[•·◦▪■●▫□○►▶✓✔*–—-]+|[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}\s*[-.)\u066b]|[(][0-9\u0660-\u0669]{1,3}[)])\s*/u;

/** 1 for a unit a bullet or number can start with (BULLET's first characters): most lines are ruled out by it. */
const BULLET_START = new Uint8Array(0x10000);
for (const c of "•·◦▪■●▫□○►▶✓✔*–—-(0123456789") BULLET_START[c.charCodeAt(0)] = 1;
for (let c = 0x0660; c <= 0x0669; c++) BULLET_START[c] = 1;
for (let c = 0x06f0; c <= 0x06f9; c++) BULLET_START[c] = 1;

export function bulletLength(text: string): number {
  if (BULLET_START[text.charCodeAt(0)] !== 1) return 0;
  const m = BULLET.exec(text);
  if (!m) return 0;
  // "2024-03-12", "3.5 مليار", "-5 درجات" are not items: glued to a digit, a bullet or number is part of the
  // text. "• 5 نصائح" and "1) 5 نصائح" (a space between) are items whose headline starts with a number.
  const rest = text.slice(m[0].length);
  if (rest.length === 0) return 0;
  const spaced = m[0] !== m[0].trimEnd();
  if (!spaced && /^[0-9\u0660-\u0669\u06f0-\u06f9]/u.test(rest)) return 0;
  if (!spaced && /[0-9\u0660-\u0669\u06f0-\u06f9][.]$/u.test(m[0])) return 0;
  return m[0].length;
}

/** bulletLength of the line's text, cached on the line (list and title rules ask about the same lines often). */
export function lineBullet(line: Line): number {
  return (line.bulletLen ??= bulletLength(line.text));
}

export function stripBullet(text: string): string {
  const k = bulletLength(text);
  return k > 0 ? text.slice(k).trim() : text;
}

// "»…«" too: guillemets come out reversed when a right-to-left page is scraped in visual order.
const QUOTE_PAIRS: Record<string, string> = { '"': '"', "«": "»", "»": "«", "“": "”", "„": "“", "'": "'", "‹": "›", "”": "“", "‘": "’", "’": "‘", "‚": "‘", "›": "‹" };

/** A value wrapped whole in one pair of quotes loses them: `"الشرق الأوسط"` → `الشرق الأوسط`. */
export function stripQuotes(s: string): string {
  let t = s.trim();
  // `"الشرق الأوسط".` — a full stop after the closing quote is the sentence's, not the name's.
  if (t.length > 2 && t.endsWith(".") && QUOTE_PAIRS[t[0]!] === t[t.length - 2]) t = t.slice(0, -1);
  for (let k = 0; k < 2 && t.length >= 2; k++) {
    const close = QUOTE_PAIRS[t[0]!];
    if (close === undefined || t[t.length - 1] !== close) break;
    const inner = t.slice(1, -1);
    // `"أ" و"ب"` is two quoted names, not one quoted value.
    if (inner.includes(t[0]!) || inner.includes(close)) break;
    t = inner.trim();
  }
  return t;
}

/** `chars` holds the code unit `c` (a scan of a short set; no one-character string is made). */
export function hasCode(chars: string, c: number): boolean {
  for (let k = 0; k < chars.length; k++) if (chars.charCodeAt(k) === c) return true;
  return false;
}

/** `s` without the trailing characters in `chars` — a loop, since `[…]+$` regexes are quadratic on long runs. */
export function trimEndOf(s: string, chars: string): string {
  let end = s.length;
  while (end > 0 && hasCode(chars, s.charCodeAt(end - 1))) end--;
  return end === s.length ? s : s.slice(0, end);
}
