/**
 * Tag lexicons: the built-in list of Arabic news entities (src/data/tagLexicon.ts, read through its
 * generated index src/data/tagLexiconIndex.ts), the user's `--tag-lexicon` entries and the tags
 * learned earlier in the run, each as a trie keyed by the lookup forms of an entry's words, so a
 * look-up from one word costs one map probe per word matched.
 */
import { TAG_INDEX } from "../data/tagLexiconIndex.js";
import { entryKey } from "./words.js";

/**
 * Longest entry, in words, that the segmenter tries. Real tags rarely pass six words
 * (`الجمهورية الإسلامية الإيرانية`, `جمهورية الكونغو الديمقراطية`); the bound keeps the work on a
 * tags line linear in its words. Longer entries are kept out of the tries.
 */
export const MAX_TAG_WORDS = 8;

/** Sections of the built-in list whose entries are common nouns, not names (they may take adjectives). */
const COMMON_NOUN_CATEGORIES = new Set(["topics"]);

export interface EntryInfo {
  /** The built-in list's section (`countries`, `people`, …), or `user` / `learned`. */
  category: string;
  /** A name (a country, a person, an organisation): it heads no construct and takes no adjective. */
  proper: boolean;
}

interface TrieNode {
  next: Map<string, TrieNode> | null;
  info: EntryInfo | null;
  /**
   * The entries this node starts, not made into nodes yet: an index line (see TagIndex.entries) of the
   * built-in list, made on the first look-up that reaches the node.
   */
  later: string | null;
}

const newNode = (): TrieNode => ({ next: null, info: null, later: null });

export class TagTrie {
  private readonly root: TrieNode = newNode();
  /** The infos an index's lines refer to by number. */
  private infos: readonly EntryInfo[] = [];
  /** Words of the longest entry held. */
  maxWords = 0;
  /** Number of distinct entries. */
  size = 0;
  /** Every word that starts some entry, by lookup form (tells a native و-word from the conjunction). */
  readonly firstWords: { has(word: string): boolean } = { has: (word) => this.root.next?.has(word) ?? false };
  /** Indefinite words that open a construct in some entry (`حزب` of `حزب الله`, `كرة` of `كرة القدم`). */
  readonly constructHeads = new Set<string>();

  /** The trie of an index: a node for each first word now, the rest as look-ups reach them. */
  static ofIndex(index: TagIndex): TagTrie {
    const trie = new TagTrie();
    trie.infos = index.categories.map((category) => ({ category, proper: !COMMON_NOUN_CATEGORIES.has(category) }));
    const next = (trie.root.next = new Map());
    for (const line of index.entries ? index.entries.split("\n") : []) {
      const n = newNode();
      n.later = line;
      next.set(line.slice(0, line.indexOf("\t")), n);
    }
    trie.size = index.size;
    trie.maxWords = index.maxWords;
    if (index.constructHeads) for (const h of index.constructHeads.split("\n")) trie.constructHeads.add(h);
    return trie;
  }

  /** Adds an entry by its lookup key (words' forms joined by one space). The first info for a key stays. */
  addKey(key: string, info: EntryInfo): void {
    if (!key) return;
    const words = key.split(" ");
    if (words.length > MAX_TAG_WORDS || !this.place(this.root, words, info)) return;
    this.size++;
    if (words.length > this.maxWords) this.maxWords = words.length;
  }

  add(entry: string, info: EntryInfo): void {
    this.addKey(entryKey(entry), info);
  }

  /**
   * Every entry matching the words from `i` on: `cb(words, info)` in increasing length.
   * `first` is the form to use for word `i` (its core, when it carries the conjunction).
   */
  matchAt(forms: readonly string[], i: number, first: string, cb: (words: number, info: EntryInfo) => void): void {
    let node = this.child(this.root, first);
    let k = i + 1;
    while (node) {
      if (node.info) cb(k - i, node.info);
      if (!node.next || k >= forms.length) break;
      node = node.next.get(forms[k]!);
      k++;
    }
  }

