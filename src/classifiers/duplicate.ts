/** A line repeated right after itself (sites render the headline two or three times): the copy is dropped. */
import { MAX_TITLE_WORDS } from "./shape.js";
import type { Classifier } from "./types.js";

export const duplicate: Classifier = {
  name: "duplicate",
  labels: ["dropped"],
  description: "a line identical (on the match form) to the non-blank line before it, in an article",
  test(s, i) {
    if (s.region !== "article") return null;
    const prev = s.prevContent(i);
    if (prev < 0) return null;
    const a = s.lines[prev]!;
    const b = s.lines[i]!;
    // Equal text is a copy; otherwise compare match forms only of short lines (a long one is seldom re-spelt).
    if (a.text !== b.text && (b.words > MAX_TITLE_WORDS || a.words !== b.words || a.mf !== b.mf)) return null;
    if (s.lastLabel === "source" || s.lastLabel === "tags") return null;
    return { label: "dropped", reason: "duplicate" };
  },
};
