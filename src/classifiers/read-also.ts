/**
 * `إقرأ أيضاً:` alone on its line. What follows decides what it opens: bullet lines, or nothing but short
 * headlines up to the next marker, are links (→ readMore); a title and prose are a whole second article.
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
  labels: ["read-also-marker"],
  description: "a read-also marker alone: opens a read-also sub-article, or a list of read-also links",
  test(s, i) {
    if (markerLineKind(s.markers, s.lines[i]!) !== "read-also") return null;
    return { label: "read-also-marker", mode: linksFollow(s, i) ? "links" : "article" };
  },
};
