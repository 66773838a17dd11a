/**
 * Splitting a tags line into tags (SPEC §1 "Tags").
 *
 * Explicit separators decide first: `،` `,` `;` `؛` `|` `#` `•` `·` a tab, a run of two or more
 * spaces, a line break (a caller that joined several lines). When there is none and the text has
 * several words, the sites joined their tags with single spaces (RT Arabic, among others), and the
 * words are segmented by the lexicons and the noun-phrase rules (joined.ts).
 */
import { segmentJoined, type Lexicons, type SegmentWork } from "./joined.js";
import { builtinTagLexicon, learnedTagTrie, TagTrie, userTagTrie } from "./lexicon.js";

export { LearnedTags, parseTagLexicon, MAX_TAG_WORDS } from "./lexicon.js";
export type { SegmentWork } from "./joined.js";

export type TagHow = "separator" | "lexicon" | "learned" | "user" | "rule" | "single";

export interface TagPiece {
  tag: string;
  /**
   * How the tag was found: `separator` (delimited in the text), `user` / `learned` / `lexicon` (an entry
   * of that lexicon), `rule` (glued by a noun-phrase rule), `single` (one word standing alone: the whole
   * line, or a word of a joined line that nothing else claimed).
   */
  how: TagHow;
}

export interface TagContext {
  /** The user's `--tag-lexicon` entries; they win over everything else. */
  user?: readonly string[];
  /**
   * Tags seen with explicit separators earlier in the run (match forms are computed inside).
   * A `LearnedTags` keeps its look-up structure up to date as it grows; a plain Set is compared
   * with the strings its look-up was built from on each call and re-read when it changed.
   */
  learned?: ReadonlySet<string>;
  /** Set false to skip the built-in lexicon (the rules and the other lexicons still apply). */
  builtin?: boolean;
}

/**
 * Explicit separators. Spaces of any width count toward a run of two (scraped pages mix NBSP in);
 * a single space is no separator.
 */
const SEPARATORS = /[،,;؛|#•·\t\r\n，、]|[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}/u;
const SEPARATORS_G = new RegExp(SEPARATORS.source, "gu");
// A slash between spaces and words too ("التعليم / البكالوريا"), tried before the run of spaces it would otherwise leave
// a "/" in; a slash inside a word ("أبريل/نيسان") or between numbers ("9 / 11", "6 / 10 / 1973") is no separator. Its
// look-behind costs a step at every space, so it runs only on a text that holds a slash.
const WITH_SLASH = /[،,;؛|#•·\t\r\n，、]|(?<=\p{L}[\p{M}\u0640]*)[ \u00a0\u2000-\u200a\u202f\u205f\u3000]+[/／][ \u00a0\u2000-\u200a\u202f\u205f\u3000]+(?=\p{L})|[ \u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}/u;
const WITH_SLASH_G = new RegExp(WITH_SLASH.source, "gu");

/** The pieces of `text` cut at explicit separators, trimmed, empty ones dropped; null when there is none. */
export function splitOnSeparators(text: string): string[] | null {
  const slash = text.includes("/") || text.includes("／");
  if (!(slash ? WITH_SLASH : SEPARATORS).test(text)) return null;
  const parts: string[] = [];
  for (const s of text.split(slash ? WITH_SLASH_G : SEPARATORS_G)) {
    const t = s.trim();
    if (t) parts.push(t);
  }
  return parts;
}

const NO_ENTRIES = new TagTrie();

function lexiconsOf(ctx: TagContext): Lexicons {
  return {
    user: ctx.user && ctx.user.length > 0 ? userTagTrie(ctx.user) : null,
    learned: ctx.learned && ctx.learned.size > 0 ? learnedTagTrie(ctx.learned) : null,
    builtin: ctx.builtin === false ? NO_ENTRIES : builtinTagLexicon(),
  };
}

/**
 * Segments text that has no explicit separator into tags, each with how it was found
 * (`user`, `learned`, `lexicon`, `rule`, `single`). `--explain` shows the `how`.
 */
export function segmentTags(text: string, ctx: TagContext = {}, work?: SegmentWork): TagPiece[] {
  return segmentJoined(text, lexiconsOf(ctx), work);
}

/** The tags of `text` (the raw text after the marker), in order, original spelling kept. */
export function splitTags(text: string, ctx: TagContext = {}): TagPiece[] {
  // Spaces around the text are no separator (a marker's colon is often followed by two).
  const t = text.trim();
  if (!t) return [];
  const parts = splitOnSeparators(t);
  if (parts) {
    // A loop, not .map: optimised code's inlined map makes a holey array, and every reader of the pieces
    // compiled on packed ones would be thrown away on the first (a "wrong map" deopt).
    const pieces: TagPiece[] = [];
    for (const tag of parts) pieces.push({ tag, how: "separator" });
    return pieces;
  }
  if (!/\s/u.test(t)) return [{ tag: t, how: "single" }];
  return segmentTags(t, ctx);
}
