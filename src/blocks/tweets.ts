/**
 * Embedded tweets. The attribution line is found by its classifier; the text runs upward from it (SPEC §1):
 * the line right above always belongs, then lines up to one that ends a sentence, a marker, or the block
 * start. Found in one pre-pass, so classifying stays a forward scan.
 */
import type { CompiledMarkers } from "../markers.js";
import type { TweetSpan } from "../state.js";
import { parseAttribution } from "../classifiers/tweet-attribution.js";
import { statusUrlHandle } from "../classifiers/tweet-url.js";
import { markerLineKind } from "../classifiers/markerLine.js";
import { bylineName } from "../classifiers/byline.js";
import { isTitleShaped } from "../classifiers/shape.js";
import { lineDate } from "../text/dates.js";
import type { Line } from "../text/lines.js";
import type { TweetAttribution } from "../classifiers/types.js";
import type { Tweet } from "../types.js";

/** SPEC: zero or one blank line between the text and its attribution. */
const MAX_BLANKS_BEFORE_ATTRIBUTION = 1;

/** Each candidate line's attribution, parsed once (null: not one). */
function attributions(lines: readonly Line[]): (TweetAttribution | null)[] {
  // A loop, not .map: see splitTags (tags/segment.ts) — one array shape, whether or not the caller is optimised.
  const parsed: (TweetAttribution | null)[] = [];
  for (const line of lines) {
    const c = line.words > 0 ? line.text.charCodeAt(0) : 0;
    const dash = c === 0x2014 || c === 0x2013 || c === 0x2015 || c === 0x2d || c === 0x5c;
    parsed.push(dash ? parseAttribution(line.text) : null);
  }
  return parsed;
}

/** For each line index, the tweet whose text (or attribution) it is; every attribution line has a span. */
export function findTweetSpans(lines: readonly Line[], markers: CompiledMarkers): (TweetSpan | undefined)[] {
  const owner: (TweetSpan | undefined)[] = new Array(lines.length);
  const parsed = attributions(lines);
  const stops = (k: number) => parsed[k] !== null || statusUrlHandle(lines[k]!.text) !== null || markerLineKind(markers, lines[k]!) !== null;
  for (let a = 0; a < lines.length; a++) {
    const attribution = parsed[a];
    if (!attribution) continue;
    const span: TweetSpan = { attribution: a, first: a, parsed: attribution };
    owner[a] = span;
    let j = a - 1;
    let blanks = 0;
    while (j >= 0 && lines[j]!.words === 0) {
      blanks++;
      j--;
    }
    if (j < 0 || blanks > MAX_BLANKS_BEFORE_ATTRIBUTION || owner[j] !== undefined || stops(j)) continue;
    let first = j;
    for (let k = j - 1; k >= 0; k--) {
      const up = lines[k]!;
      if (up.words === 0) continue;
      if (owner[k] !== undefined || endsTweetSentence(up.text) || stops(k)) break;
      // The line right after a read-also marker is that sub-article's title, and a headline-shaped first line of the
      // dump the main article's (a date or byline line above it aside): the block starts there.
      let above = k - 1;
      while (above >= 0 && (lines[above]!.words === 0 || lineDate(lines[above]!) !== null || bylineName(lines[above]!) !== null)) above--;
      if (above >= 0 ? markerLineKind(markers, lines[above]!) === "read-also" : isTitleShaped(up)) break;
      first = k;
    }
    span.first = first;
    for (let k = first; k < a; k++) if (lines[k]!.words > 0) owner[k] = span;
  }
  return owner;
}

/** SPEC: the upward run stops after `.` `؟` `?` `!` `:` (or a closing quote after one) — not `…` or `؛`. */
function endsTweetSentence(text: string): boolean {
  let i = text.length - 1;
  while (i >= 0 && (text[i] === " " || QUOTES.includes(text[i]!))) i--;
  return i >= 0 && ".؟?!:".includes(text[i]!);
}
const QUOTES = `"'»”’›)`;


// No leading \s*: at every start position it would rescan a run of spaces (quadratic on a long line).
const TWEET_LINK = /(?<![\w.@/-])(?:https?:\/\/)?(?:t\.co|pic\.twitter\.com|pic\.x\.com|(?:www\.|mobile\.)?x\.com|(?:www\.|mobile\.)?twitter\.com)\/[^\s]+/giu;

/** The text without its tweet links (each pushed to `urls` as written), one space before each link taken too. */
function removeLinks(text: string, urls: string[]): string {
  let out = "";
  let from = 0;
  for (const m of text.matchAll(TWEET_LINK)) {
    urls.push(m[0]);
    let piece = text.slice(from, m.index);
    if (piece.endsWith(" ")) piece = piece.slice(0, -1);
    out += piece;
    from = m.index + m[0].length;
  }
  return (out + text.slice(from)).trim();
}

/** The tweet from its text lines (first..attribution-1) and attribution: links moved to `urls`. */
export function buildTweet(lines: readonly Line[], span: TweetSpan): Tweet {
  const attr = span.parsed;
  const urls: string[] = [];
  let text = "";
  {
    let pendingBlank = false;
    let started = false;
    for (let k = span.first; k < span.attribution; k++) {
      const line = lines[k]!;
      if (line.words === 0) {
        pendingBlank = started;
        continue;
      }
      const cleaned = removeLinks(line.text, urls);
      if (cleaned === "") continue;
      if (started) text += pendingBlank ? "\n\n" : "\n";
      text += cleaned;
      started = true;
      pendingBlank = false;
    }
  }
  return { text, urls, author: attr.author || null, handle: attr.handle, date: attr.date, dateText: attr.dateText };
}
