/** `مقالات مشابهة` and its kin alone on a line: opens the related-headlines list. */
import { markerLineKind } from "./markerLine.js";
import type { Classifier } from "./types.js";

export const related: Classifier = {
  name: "related",
  labels: ["related-marker"],
  description: "a related-list marker alone: the headlines after it go to related[]",
  test(s, i) {
    return markerLineKind(s.markers, s.lines[i]!) === "related" ? { label: "related-marker" } : null;
  },
};
