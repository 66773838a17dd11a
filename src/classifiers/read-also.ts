/**
 * `إقرأ أيضاً:` alone on its line. What follows decides what it opens: bullet lines, or nothing but short
 * headlines up to the next marker, are links (→ readMore); a title and prose are a whole second article —
 * unless the marker is a read-more one too (`إقرأ المزيد`): the SPEC gives that marker alone with the headline on
 * the next line as an inline read-more, and the prose after the headline goes on with the article.
 */
import { lineBullet } from "../text/lines.js";
import type { State } from "../state.js";
import { markerLineKind } from "./markerLine.js";
import { isLinkShaped } from "./shape.js";
import type { Classifier } from "./types.js";

function linksFollow(s: State, i: number): boolean {
  const first = s.nextContent(i);
  if (first < 0) return true; // a marker at the very end opens nothing: count it as an empty link list
  if (lineBullet(s.lines[first]!) > 0) return true;
  for (let j = first; j >= 0; j = s.nextContent(j)) {
    const line = s.lines[j]!;
    if (markerLineKind(s.markers, line) !== null) return true;
    if (!isLinkShaped(line)) return false;
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
