/**
 * Segmenting one whitespace-joined run of tags (`أسلحة ومعدات عسكرية الجيش الروسي …`) into its tags
 * by dynamic programming over its words — not greedily, so a long match that would strand the words
 * after it loses to a split that covers them all.
 *
 * A segmentation is a sequence of tags, each either an entry of a lexicon (the user's, the learned,
 * the built-in), a phrase glued by the noun-phrase rules (rules.ts) out of words and entries, or a
 * single word left over. Segmentations are compared, in order, by:
 *   1. most words in user entries (the user's lexicon wins over everything);
 *   2. fewest leftover single words;
 *   3. most words in learned entries, then most in built-in entries (a name stays one tag rather
 *      than being glued to its neighbour by a rule);
 *   4. fewest tags (the longest matches).
 * A tag never starts at a conjunction و (it joins the tag before it).
 *
 * States per word boundary: "closed" (every tag so far ended) and "open" (a rule phrase is being
 * built; its last unit's length and how it attached). Transitions look at most MAX_TAG_WORDS words
 * ahead, so the work is linear in the words of the line.
 */
import type { TagHow, TagPiece } from "./segment.js";
import { MAX_TAG_WORDS, type EntryInfo, type TagTrie } from "./lexicon.js";
import { PREPOSITIONS, Attach, ATTACH_KINDS, classifyWord, commonNouns, isConjunction, link } from "./rules.js";
import { tagWords, type TagWord } from "./words.js";

export interface Lexicons {
  user: TagTrie | null;
  learned: TagTrie | null;
  builtin: TagTrie;
}

/** Work done, for tests that check it grows linearly with the words. */
export interface SegmentWork {
  /** States examined and transitions tried by the dynamic programme. */
  steps: number;
}

const SRC_NONE = 0;
const SRC_BUILTIN = 1;
const SRC_LEARNED = 2;
const SRC_USER = 3;
const SRC_HOW: readonly TagHow[] = ["single", "lexicon", "learned", "user"];

/** Leftover and covered-word counts are packed as hi·2^22 + lo; runs are cut to stay below 2^22 words. */
const PACK = 2 ** 22;
/** Longest run segmented in one programme; a longer line (never a real tags line) is cut there. */
const MAX_RUN_WORDS = 1 << 20;

/**
 * Scratch arrays, one programme at a time (segmentation is synchronous): allocating typed arrays cost more
 * than the programme itself on a tags line of a few words. Each slot grows as runs need; a run too long
 * for SCRATCH_KEEP gets arrays of its own, so one huge line does not pin them.
 */
const SCRATCH_KEEP = 1 << 16;
const scratchF64: Float64Array[] = [];
const scratchU8: Uint8Array[] = [];
const scratchI8: Int8Array[] = [];
const scratchI16: Int16Array[] = [];
const scratchI32: Int32Array[] = [];

/** Slot `k` of `pool`, at least `size` long, its first `size` entries set to `value`. */
function scratch<T extends Float64Array | Uint8Array | Int8Array | Int16Array | Int32Array>(pool: T[], k: number, size: number, value: number, make: (n: number) => T): T {
  let a = pool[k];
  if (a === undefined || a.length < size) {
    a = make(Math.max(size, 64));
    if (size <= SCRATCH_KEEP) pool[k] = a;
  }
  a.fill(value, 0, size);
  return a;
}
const f64 = (n: number) => new Float64Array(n);
const u8 = (n: number) => new Uint8Array(n);

/** The unit matches starting at each word: source and facts of every entry, by length. */
interface Matches {
  /** src[i * L + (len - 1)]: SRC_* of the best source holding words i..i+len-1, 0 for none. */
  src: Uint8Array;
  /** proper[i * L + (len - 1)]: whether that entry is a name (see EntryInfo.proper). */
  proper: Uint8Array;
}

function findMatches(words: readonly TagWord[], lex: Lexicons, L: number): Matches {
  const n = words.length;
  const src = scratch(scratchU8, 0, n * L, 0, u8);
  const proper = scratch(scratchU8, 1, n * L, 0, u8);
  const forms: string[] = []; // a loop, not .map: see splitTags (segment.ts)
  for (const w of words) forms.push(w.form);
  let base = 0;
  let source = SRC_NONE;
  const record = (len: number, info: EntryInfo) => {
    const at = base + len - 1;
    if (len > L || src[at]! >= source) return;
    // A name is a name in any list, but a common noun of the built-in topics stays one.
    proper[at] = src[at] === SRC_NONE ? (info.proper ? 1 : 0) : proper[at]! & (info.proper ? 1 : 0);
    src[at] = source;
  };
  const lookUp = (i: number, first: string) => {
    source = SRC_BUILTIN;
    lex.builtin.matchAt(forms, i, first, record);
    if (lex.learned) {
      source = SRC_LEARNED;
      lex.learned.matchAt(forms, i, first, record);
    }
    if (lex.user) {
      source = SRC_USER;
      lex.user.matchAt(forms, i, first, record);
    }
  };
  for (let i = 0; i < n; i++) {
    base = i * L;
    const w = words[i]!;
    lookUp(i, w.form);
    // `والجيش الروسي` holds the entry `الجيش الروسي` after its conjunction.
    if (w.conj) lookUp(i, w.core);
  }
  return { src, proper };
}