  has(key: string): boolean {
    let node: TrieNode | undefined = this.root;
    for (const w of key.split(" ")) {
      node = this.child(node, w);
      if (!node) return false;
    }
    return node.info !== null;
  }

  /** The child of `node` for `word`, made whole first (only the root's children wait). */
  private child(node: TrieNode, word: string): TrieNode | undefined {
    const c = node.next?.get(word);
    if (c?.later) this.grow(c);
    return c;
  }

  /** Makes the entries a first word's node starts, from its index line. */
  private grow(node: TrieNode): void {
    const items = node.later!.split("\t");
    node.later = null;
    for (let i = 1; i < items.length; i++) {
      const item = items[i]!;
      const space = item.indexOf(" ");
      const info = this.infos[Number(space < 0 ? item : item.slice(0, space))]!;
      if (space < 0) node.info ??= info;
      else this.place(node, item.slice(space + 1).split(" "), info);
    }
  }

  /** Puts the entry of `words` below `node`; false when it was there already (its first info stays). */
  private place(node: TrieNode, words: readonly string[], info: EntryInfo): boolean {
    for (const w of words) {
      node.next ??= new Map();
      let c = node.next.get(w);
      if (!c) {
        c = newNode();
        node.next.set(w, c);
      } else if (c.later) {
        this.grow(c);
      }
      node = c;
    }
    if (node.info) return false;
    node.info = info;
    return true;
  }
}

/** The entries of a lexicon text: one a line, `#` starts a comment line, blank lines ignored. */
export function parseTagLexicon(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/u)) {
    const t = line.trim();
    if (t && !t.startsWith("#")) out.push(t);
  }
  return out;
}

const DEFINITE = /^ال../u;
const NISBA_END = /(?:ي|يه|يون|يين)$/u;

/**
 * The built-in list reduced to what its trie needs, computed ahead: normalising ~6k entries (match form,
 * edge trim, words) and making a node for each of their words cost a one-file run ~40 ms.
 * src/data/tagLexiconIndex.ts is generated from the list by scripts/gen-tag-index.mjs with
 * computeTagIndex, and a test checks that it is what computeTagIndex gives now.
 */
export interface TagIndex {
  /** The sections of the list (an entry's category), in order. */
  categories: string[];
  /**
   * One line a first word, in list order: the word, then a tab and `<category> <the other words>` for
   * each entry it starts (`<category>` alone for the word itself), tab-separated. A category is a
   * number into `categories`; a key listed twice is kept once, in the first section listing it.
   */
  entries: string;
  /** Construct heads learned from the list, one a line. */
  constructHeads: string;
  /** Distinct entries, and words of the longest. */
  size: number;
  maxWords: number;
}

/** The index of a lexicon text in the built-in list's format (`## section` lines, `#` comments). */
export function computeTagIndex(lexicon: string): TagIndex {
  const trie = new TagTrie();
  const categories: string[] = [];
  const lines = new Map<string, string[]>();
  let category = "general";
  for (const line of lexicon.split("\n")) {
    const t = line.trim();
    if (!t) continue;
    // `## name` opens a section; other `#` lines are comments.
    const section = /^##\s+([a-z-]+)/u.exec(t);
    if (section) {
      category = section[1]!;
      continue;
    }
    if (t.startsWith("#")) continue;
    const key = entryKey(t);
    const size = trie.size;
    trie.addKey(key, { category, proper: !COMMON_NOUN_CATEGORIES.has(category) });
    const words = key.split(" ");
    if (trie.size > size) {
      if (!categories.includes(category)) categories.push(category);
      const n = String(categories.indexOf(category));
      let items = lines.get(words[0]!);
      if (!items) lines.set(words[0]!, (items = [words[0]!]));
      items.push(words.length > 1 ? `${n} ${words.slice(1).join(" ")}` : n);
    }
    // A construct head learned from the list itself: indefinite first word, definite second word that
    // is not a nisba adjective (`كوريا الشمالية` is noun + adjective, not a construct).
    if (words.length >= 2 && !DEFINITE.test(words[0]!) && DEFINITE.test(words[1]!) && !NISBA_END.test(words[1]!)) {
      trie.constructHeads.add(words[0]!);
    }
  }
  // A name standing alone in the list (`أفريقيا`, `بغداد`) is never a construct head.
  const heads = [...trie.constructHeads].filter((h) => !trie.has(h));
  return {
    categories,
    entries: [...lines.values()].map((items) => items.join("\t")).join("\n"),
    constructHeads: heads.join("\n"),
    size: trie.size,
    maxWords: trie.maxWords,
  };
}

