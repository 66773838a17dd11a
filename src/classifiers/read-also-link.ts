/**
 * After a read-also marker that opens no article: bullet or short headline lines (→ readMore). A list that
 * began with bullets goes on with bullets only, so the article's next subheading is not swallowed.
 */
import { lineBullet, stripBullet } from "../text/lines.js";
import { isLinkShaped, isListHeadline } from "./shape.js";
import type { Classifier } from "./types.js";

export const readAlsoLink: Classifier = {
  name: "read-also-link",
  labels: ["read-also-link"],
  description: "after a read-also marker that opens no article: bullet or short headline lines (→ readMore)",
  test(s, i) {
    if (s.region !== "links") return null;
    const line = s.lines[i]!;
    const bulleted = lineBullet(line) > 0;
    if (bulleted ? !isListHeadline(line) : !isLinkShaped(line)) return null;
    if (!bulleted && s.lastLabel === "read-also-link" && lineBullet(s.lines[s.lastIndex]!) > 0) return null;
    return { label: "read-also-link", value: stripBullet(line.text), wraps: bulleted }; // a plain headline near the width is not cut
  },
};
