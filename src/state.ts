/**
 * The shared state of one parse: the lines with their facts (computed once), the compiled markers, and the
 * block context the classifiers read (which region the cursor is in, what the current article has so far).
 */
import type { CompiledMarkers } from "./markers.js";
import type { Line } from "./text/lines.js";
import type { Label, TweetAttribution } from "./classifiers/types.js";
import type { Article, ParseOptions } from "./types.js";

/** Where the cursor is: the body of an article, or inside a list that a marker line opened. */
export type Region =
  | "article" // prose of the main article or a read-also sub-article
  | "related" // after a related marker: headlines
  | "links" // after a read-also marker followed only by headlines
  | "tags" // after a tags marker alone: one tag a line
  | "read-more-next" // after a read-more marker alone: the headline line
  | "source-next"; // after a source marker alone with its colon: the source's name

export interface ArticleState {
  data: Article;
  /** -1 for the main article, k for readAlso[k]. */
  index: number;
  /** Lines of content (title, paragraphs, lists…) so far: byline and date count only near the top. */
  content: number;
  /** Of them, byline and date lines: a headline may come after them (`الثلاثاء 3 سبتمبر 2024`, then the title). */
  meta: number;
  /**
   * Paragraphs of prose so far: a dateline on a line of its own (`عمان - الغد`) between the headline and its byline
   * or date line does not count, so they are still read near the top.
   */
  prose: number;
}

export interface TweetSpan {
  /** Index of the attribution line. */
  attribution: number;
  /** Index of the first text line (the attribution's own index when the tweet has no text). */
  first: number;
  /** The attribution, parsed once by the pre-pass. */
  parsed: TweetAttribution;
}

export class State {
  region: Region = "article";
  main: ArticleState;
  article: ArticleState;
  /** Index of the last non-blank line handled, and its label. */
  lastIndex = -1;
  lastLabel = "";
  /** The last paragraph line may continue on the next line (a hard-wrapped dump). */
  paragraphOpen = false;
  /** The last line a wrapped tags, read-more or list line took as its continuation, and its label. */
  wrappedTo = -1;
  wrappedLabel: Label = "paragraph";

  constructor(
    readonly lines: Line[],
    readonly markers: CompiledMarkers,
    readonly options: ParseOptions,
    /** The width a text browser wrapped the dump at, or 0 when it is not hard-wrapped. */
    readonly wrapWidth: number,
    /** For each line index: the tweet whose text it is, or undefined. */
    readonly tweetOf: (TweetSpan | undefined)[],
    main: Article,
  ) {
    this.main = { data: main, index: -1, content: 0, meta: 0, prose: 0 };
    this.article = this.main;
  }

  /** The next non-blank line index after `i`, or -1. */
  nextContent(i: number): number {
    for (let j = i + 1; j < this.lines.length; j++) if (this.lines[j]!.words > 0) return j;
    return -1;
  }

  /** The previous non-blank line index before `i`, or -1. */
  prevContent(i: number): number {
    for (let j = i - 1; j >= 0; j--) if (this.lines[j]!.words > 0) return j;
    return -1;
  }
}
