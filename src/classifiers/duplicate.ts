/** A line repeated right after itself (sites render the headline two or three times): the copy is dropped. */
import type { Classifier } from "./types.js";

export const duplicate: Classifier = {
  name: "duplicate",
  labels: ["dropped"],
  description: "a line identical (on the match form) to the non-blank line before it, in an article",
  test(s, i) {
    if (s.region !== "article") return null;
    const prev = s.prevContent(i);
    if (prev < 0 || s.lines[prev]!.mf !== s.lines[i]!.mf) return null;
    if (s.lastLabel === "source" || s.lastLabel === "tags") return null;
    return { label: "dropped", reason: "duplicate" };
  },
};
