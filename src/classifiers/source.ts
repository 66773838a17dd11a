/**
 * `المصدر: "الشرق الأوسط"` — a source marker, then `:` or `/`, then the source (quotes stripped). Some sites set
 * the marker alone with its colon and the source's name on the next line (`المصدر:` then `دبي - الإمارات اليوم`):
 * the marker line opens it, and that line is the source (and the lines right under it, one name a line).
 */
import { dropLeadCloser } from "../markers.js";
import { endsSentence, lineBullet, stripQuotes, type Line } from "../text/lines.js";
import type { State } from "../state.js";
import { markerLineKind, markerMatch, markerValue } from "./markerLine.js";
import type { Classifier } from "./types.js";
import { boilerplateReason } from "./boilerplate.js";
import { bylineName } from "./byline.js";
import { lineDate } from "../text/dates.js";

/** A source names an outlet or agency; a long "source" line is prose such as "المصدر: إن الوزير قال …". */
const MAX_SOURCE_WORDS = 12;
/** The name under a marker alone is an outlet's or agency's with perhaps its place: `دبي - الإمارات اليوم`. */
const MAX_ALONE_SOURCE_WORDS = 6;

/** Line `j` can be a name a source marker alone announces: a short name — no sentence, bullet, marker, tweet, chrome, date or byline. */
export function isSourceName(s: State, j: number): boolean {
  const line: Line = s.lines[j]!;
  return (
    line.words <= MAX_ALONE_SOURCE_WORDS &&
    !endsSentence(line.text) &&
    lineBullet(line) === 0 &&
    s.tweetOf[j] === undefined &&
    markerLineKind(s.markers, line) === null &&
    boilerplateReason(line) === null &&
    lineDate(line) === null &&
    bylineName(line) === null
  );
}

/**
 * The line is a source marker alone with its separator (`المصدر:`). It is no marker line to the other rules (a
 * paragraph's last word the wrapper cut off, a word before a quote, may read so): only this rule looks past it.
 */
function aloneSourceMarker(s: State, line: Line): boolean {
  if (line.words > 3 || !s.markers.firstWords.has(line.first)) return false;
  const m = s.markers.source.match(line.mf);
  return m !== null && (m.sep === ":" || m.sep === "/") && m.rest >= line.mf.length;
}

export const source: Classifier = {
  name: "source",
  labels: ["source", "source-marker"],
  description: "a source marker followed by : or / and the source's name (or alone with its colon, the name on the next line)",
  test(s, i) {
    const line = s.lines[i]!;
    if (s.region === "source-next") return isSourceName(s, i) ? { label: "source", value: stripQuotes(line.text) } : null;
    if (s.region === "article" && aloneSourceMarker(s, line)) {
      // Not where a wrapped paragraph goes on: there it is the sentence's last words.
      if (s.paragraphOpen) return null;
      const next = s.nextContent(i);
      return next >= 0 && isSourceName(s, next) ? { label: "source-marker" } : null;
    }
    if (line.words > MAX_SOURCE_WORDS + 3 || markerLineKind(s.markers, line) !== "source") return null;
    const m = markerMatch(s.markers, line, s.markers.source);
    if (!m || m.sep === "" || m.rest >= line.mf.length) return null;
    const value = markerValue(line, m);
    if (value === null || value === "") return null;
    return { label: "source", value: stripQuotes(dropLeadCloser(line.mf, value)) };
  },
};
