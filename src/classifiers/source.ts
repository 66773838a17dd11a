/**
 * `المصدر: "الشرق الأوسط"` — a source marker, then `:` or `/`, then the source (quotes stripped). Some sites set
 * the marker alone with its colon and the source's name on the next line (`المصدر:` then `دبي - الإمارات اليوم`):
 * the marker line opens it, and that line is the source.
 */
import { dropLeadCloser } from "../markers.js";
import { endsSentence, lineBullet, stripQuotes, type Line } from "../text/lines.js";
import type { State } from "../state.js";
import { markerLineKind, markerMatch, markerValue } from "./markerLine.js";
import type { Classifier } from "./types.js";

/** A source names an outlet or agency; a long "source" line is prose such as "المصدر: إن الوزير قال …". */
const MAX_SOURCE_WORDS = 12;

/** Line `j` can be the name a source marker alone announces: short, no sentence, bullet, marker or tweet. */
function isSourceName(s: State, j: number): boolean {
  const line: Line = s.lines[j]!;
  return line.words <= MAX_SOURCE_WORDS && !endsSentence(line.text) && lineBullet(line) === 0 && s.tweetOf[j] === undefined && markerLineKind(s.markers, line) === null;
}

export const source: Classifier = {
  name: "source",
  labels: ["source", "source-marker"],
  description: "a source marker followed by : or / and the source's name (or alone with its colon, the name on the next line)",
  test(s, i) {
    if (s.region === "source-next") return isSourceName(s, i) ? { label: "source", value: stripQuotes(s.lines[i]!.text) } : null;
    const line = s.lines[i]!;
    if (line.words > MAX_SOURCE_WORDS + 3 || markerLineKind(s.markers, line) !== "source") return null;
    const m = markerMatch(s.markers, line, s.markers.source);
    if (!m || m.sep === "") return null;
    if (m.rest >= line.mf.length) {
      const next = s.nextContent(i);
      return next >= 0 && isSourceName(s, next) ? { label: "source-marker" } : null;
    }
    const value = markerValue(line, m);
    if (value === null || value === "") return null;
    return { label: "source", value: stripQuotes(dropLeadCloser(line.mf, value)) };
  },
};
