/**
 * The words of a whitespace-joined tags piece, with the facts the segmenter and the noun-phrase
 * rules read: the lookup form of each word, its conjunction-stripped core, definiteness, nisba shape.
 * Computed once per word so the dynamic programme never re-normalises text.
 */
import { matchForm } from "../text/matchForm.js";

export interface TagWord {
  /** Offsets of the word in the piece (original text). */
  start: number;
  end: number;
  /** Match form with surrounding punctuation (quotes, brackets, full stops) trimmed: the lookup key. */
  form: string;
  /** `form` without a leading conjunction و when the word is one (`والجيش` → `الجيش`); else `form`. */
  core: string;
  /** Starts with the conjunction و (set by the segmenter, which knows the lexicon's own و-words). */
  conj: boolean;
  /** The bare conjunction `و` standing alone: it and the word after it join the tag before. */
  bareWaw: boolean;
  /** Holds an Arabic letter (Latin names and numbers never take part in the Arabic rules). */
  arabic: boolean;
  /** The last letter as written is alef maqsura (ى), which the match form folds into ي. */
  maqsura: boolean;
  /** Set by rules.classifyWord: definite (ال…), nisba-shaped, a construct head. */
  def: boolean;
  nisba: boolean;
  head: boolean;
  /** A common noun of the rules' list (bare of ال); null until the rules ask. */
  common: boolean | null;
}

const EDGE_PUNCT = /^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu;

/** The lookup form of one word: its match form with edge punctuation trimmed. */
export function wordForm(raw: string): string {
  return trimEdges(matchForm(raw));
}

/** The lookup key of an entry (a tag or a lexicon line): its words' forms joined by one space. */
export function entryKey(entry: string): string {
  // One match form for the whole entry (it folds every kind of space into one), then its words.
  const out: string[] = [];
  for (const w of matchForm(entry).split(" ")) {
    const f = trimEdges(w);
    if (f) out.push(f);
  }
  return out.join(" ");
}


/** The characters matchForm folds into a space: splitting on them keeps words aligned with its output. */
function isFoldedSpace(c: number): boolean {
  return (
    c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000
  );
}

/** What matchForm drops (bidi marks, tatweel, diacritics): a token of these alone vanishes from its output. */
function isDropped(c: number): boolean {
  return (
    c === 0xad || c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed) ||
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff
  );
}

function isWordChar(c: number): boolean {
  return (c >= 0x0621 && c <= 0x064a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Trims edge punctuation from a match form, without a regular expression in the common case. */
function trimEdges(f: string): string {
  if (f.length > 0 && isWordChar(f.charCodeAt(0)) && isWordChar(f.charCodeAt(f.length - 1))) return f;
  return f.replace(EDGE_PUNCT, "");
}

function hasArabicLetter(f: string): boolean {
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if (c >= 0x0621 && c <= 0x064a) return true;
  }
  return false;
}

function endsInMaqsura(s: string, start: number, end: number): boolean {
  for (let i = end - 1; i >= start; i--) {
    const c = s.charCodeAt(i);
    if (c === 0x0649) return true;
    if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a)) return false;
  }
  return false;
}

/**
 * Words of `piece` in order. A word that is only punctuation (a dash between two tags) yields
 * `null` in its place: the segmenter treats it as a boundary and drops it.
 *
 * The piece is normalised in one matchForm call and its words paired with the original tokens
 * (a long line would otherwise pay one call and its buffers per word); when the two do not pair
 * up (a ligature whose expansion holds spaces), each token is normalised on its own.
 */
export function tagWords(piece: string): (TagWord | null)[] {
  const starts: number[] = [];
  const ends: number[] = [];
  const n = piece.length;
  let i = 0;
  while (i < n) {
    while (i < n && isFoldedSpace(piece.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let visible = false;
    while (i < n) {
      const c = piece.charCodeAt(i);
      if (isFoldedSpace(c)) break;
      if (!isDropped(c)) visible = true;
      i++;
    }
    if (visible) {
      starts.push(start);
      ends.push(i);
    }
  }
  const whole = matchForm(piece);
  const forms = whole ? whole.split(" ") : [];
  const paired = forms.length === starts.length;
  const out: (TagWord | null)[] = [];
  for (let k = 0; k < starts.length; k++) {
    const start = starts[k]!;
    const end = ends[k]!;
    const mf = paired ? forms[k]! : matchForm(piece.slice(start, end));
    const form = trimEdges(mf);
    if (!form) {
      // Visible punctuation alone is a boundary; a token that normalises to nothing just vanishes.
      if (mf) out.push(null);
      continue;
    }
    out.push({
      start,
      end,
      form,
      core: form,
      conj: false,
      bareWaw: form === "و",
      arabic: hasArabicLetter(form),
      maqsura: endsInMaqsura(piece, start, end),
      def: false,
      nisba: false,
      head: false,
      common: null,
    });
  }
  return out;
}
