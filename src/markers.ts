/** The marker vocabulary in force: the built-in data file plus the user's `--markers FILE`, compiled to match forms. */
import { readFileSync } from "node:fs";
import { BUILTIN_MARKERS } from "./markerData.js";
import { hasCode } from "./text/lines.js";
import { matchForm } from "./text/matchForm.js";
import type { MarkerVocabulary } from "./types.js";

export type MarkerKind = keyof MarkerVocabulary;
export const MARKER_KINDS: readonly MarkerKind[] = ["readAlso", "readMore", "readMoreTrailing", "source", "tags", "related"];

export const builtinMarkers: Readonly<MarkerVocabulary> = BUILTIN_MARKERS;

/** Merge the user's additions into the built-in lists (additions only: a user cannot silently lose a marker). */
export function mergeMarkers(extra?: Partial<MarkerVocabulary>): MarkerVocabulary {
  const out = {} as MarkerVocabulary;
  for (const kind of MARKER_KINDS) out[kind] = [...builtinMarkers[kind], ...(extra?.[kind] ?? [])];
  return out;
}

/** Read and check a `--markers` JSON file: an object whose keys are marker kinds and values arrays of strings. */
export function loadMarkersFile(path: string): Partial<MarkerVocabulary> {
  const data: unknown = JSON.parse(readFileSync(path, "utf8"));
  if (data === null || typeof data !== "object" || Array.isArray(data)) throw new Error("a markers file holds a JSON object");
  const out: Partial<MarkerVocabulary> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(MARKER_KINDS as readonly string[]).includes(key)) {
      throw new Error(`unknown marker kind "${key}" (known: ${MARKER_KINDS.join(", ")})`);
    }
    if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) {
      throw new Error(`"${key}" must be an array of strings`);
    }
    out[key as MarkerKind] = value;
  }
  return out;
}

/** Compiled markers of one kind: match forms split in words, indexed by first word. */
export class MarkerTable {
  private readonly byFirst = new Map<string, string[][]>();
  readonly forms: string[];
  /** The last code unit of each form (trailingMarker rules most lines out with one probe). */
  readonly lastUnits = new Set<number>();

  constructor(markers: readonly string[]) {
    const forms = new Set<string>();
    for (const m of markers) {
      const f = stripTrailingColon(matchForm(m));
      if (f) forms.add(f);
    }
    this.forms = [...forms];
    for (const f of this.forms) this.lastUnits.add(f.charCodeAt(f.length - 1));
    for (const f of this.forms) {
      const words = f.split(" ");
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length); // longest marker first: "قد يهمك ايضا" before "قد يهمك"
      this.byFirst.set(words[0]!, list);
    }
  }

  /**
   * Where `mf` starts with one of the markers (ending on a word boundary), after any decoration before it
   * (`• `, `(`, `[`): `end` is the index after the marker's words, `rest` after the separators and
   * decoration that follow (`:`, `/`, `..`, `…`, `-`, `|`, arrows, `)`, spaces), `sep` the first of them.
   */
  match(mf: string, lead = leadLength(mf), first = markerFirstWord(mf, lead)): MarkerMatch | null {
    const candidates = this.byFirst.get(first);
    if (!candidates) return null;
    for (const words of candidates) {
      let pos = lead;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) {
        const w = words[k]!;
        if (k > 0) {
          if (pos >= mf.length || mf.charCodeAt(pos) !== 0x20) ok = false; // no read past the end: V8 deopts on it
          pos++;
        }
        if (ok && !mf.startsWith(w, pos)) ok = false;
        pos += w.length;
      }
      if (!ok) continue;
      if (pos < mf.length && afterMarkerUnits(mf, pos) === 0) continue; // "المصدري" is another word
      const end = pos;
      let sep = "";
      for (let n = afterMarkerUnits(mf, pos); n > 0; n = afterMarkerUnits(mf, pos)) {
        if (sep === "" && mf.charCodeAt(pos) !== 0x20) sep = mf.slice(pos, pos + n);
        pos += n;
      }
      return { end, rest: pos, sep };
    }
    return null;
  }
}

/** What may stand around a marker on its line: `• اقرأ أيضاً..`, `(اقرأ أيضاً)`, `مقالات مشابهة ↓`. */
const BEFORE_MARKER = "•·◦▪■●*-–([«";
// With arrows that point at the link below (← ↓ ⬅ ⬇ ⤵, and the emoji variation selector that may follow them).
const AFTER_MARKER = " :/.…-–—|»)]>\u2190\u2193\u2b05\u2b07\u2935\ufe0f";
/** Emoji arrows and hands after a marker (👇 👈 👉 🔻), as the low halves of their surrogate pairs after \ud83d. */
const AFTER_MARKER_EMOJI = "\udc47\udc48\udc49\udd3b";

/**
 * How many units of decoration after a marker stand at `pos` (see AFTER_MARKER): 1, or 2 for an emoji arrow or a
 * skin-tone modifier (a whole surrogate pair, never half of one: 📞 shares 👇's first half); 0 for none.
 */
