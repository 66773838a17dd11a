/** The marker vocabulary in force: the built-in data file plus the user's `--markers FILE`, compiled to match forms. */
import { readFileSync } from "node:fs";
import builtin from "./markers.json" with { type: "json" };
import { matchForm } from "./text/matchForm.js";
import type { MarkerVocabulary } from "./types.js";

export type MarkerKind = keyof MarkerVocabulary;
export const MARKER_KINDS: readonly MarkerKind[] = ["readAlso", "readMore", "readMoreTrailing", "source", "tags", "related"];

export const builtinMarkers: Readonly<MarkerVocabulary> = builtin;

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

  constructor(markers: readonly string[]) {
    const forms = new Set<string>();
    for (const m of markers) {
      const f = stripTrailingColon(matchForm(m));
      if (f) forms.add(f);
    }
    this.forms = [...forms];
    for (const f of this.forms) {
      const words = f.split(" ");
      const list = this.byFirst.get(words[0]!) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length); // longest marker first: "قد يهمك ايضا" before "قد يهمك"
      this.byFirst.set(words[0]!, list);
    }
  }

  /** The line (its match form) is the marker alone, perhaps followed by `:`. */
  isAlone(mf: string): boolean {
    return this.prefixLength(mf) === mf.length && mf.length > 0;
  }

  /**
   * Length, in the match form, of the marker and its following `:`/spaces when `mf` starts with one
   * (ending on a word boundary); -1 when not.
   */
  prefixLength(mf: string): number {
    const sp = mf.indexOf(" ");
    let first = sp < 0 ? mf : mf.slice(0, sp);
    // "المصدر:" — the colon sticks to the first word.
    let glued = "";
    const cut = first.search(/[:/]/);
    if (cut > 0) {
      glued = first.slice(cut);
      first = first.slice(0, cut);
    }
    const candidates = this.byFirst.get(first);
    if (!candidates) return -1;
    for (const words of candidates) {
      if (glued && words.length > 1) continue;
      let pos = 0;
      let ok = true;
      for (let k = 0; k < words.length; k++) {
        const w = words[k]!;
        if (!mf.startsWith(w, pos)) {
          ok = false;
          break;
        }
        pos += w.length;
        if (k < words.length - 1) {
          if (mf.charCodeAt(pos) !== 0x20) {
            ok = false;
            break;
          }
          pos++;
        }
      }
      if (!ok) continue;
      if (pos < mf.length) {
        const c = mf[pos];
        if (c !== " " && c !== ":" && c !== "/") continue; // "المصدري" is another word
      }
      while (pos < mf.length && (mf[pos] === " " || mf[pos] === ":")) pos++;
      return pos;
    }
    return -1;
  }
}

export function stripTrailingColon(mf: string): string {
  let end = mf.length;
  while (end > 0 && (mf[end - 1] === ":" || mf[end - 1] === " ")) end--;
  return mf.slice(0, end);
}

export interface CompiledMarkers {
  vocabulary: MarkerVocabulary;
  readAlso: MarkerTable;
  readMore: MarkerTable;
  readMoreTrailing: MarkerTable;
  source: MarkerTable;
  tags: MarkerTable;
  related: MarkerTable;
}

export function compileMarkers(extra?: Partial<MarkerVocabulary>): CompiledMarkers {
  const vocabulary = mergeMarkers(extra);
  return {
    vocabulary,
    readAlso: new MarkerTable(vocabulary.readAlso),
    readMore: new MarkerTable(vocabulary.readMore),
    readMoreTrailing: new MarkerTable(vocabulary.readMoreTrailing),
    source: new MarkerTable(vocabulary.source),
    tags: new MarkerTable(vocabulary.tags),
    related: new MarkerTable(vocabulary.related),
  };
}
