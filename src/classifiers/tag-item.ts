/**
 * After a tags marker alone: short lines, one tag (or a few separated tags) each. It runs before the chrome
 * rules, since one-word tags such as "الطقس", "عاجل" or "فيسبوك" look like chrome out of this list.
 */
import { endsWithStop } from "../text/lines.js";
import { boilerplateReason } from "./boilerplate.js";
import { markerLineKind } from "./markerLine.js";
import type { Classifier } from "./types.js";

/** A line of a one-tag-a-line list holds one tag or a few separated ones. */
const MAX_TAG_LINE_WORDS = 20;
/** Chrome that a tag can look like; anything else (copyright, cookies, ads…) still goes to dropped. */
const TAG_LOOKALIKES = new Set(["chrome", "share", "navigation"]);

export const tagItem: Classifier = {
  name: "tag-item",
  labels: ["tag"],
  description: "after a tags marker alone: short lines, one tag (or a few separated tags) each",
  test(s, i) {
    if (s.region !== "tags") return null;
    const line = s.lines[i]!;
    if (line.words > MAX_TAG_LINE_WORDS || endsWithStop(line.text) || markerLineKind(s.markers, line) !== null) return null;
    const chrome = boilerplateReason(line);
    if (chrome !== null && !TAG_LOOKALIKES.has(chrome)) return null;
    return { label: "tag", value: line.text };
  },
};
