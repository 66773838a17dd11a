/** `كلمات دلالية: …` — the tags line; a tags marker alone opens one-tag-a-line list. */
import { dropLeadCloser } from "../markers.js";
import { markerLineKind, markerMatch, markerValue } from "./markerLine.js";
import type { Classifier } from "./types.js";

export const tags: Classifier = {
  name: "tags",
  labels: ["tags", "tags-marker"],
  description: "a tags marker and the tags after it (or alone, with one tag a line below)",
  test(s, i) {
    const line = s.lines[i]!;
    if (markerLineKind(s.markers, line) !== "tags") return null;
    const m = markerMatch(s.markers, line, s.markers.tags);
    // A kind decided past a first word of decoration alone ("** …") may not be the rule's own match.
    if (m === null) return null;
    if (m.rest >= line.mf.length) return { label: "tags-marker" };
    const after = markerValue(line, m);
    const value = after && dropLeadCloser(line.mf, after);
    return value ? { label: "tags", value, wraps: true } : { label: "tags-marker" };
  },
};