let builtin: TagTrie | null = null;

/** The built-in lexicon, made from its index on first use and kept for the life of the process. */
export function builtinTagLexicon(): TagTrie {
  return (builtin ??= TagTrie.ofIndex(TAG_INDEX));
}

const USER_INFO: EntryInfo = { category: "user", proper: true };
const LEARNED_INFO: EntryInfo = { category: "learned", proper: true };

const userCache = new WeakMap<readonly string[], TagTrie>();

/** The trie of the user's entries, built once per array. */
export function userTagTrie(entries: readonly string[]): TagTrie {
  let trie = userCache.get(entries);
  if (!trie) {
    trie = new TagTrie();
    for (const e of entries) trie.add(e, USER_INFO);
    userCache.set(entries, trie);
  }
  return trie;
}

/**
 * Tags seen with explicit separators earlier in the run. A Set of the tags as written that keeps
 * the trie of their lookup forms up to date as tags are added, so a long run does not re-normalise
 * what it has learned for every document. Pass it as `TagContext.learned`.
 */
/**
 * Adds to `learned` the tags that a line delimited explicitly (`how` = "separator"), trimmed, empty ones left out:
 * into a LearnedTags (its trie grows with it) or a plain Set alike.
 */
export function learnTags(learned: Set<string>, pieces: readonly { tag: string; how: string }[]): void {
  for (const p of pieces) {
    const t = p.how === "separator" ? p.tag.trim() : "";
    if (t) learned.add(t);
  }
}

export class LearnedTags extends Set<string> {
  private trieCache: TagTrie | null = null;

  constructor(tags?: Iterable<string>) {
    super();
    if (tags) for (const t of tags) this.add(t);
  }

  override add(tag: string): this {
    const t = tag.trim();
    if (!t || super.has(t)) return this;
    super.add(t);
    this.trieCache?.add(t, LEARNED_INFO);
    return this;
  }

  override delete(tag: string): boolean {
    const had = super.delete(tag);
    if (had) this.trieCache = null;
    return had;
  }

  override clear(): void {
    super.clear();
    this.trieCache = null;
  }

  /** Learns the tags that a line delimited explicitly (`how` = "separator"). */
  learn(pieces: readonly { tag: string; how: string }[]): void {
    learnTags(this, pieces);
  }

  get trie(): TagTrie {
    if (!this.trieCache) {
      const trie = new TagTrie();
      for (const t of this) trie.add(t, LEARNED_INFO);
      this.trieCache = trie;
    }
    return this.trieCache;
  }
}

const learnedCache = new WeakMap<ReadonlySet<string>, { entries: string[]; trie: TagTrie }>();

/**
 * The trie of learned tags. A LearnedTags keeps its own; a plain Set is compared with the entries
 * its trie was built from (a walk over the strings, no normalising) and rebuilt when they differ,
 * growing the trie in place when tags were only added.
 */
export function learnedTagTrie(learned: ReadonlySet<string>): TagTrie {
  if (learned instanceof LearnedTags) return learned.trie;
  const hit = learnedCache.get(learned);
  if (hit) {
    let i = 0;
    let same = true;
    for (const t of learned) {
      if (i < hit.entries.length) {
        if (hit.entries[i] !== t) {
          same = false;
          break;
        }
      } else {
        hit.entries.push(t);
        hit.trie.add(t, LEARNED_INFO);
      }
      i++;
    }
    if (same && i === hit.entries.length) return hit.trie;
  }
  const trie = new TagTrie();
  const entries = [...learned];
  for (const t of entries) trie.add(t, LEARNED_INFO);
  learnedCache.set(learned, { entries, trie });
  return trie;
}
