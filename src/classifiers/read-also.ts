/**
 * `إقرأ أيضاً:` alone on its line. What follows decides what it opens: bullet lines, nothing but short headlines
 * up to the next marker, or two headlines or more before prose, are links (→ readMore); a title and prose are a
 * whole second article —
 * unless the marker is a read-more one too (`إقرأ المزيد`): the SPEC gives that marker alone with the headline on
 * the next line as an inline read-more, and the prose after the headline goes on with the article.
 */
import { lineBullet } from "../text/lines.js";
import type { State } from "../state.js";
import { markerLineKind } from "./markerLine.js";
import { isLinkShaped } from "./shape.js";
import { boilerplateReason } from "./boilerplate.js";
import { bylineName } from "./byline.js";
import { lineDate } from "../text/dates.js";
import { continuesValue } from "./wrap-continuation.js";
import type { Classifier } from "./types.js";

/** Headlines enough to make a box of links when prose follows them: one headline and prose are a sub-article. */
const MIN_LINKS_BEFORE_PROSE = 2;

/**
 * The marker at `i` opens links: a bullet line follows, or nothing but headlines up to the next marker or the
 * end, or two headlines or more and then prose — the box of links a page sets in the middle of its article, which
 * goes on after it (a sub-article's title is "followed by body text", and a headline followed by another is not).
 * A date, byline or tweet under the first headline makes it a sub-article's title; a copy of a headline, chrome,
 * and the rest of a headline the wrapper cut in two are no second headline.
 */
function linksFollow(s: State, i: number): boolean {
  const first = s.nextContent(i);
  if (first < 0) return true; // a marker at the very end opens nothing: count it as an empty link list
  if (lineBullet(s.lines[first]!) > 0) return true;
  let headlines = 0;
  let lastMf = "";
  for (let j = first; j >= 0; j = s.nextContent(j)) {
    const line = s.lines[j]!;
    if (markerLineKind(s.markers, line) !== null) return true;
    if (!isLinkShaped(line)) return headlines >= MIN_LINKS_BEFORE_PROSE;
    if (s.tweetOf[j] !== undefined || lineDate(line) !== null || bylineName(line) !== null) return false;
    if (line.mf !== lastMf && boilerplateReason(line) === null && !(s.wrapWidth > 0 && j > first && continuesValue(s, j))) headlines++;
    lastMf = line.mf;
  }
  return true;
}

export const readAlso: Classifier = {
  name: "read-also",
  labels: ["read-also-marker", "read-more-marker"],
  description: "a read-also marker alone: opens a read-also sub-article, or a list of read-also links (a read-more marker: its headline)",
  test(s, i) {
    const line = s.lines[i]!;
    if (markerLineKind(s.markers, line) !== "read-also") return null;
    if (linksFollow(s, i)) return { label: "read-also-marker", mode: "links" };
    const more = s.markers.readMore.match(line.mf);
    return more !== null && more.rest === line.mf.length ? { label: "read-more-marker" } : { label: "read-also-marker", mode: "article" };
  },
};
