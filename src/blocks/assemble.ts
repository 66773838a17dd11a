/**
 * The block pass: each classified line is put where it belongs — the current article (main or read-also),
 * the related list, or dropped — and the regions that marker lines open and close are tracked here.
 */
import type { Verdict } from "../classifiers/types.js";
import type { ArticleState, State } from "../state.js";
import { LearnedTags, learnTags } from "../tags/lexicon.js";
import { splitOnSeparators, splitTags, type TagPiece } from "../tags/segment.js";
import { wrappedRest } from "../classifiers/wrap-continuation.js";
import { tagItem } from "../classifiers/tag-item.js";
import { isSourceName } from "../classifiers/source.js";
import { isDatelineLabel } from "../classifiers/shape.js";
import type { Article, KhabarDocument, LineExplain } from "../types.js";
import { buildTweet } from "./tweets.js";

export function emptyArticle(): Article {
  return { title: null, byline: null, published: null, paragraphs: [], readMore: [], sources: [], tags: [], tagsText: null, tweets: [] };
}

/** Fewest words of a lone line under a tags marker that is read as space-joined tags rather than one tag. */
const MIN_JOINED_TAG_WORDS = 5;
/** A line under a tags marker this long is space-joined tags whatever follows it (site links, say): no tag runs to 8 words. */
const SURELY_JOINED_TAG_WORDS = 8;

/** Labels that may stand inside a region without closing it. */
const KEEPS_REGION: Record<string, readonly string[]> = {
  related: ["related-item", "dropped"],
  links: ["read-also-link", "dropped"],
  tags: ["tag", "dropped"],
  "read-more-next": ["dropped"],
  "source-next": ["dropped", "source"],
};

export class Assembler {
  readonly explain: LineExplain[] = [];
  /**
   * Tags delimited explicitly earlier in the run (the caller's set, learned into as it is: a LearnedTags keeps its
   * look-up trie, a plain Set has one cached and grown in place, see learnedTagTrie) or, by default, in this document.
   */
  private readonly learned: Set<string>;

  constructor(
    private readonly s: State,
    private readonly doc: KhabarDocument,
    private readonly withExplain: boolean,
  ) {
    this.learned = s.options.learnedTags ?? new LearnedTags();
  }

  private blockName(): string {
    if (this.s.region === "related") return "related";
    return this.s.article.index < 0 ? "article" : `readAlso[${this.s.article.index}]`;
  }

