/** Lines inside a list a marker opened: related headlines, read-also links, one-tag-a-line tags. */
import { endsWithStop, stripBullet } from "../text/lines.js";
import { markerLineKind } from "./markerLine.js";
import { isListHeadline, isTitleShaped } from "./shape.js";
import type { Classifier } from "./types.js";

/** A line of a one-tag-a-line list holds one tag or a few separated ones. */
const MAX_TAG_LINE_WORDS = 20;

export const relatedItem: Classifier = {
  name: "related-item",
  labels: ["related-item"],
  description: "after a related marker: bullet, numbered or plain headline lines (bullets stripped)",
  test(s, i) {
    if (s.region !== "related") return null;
    const line = s.lines[i]!;
    if (!isListHeadline(line)) return null;
    return { label: "related-item", value: stripBullet(line.text) };
  },
};

export const readAlsoLink: Classifier = {
  name: "read-also-link",
  labels: ["read-also-link"],
  description: "after a read-also marker that opens no article: bullet or short headline lines (→ readMore)",
  test(s, i) {
    if (s.region !== "links") return null;
    const line = s.lines[i]!;
    const bullet = stripBullet(line.text);
    if (bullet === line.text && !isTitleShaped(line)) return null;
    if (bullet !== line.text && !isListHeadline(line)) return null;
    return { label: "read-also-link", value: bullet };
  },
};

export const tagItem: Classifier = {
  name: "tag-item",
  labels: ["tag"],
  description: "after a tags marker alone: short lines, one tag (or a few separated tags) each",
  test(s, i) {
    if (s.region !== "tags") return null;
    const line = s.lines[i]!;
    if (line.words > MAX_TAG_LINE_WORDS || endsWithStop(line.text) || markerLineKind(s.markers, line) !== null) return null;
    return { label: "tag", value: line.text };
  },
};
