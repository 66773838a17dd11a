/** The khabar/1 document and the options of the library (SPEC §2, §4). */

export interface Tweet {
  text: string;
  urls: string[];
  author: string | null;
  handle: string | null;
  date: string | null;
  dateText: string | null;
}

export interface Article {
  title: string | null;
  byline: string | null;
  published: string | null;
  paragraphs: string[];
  readMore: string[];
  sources: string[];
  tags: string[];
  tagsText: string | null;
  tweets: Tweet[];
}

export interface Dropped {
  line: number;
  text: string;
  reason: string;
}

export interface Warning {
  line: number | null;
  code: string;
  message: string;
}

export interface LineExplain {
  n: number;
  label: string;
  rule: string;
  block: string;
  /** On tags lines: each tag and how it was found (separator, lexicon, learned, user, rule, single). */
  tags?: { tag: string; how: string }[];
}

export interface InputInfo {
  path: string;
  record?: number;
  id?: string | null;
  encoding: string;
  repairs: string[];
  lines: number;
}

export interface KhabarDocument {
  schema: "khabar/1";
  input: InputInfo;
  article: Article;
  readAlso: Article[];
  related: string[];
  dropped: Dropped[];
  warnings: Warning[];
  lines?: LineExplain[];
  error?: string;
}

/** The marker vocabulary: each list holds marker texts (any spelling; they are compared on the match form). */
export interface MarkerVocabulary {
  readAlso: string[];
  readMore: string[];
  readMoreTrailing: string[];
  source: string[];
  tags: string[];
  related: string[];
}

export interface ParseOptions {
  /** Shown as `input.path`; `-` for standard input. */
  path?: string;
  /**
   * Shown as `input.record`: the record's number within its input, counted from 1 (the schema requires ≥ 1), for
   * a dump that came as one record of many. Left out, the document has no `record`.
   */
  record?: number;
  /** Shown as `input.id` (a record's own id; null when it has none). Left out, the document has no `id`. */
  id?: string | null;
  /** Add `lines[]` with each line's label, rule and block. */
  explain?: boolean;
  /** Extra markers, merged into the built-in vocabulary. */
  markers?: Partial<MarkerVocabulary>;
  /** Extra tags (one entry a tag) that win over the built-in lexicon when segmenting space-joined tag lines. */
  tagLexicon?: string[];
  /**
   * Tags seen with explicit separators earlier in the run; parse adds to it (a batch learns its sites' tags).
   * Pass a `LearnedTags` to keep its look-up trie across documents. Default: a fresh set per document.
   */
  learnedTags?: Set<string>;
}

export interface ParseBufferOptions extends ParseOptions {
  /** `auto` (default) or any encoding name iconv-lite knows. */
  encoding?: string;
}
