/**
 * Inline read-more links: `إقرأ المزيد <headline>`, `اقرأ أيضا: <headline>`, `للمزيد` alone (the headline on
 * the next line), and a teaser ending in `… اقرأ المزيد`.
 */
import { dropLeadCloser, trailingMarker } from "../markers.js";
import { stripBullet } from "../text/lines.js";
import { textBefore } from "../text/slice.js";
import { markerLineKind, markerMatch, markerValue } from "./markerLine.js";
import type { Classifier } from "./types.js";

/** "للمزيد من أخبار المحافظات اضغط هنا": a prompt to click, with no headline to keep (match form). */
const CLICK_HERE = /(?:^|\s)(?:اضغط|اضغطوا|انقر|انقروا|click)\s+(?:هنا|here)$/u;

export const readMore: Classifier = {
  name: "read-more",
  labels: ["read-more", "read-more-marker", "dropped"],
  description: "a read-more marker with its headline on the line (or on the next line), or a teaser ending in one",
  test(s, i) {
    const line = s.lines[i]!;
    const kind = markerLineKind(s.markers, line);
    if (kind === "read-more-alone") return { label: "read-more-marker" };
    if (kind !== "read-more") return null;
    if (CLICK_HERE.test(line.mf)) return { label: "dropped", reason: "navigation" };
    const m = markerMatch(s.markers, line, s.markers.readAlso, s.markers.readMore);
    if (m && m.rest < line.mf.length) {
      const after = markerValue(line, m);
      const value = after && dropLeadCloser(line.mf, after);
      if (value) return { label: "read-more", value: stripBullet(value), wraps: true };
    }
    const at = trailingMarker(s.markers.readMoreTrailing, line.mf);
    if (at > 0) {
      const value = textBefore(line.text, line.mf.slice(at));
      if (value) return { label: "read-more", value };
    }
    return null;
  },
};
