/** `المصدر: "الشرق الأوسط"` — a source marker, then `:` or `/`, then the source (quotes stripped). */
import { dropLeadCloser } from "../markers.js";
import { stripQuotes } from "../text/lines.js";
import { markerLineKind, markerMatch, markerValue } from "./markerLine.js";
import type { Classifier } from "./types.js";

/** A source names an outlet or agency; a long "source" line is prose such as "المصدر: إن الوزير قال …". */
const MAX_SOURCE_WORDS = 12;

export const source: Classifier = {
  name: "source",
  labels: ["source"],
  description: "a source marker followed by : or / and the source's name",
  test(s, i) {
    const line = s.lines[i]!;
    if (line.words > MAX_SOURCE_WORDS + 3 || markerLineKind(s.markers, line) !== "source") return null;
    const m = markerMatch(s.markers, line, s.markers.source);
    if (!m || m.sep === "" || m.rest >= line.mf.length) return null;
    const value = markerValue(line, m);
    if (value === null || value === "") return null;
    return { label: "source", value: stripQuotes(dropLeadCloser(line.mf, value)) };
  },
};