  accept(i: number, v: Verdict, rule: string): void {
    const s = this.s;
    const line = s.lines[i]!;
    if (s.region !== "article" && !KEEPS_REGION[s.region]!.includes(v.label)) this.closeRegion();
    const a = s.article;
    const art = a.data;
    s.paragraphOpen = false;
    let tagPieces: TagPiece[] | null = null;
    let value = v.value;
    if (v.wraps && s.wrapWidth > 0) {
      // The line's value goes on over the lines the wrapper cut it into; they are claimed as its continuation.
      // A headline's words are its value's (the marker's are no part of it); a tags line has no cap.
      const rest = v.label === "tags" ? wrappedRest(s, i, 0) : wrappedRest(s, i, undefined, value!.split(" ").length);
      if (rest) {
        value += rest.text;
        s.wrappedTo = rest.last;
        s.wrappedLabel = v.label;
      }
    }
    // The rest of a wrapped title, tags, read-more or list line: its text is in the field already.
    const label = v.join && v.label !== "paragraph" ? "continuation" : v.label;
    switch (label) {
      case "title":
        art.title = value!;
        a.content++;
        break;
      case "byline":
        art.byline = value!;
        a.content++;
        a.meta++;
        break;
      case "published":
        art.published = value!;
        a.content++;
        a.meta++;
        break;
      case "paragraph":
        if (v.join && art.paragraphs.length > 0) {
          art.paragraphs[art.paragraphs.length - 1] += " " + line.text;
          a.prose++; // a line the wrapper cut is prose, however short its first part
        } else {
          art.paragraphs.push(line.text);
          if (a.prose > 0 || !isDatelineLabel(line)) a.prose++;
          a.content++;
        }
        s.paragraphOpen = s.wrapWidth > 0; // whether the next line goes on with it: wrap-continuation
        break;
      case "read-more":
      case "read-also-link":
        art.readMore.push(value!);
        a.content++;
        if (s.region === "read-more-next") s.region = "article";
        break;
      case "read-more-marker":
        s.region = "read-more-next";
        break;
      case "read-also-marker":
        if (v.mode === "links") s.region = "links";
        else {
          this.doc.readAlso.push(emptyArticle());
          s.article = { data: this.doc.readAlso[this.doc.readAlso.length - 1]!, index: this.doc.readAlso.length - 1, content: 0, meta: 0, prose: 0 };
        }
        break;
      case "source-marker":
        s.region = "source-next";
        break;
      case "source":
        art.sources.push(value!);
        a.content++;
        // Under a source marker alone, one name a line: the list goes on while the very next line is a name too.
        if (s.region === "source-next" && !(i + 1 < s.lines.length && s.lines[i + 1]!.words > 0 && isSourceName(s, i + 1))) s.region = "article";
        break;
      case "tags":
        tagPieces = this.addTags(a, value!);
        break;
      case "tags-marker":
        s.region = "tags";
        break;
      case "tag":
        tagPieces = this.addTags(a, value!, splitOnSeparators(value!) === null && !this.joinedTagsLine(i));
        break;
      case "related-marker":
        s.article = s.main; // SPEC: a read-also block ends at the next related marker
        s.region = "related";
        break;
      case "related-item":
        this.doc.related.push(value!);
        break;
      case "tweet-text":
        break;
      case "tweet-attribution":
        art.tweets.push(buildTweet(s.lines, v.span!));
        a.content++;
        break;
      case "tweet-url":
        art.tweets.push({ text: "", urls: [line.text], author: null, handle: value || null, date: null, dateText: null });
        a.content++;
        break;
      case "dropped":
        this.doc.dropped.push({ line: line.n, text: line.text, reason: v.reason! });
        break;
      case "continuation":
        break;
    }
    s.lastIndex = i;
    s.lastLabel = v.label;
    if (this.withExplain) {
      // The block the line ends up in: a marker line belongs to the block it opens.
      const entry: LineExplain = { n: line.n, label: v.label, rule, block: this.blockName() };
      if (tagPieces) entry.tags = tagPieces.map((p) => ({ tag: p.tag, how: p.how }));
      this.explain.push(entry);
    }
  }

  /** A line that is not the open list's ends it: back to the article (the main one after a related list). */
  private closeRegion(): void {
    this.s.region = "article";
  }

  /**
   * Line `i` of a list after a tags marker alone is the list's only line, of several words joined by single
   * spaces: the tags line put under its marker (`كلمات دلالية:` then `الجيش السوداني قوات الدعم السريع الخرطوم`),
   * to segment like one after the marker, not one tag of many words.
   */
  private joinedTagsLine(i: number): boolean {
    const s = this.s;
    const words = s.lines[i]!.words;
    if (s.lastLabel !== "tags-marker" || words < MIN_JOINED_TAG_WORDS) return false;
    if (words >= SURELY_JOINED_TAG_WORDS) return true;
    // The only line: no tag of the list follows, across blank lines either.
    const next = s.nextContent(i);
    return next < 0 || tagItem.test(s, next) === null;
  }

  /** `whole`: the line is one tag (a one-tag-a-line list), not a space-joined run to segment. */
  private addTags(a: ArticleState, text: string, whole = false): TagPiece[] {
    const art = a.data;
    art.tagsText = art.tagsText === null ? text : `${art.tagsText}\n${text}`;
    const pieces: TagPiece[] = whole ? [{ tag: text, how: "separator" }] : splitTags(text, { user: this.s.options.tagLexicon, learned: this.learned });
    for (const p of pieces) art.tags.push(p.tag);
    learnTags(this.learned, pieces);
    a.content++;
    return pieces;
  }
}