export function afterMarkerUnits(mf: string, pos: number): number {
  if (pos >= mf.length) return 0;
  const c = mf.charCodeAt(pos);
  if (hasCode(AFTER_MARKER, c)) return 1;
  if (pos + 1 >= mf.length) return 0;
  if (c === 0xd83d) return hasCode(AFTER_MARKER_EMOJI, mf.charCodeAt(pos + 1)) ? 2 : 0;
  if (c === 0xd83c) {
    const low = mf.charCodeAt(pos + 1);
    return low >= 0xdffb && low <= 0xdfff ? 2 : 0; // 🏻–🏿
  }
  return 0;
}

/** Length of the decoration before a marker. */
export function leadLength(mf: string): number {
  let i = 0;
  while (i < mf.length && (mf.charCodeAt(i) === 0x20 || hasCode(BEFORE_MARKER, mf.charCodeAt(i)))) i++;
  return i === mf.length ? 0 : i;
}

/**
 * `value` (the text after a marker) without the bracket that closes the one opened before the marker:
 * `(المصدر: الجزيرة)` gives `الجزيرة`, not `الجزيرة)`. A bracket the value opens itself stays closed.
 */
export function dropLeadCloser(mf: string, value: string): string {
  const lead = leadLength(mf);
  for (const [open, close] of BRACKETS) {
    if (!mf.slice(0, lead).includes(open) || !value.endsWith(close)) continue;
    if (count(value, open) < count(value, close)) return value.slice(0, -1).trimEnd();
  }
  return value;
}

const BRACKETS: readonly [string, string][] = [
  ["(", ")"],
  ["[", "]"],
  ["«", "»"],
];

function count(s: string, c: string): number {
  let n = 0;
  for (let i = s.indexOf(c); i >= 0; i = s.indexOf(c, i + 1)) n++;
  return n;
}

/** The first word of a marker line after its decoration, cut before a glued `:` or `/` ("المصدر:"). */
export function markerFirstWord(mf: string, lead: number): string {
  let end = lead;
  for (; end < mf.length; end++) {
    const c = mf.charCodeAt(end);
    if (c === 0x20 || c === 0x3a || c === 0x2f) break;
  }
  return mf.slice(lead, end);
}

export interface MarkerMatch {
  end: number;
  rest: number;
  sep: string;
}

/**
 * The line's match form ends with one of the markers (perhaps followed by `»`, `...`, `>`), after other text:
 * the index where the marker starts; -1 when not.
 */
export function trailingMarker(table: MarkerTable, mf: string): number {
  let end = mf.length;
  while (end > 0 && hasCode(TRAILING_DECORATION, mf.charCodeAt(end - 1))) end--;
  // Most lines end with a letter no marker ends with: one set probe instead of a comparison per marker.
  if (end === 0 || !table.lastUnits.has(mf.charCodeAt(end - 1))) return -1;
  for (const f of table.forms) {
    if (end <= f.length + 1 || !mf.startsWith(f, end - f.length)) continue;
    const at = end - f.length;
    const before = mf.charCodeAt(at - 1);
    if (before !== 0x20 && before !== 0x2e && before !== 0x2026) continue; // "…اقرأ المزيد"
    // «… ولم أستطع أن أكمل القراءة». is a quotation that ends in the words, not a link ("… اقرأ المزيد »" is,
    // and so is a cut teaser whose quotation never closes: «كنت أبكي… اقرأ المزيد).
    return quotationClosesAfter(mf, at, end) ? -1 : at;
  }
  return -1;
}

/**
 * A `«` opened before `at` is still open there and closes right after the marker, at `end` (`… أكمل القراءة».`):
 * the words are the quotation's. A `»` after a space is the link's arrow (`… اقرأ المزيد »`), and `” "` are no
 * decoration and end no marker line.
 */
function quotationClosesAfter(mf: string, at: number, end: number): boolean {
  let open = 0;
  for (let i = 0; i < at; i++) {
    const c = mf.charCodeAt(i);
    if (c === 0xab) open++;
    else if (c === 0xbb && open > 0) open--;
  }
  return open > 0 && mf.charCodeAt(end) === 0xbb;
}

const TRAILING_DECORATION = " .…»>›";

export function stripTrailingColon(mf: string): string {
  let end = mf.length;
  while (end > 0 && (mf[end - 1] === ":" || mf[end - 1] === " ")) end--;
  return mf.slice(0, end);
}

export interface CompiledMarkers {
  vocabulary: MarkerVocabulary;
  /** First words of every leading marker: a line whose first word is not here carries none (one probe). */
  firstWords: Set<string>;
  readAlso: MarkerTable;
  readMore: MarkerTable;
  readMoreTrailing: MarkerTable;
  source: MarkerTable;
  tags: MarkerTable;
  related: MarkerTable;
}

export function compileMarkers(extra?: Partial<MarkerVocabulary>): CompiledMarkers {
  const vocabulary = mergeMarkers(extra);
  const tables = {
    readAlso: new MarkerTable(vocabulary.readAlso),
    readMore: new MarkerTable(vocabulary.readMore),
    readMoreTrailing: new MarkerTable(vocabulary.readMoreTrailing),
    source: new MarkerTable(vocabulary.source),
    tags: new MarkerTable(vocabulary.tags),
    related: new MarkerTable(vocabulary.related),
  };
  const firstWords = new Set<string>();
  for (const t of [tables.readAlso, tables.readMore, tables.source, tables.tags, tables.related]) {
    for (const f of t.forms) firstWords.add(f.split(" ")[0]!);
  }
  return { vocabulary, firstWords, ...tables };
}
