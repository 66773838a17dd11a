/**
 * In a hard-wrapped dump (w3m/lynx at a fixed width), a line that continues the paragraph the previous line
 * left open: the previous line reached the wrap width without ending a sentence.
 */
import type { Classifier } from "./types.js";

export const wrapContinuation: Classifier = {
  name: "wrap-continuation",
  labels: ["paragraph"],
  description: "in a hard-wrapped dump: the rest of a paragraph whose previous line reached the wrap width",
  test(s, i) {
    if (!s.paragraphOpen || s.lastIndex !== i - 1) return null;
    return { label: "paragraph", join: true };
  },
};