/** Marks conjunction words and sets their core form. */
function markConjunctions(words: TagWord[], lex: Lexicons): void {
  const known = (f: string) =>
    lex.builtin.firstWords.has(f) || (lex.learned?.firstWords.has(f) ?? false) || (lex.user?.firstWords.has(f) ?? false);
  for (const w of words) {
    if (isConjunction(w.form, known)) {
      w.conj = true;
      w.core = w.form.slice(1);
    }
  }
}

function less(a1: number, b1: number, c1: number, a2: number, b2: number, c2: number): boolean {
  return a1 !== a2 ? a1 < a2 : b1 !== b2 ? b1 < b2 : c1 < c2;
}

/** Segments the words of one run (no explicit separator, no punctuation-only word inside). */
function segmentRun(piece: string, words: TagWord[], lex: Lexicons, out: TagPiece[], work: SegmentWork | undefined): void {
  const n = words.length;
  if (n === 0) return;
  markConjunctions(words, lex);
  const L = Math.min(MAX_TAG_WORDS, Math.max(1, lex.builtin.maxWords, lex.learned?.maxWords ?? 0, lex.user?.maxWords ?? 0));
  const { src, proper } = findMatches(words, lex, L);
  const nouns = commonNouns();
  const isHead = (f: string) => nouns.has(f) || lex.builtin.constructHeads.has(f);
  for (const w of words) classifyWord(w, isHead);
  // No tag starts at a conjunction or a preposition (`في`), nor right after a bare `و`.
  const mayStart = (i: number) => i === 0 || !(words[i]!.conj || words[i - 1]!.bareWaw || PREPOSITIONS.has(words[i]!.form));
  /** Word i is a one-word entry that names something. */
  const isName = (i: number) => src[i * L]! !== SRC_NONE && proper[i * L] === 1;

  // Closed states, one per boundary.
  const cA = scratch(scratchF64, 0, n + 1, Infinity, f64);
  const cB = scratch(scratchF64, 1, n + 1, 0, f64);
  const cC = scratch(scratchF64, 2, n + 1, 0, f64);
  /** How closed state j was reached: 1..L a lexicon entry of that length, 0 a leftover word, -(1+slot) a rule phrase. */
  const cBack = scratch(scratchI16, 0, n + 1, 0, (k) => new Int16Array(k));
  cA[0] = 0;

  // Open states: slot = (len - 1) * ATTACH_KINDS + attach; scores in a rolling window of L + 1 rows.
  const S = L * ATTACH_KINDS;
  const W = L + 1;
  const oA = scratch(scratchF64, 3, W * S, Infinity, f64);
  const oB = scratch(scratchF64, 4, W * S, 0, f64);
  const oC = scratch(scratchF64, 5, W * S, 0, f64);
  /** Previous open slot at the unit's start, or -1 when the phrase starts there. */
  const oBack = scratch(scratchI8, 0, (n + 1) * S, 0, (k) => new Int8Array(k));
  /** Which slots of each row hold a state (S ≤ 32 since MAX_TAG_WORDS ≤ 8): the loops visit only those. */
  const live = scratch(scratchI32, 0, W, 0, (k) => new Int32Array(k));

  const relaxClosed = (k: number, a: number, b: number, c: number, back: number) => {
    if (less(a, b, c, cA[k]!, cB[k]!, cC[k]!)) {
      cA[k] = a;
      cB[k] = b;
      cC[k] = c;
      cBack[k] = back;
    }
  };
  const relaxOpen = (k: number, slot: number, a: number, b: number, c: number, back: number) => {
    const r = k % W;
    const at = r * S + slot;
    if (less(a, b, c, oA[at]!, oB[at]!, oC[at]!)) {
      live[r]! |= 1 << slot;
      oA[at] = a;
      oB[at] = b;
      oC[at] = c;
      oBack[k * S + slot] = back;
    }
  };

  let steps = 0;
  for (let j = 0; j <= n; j++) {
    steps++;
    const r = j % W;
    const row = r * S;
    const states = live[r]!;
    // A finished rule phrase (two units or more, no head left waiting) closes here — not right after a
    // preposition, which never ends a tag (unless the line ends there).
    const afterPreposition = j > 0 && j < n && PREPOSITIONS.has(words[j - 1]!.form);
    for (let m = afterPreposition ? 0 : states; m !== 0; m &= m - 1) {
      const slot = 31 - Math.clz32(m & -m);
      const at = row + slot;
      const attach = slot % ATTACH_KINDS;
      if (attach === Attach.First || attach === Attach.Pending) continue;
      relaxClosed(j, oA[at]!, oB[at]!, oC[at]! + 1, -(1 + slot));
    }
    if (j === n) break;
    const maxLen = Math.min(L, n - j);

    if (cA[j] !== Infinity && mayStart(j)) {
      const a = cA[j]!, b = cB[j]!, c = cC[j]!;
      for (let len = 1; len <= maxLen; len++) {
        const s = src[j * L + len - 1]!;
        if (s !== SRC_NONE) {
          const da = s === SRC_USER ? -len * PACK : 0;
          const db = s === SRC_LEARNED ? -len * PACK : s === SRC_BUILTIN ? -len : 0;
          relaxClosed(j + len, a + da, b + db, c + 1, len);
        } else if (len === 1) {
          relaxClosed(j + 1, a + 1, b, c + 1, 0);
        }
        if (len === 1 || s !== SRC_NONE) relaxOpen(j + len, (len - 1) * ATTACH_KINDS + Attach.First, a, b, c, -1);
        steps++;
      }
    }

    for (let m = states; m !== 0; m &= m - 1) {
      const slot = 31 - Math.clz32(m & -m);
      const at = row + slot;
      const plen = Math.floor(slot / ATTACH_KINDS) + 1;
      const attach = (slot % ATTACH_KINDS) as Attach;
      const pName = plen === 1 && isName(j - 1);
      const nName = isName(j);
      const p = words[j - 1]!;
      const nw = words[j]!;
      for (let len = 1; len <= maxLen; len++) {
        if (len > 1 && src[j * L + len - 1] === SRC_NONE) continue;
        steps++;
        const t = link(p, plen, pName, attach, nw, len, len === 1 && nName);
        if (t !== null) relaxOpen(j + len, (len - 1) * ATTACH_KINDS + t, oA[at]!, oB[at]!, oC[at]!, slot);
      }
    }
    // This row is done; it is reused for boundary j + W.
    if (states !== 0) oA.fill(Infinity, row, row + S);
    live[r] = 0;
  }

  if (work) work.steps += steps;

  if (cA[n] === Infinity) {
    // Cannot happen (a conjunction always links), but a tag must never be lost.
    for (const w of words) out.push({ tag: piece.slice(w.start, w.end), how: "single" });
    return;
  }

  const tags: TagPiece[] = [];
  let j = n;
  while (j > 0) {
    const back = cBack[j]!;
    let start: number;
    let how: TagHow;
    if (back > 0) {
      start = j - back;
      how = SRC_HOW[src[start * L + back - 1]!]!;
    } else if (back === 0) {
      start = j - 1;
      how = "single";
    } else {
      let slot = -back - 1;
      let k = j;
      for (;;) {
        const len = Math.floor(slot / ATTACH_KINDS) + 1;
        const prev = oBack[k * S + slot]!;
        k -= len;
        if (prev < 0) break;
        slot = prev;
      }
      start = k;
      how = "rule";
    }
    tags.push({ tag: piece.slice(words[start]!.start, words[j - 1]!.end), how });
    j = start;
  }
  for (let i = tags.length - 1; i >= 0; i--) out.push(tags[i]!);
}

/**
 * The tags of one piece with no explicit separator, in order, each with how it was found.
 * The text of each tag is the original text of its words (spelling and inner spacing kept).
 */
export function segmentJoined(piece: string, lex: Lexicons, work?: SegmentWork): TagPiece[] {
  const out: TagPiece[] = [];
  let run: TagWord[] = [];
  const flush = () => {
    if (run.length <= MAX_RUN_WORDS) segmentRun(piece, run, lex, out, work);
    else for (let i = 0; i < run.length; i += MAX_RUN_WORDS) segmentRun(piece, run.slice(i, i + MAX_RUN_WORDS), lex, out, work);
    run = [];
  };
  for (const w of tagWords(piece)) {
    if (w) run.push(w);
    else flush();
  }
  flush();
  return out;
}
