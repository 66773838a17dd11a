/** `مقالات مشابهة` and its kin alone on a line: opens the related-headlines list. */
import type { Classifier } from "./types.js";

export const related: Classifier = {
  name: "related",
  labels: ["related-marker"],
  description: "a related-list marker alone: the headlines after it go to related[]",
  test(s, i) {
    return s.markers.related.isAlone(s.lines[i]!.mf) ? { label: "related-marker" } : null;
  },
};
