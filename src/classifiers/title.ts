/**
 * The title: the first content line of an article when it is short, does not end a sentence, and body text
 * follows it (after any byline/date lines and copies of itself).
 */
import { lineBullet } from "../text/lines.js";
import type { State } from "../state.js";
import { boilerplateReason } from "./boilerplate.js";
import { markerLineKind } from "./markerLine.js";
import { isTitleShaped, MAX_TITLE_WORDS } from "./shape.js";
import { bylineName } from "./byline.js";
import { lineDate } from "../text/dates.js";
import { wrapsInto } from "../text/wrap.js";
import type { Classifier } from "./types.js";

/** How many lines the look-ahead may pass over (copies, byline, date, chrome) before the body must start. */
const MAX_LOOKAHEAD = 8;

function bodyFollows(s: State, i: number): boolean {
  const mf = s.lines[i]!.mf;
  let j = i;
  for (let k = 0; k < MAX_LOOKAHEAD; k++) {
    j = s.nextContent(j);
    if (j < 0) return false;
    const line = s.lines[j]!;
    if (line.words <= MAX_TITLE_WORDS && (line.mf === mf || boilerplateReason(line) !== null || lineDate(line) !== null)) continue;
    if (bylineName(line) !== null) continue;
    if (s.tweetOf[j] !== undefined || markerLineKind(s.markers, line) !== null || lineBullet(line) > 0) return false;
    return true;
  }
  return false;
}

export const title: Classifier = {
  name: "title",
  labels: ["title"],
  description: "the first content line of an article: short, no sentence-final punctuation, body text after it",
  test(s, i) {
    if (s.region !== "article" || s.article.content > 0 || s.article.data.title !== null) return null;
    if (!isTitleShaped(s.lines[i]!) || !bodyFollows(s, i)) return null;
    // In a hard-wrapped dump a line cut at the wrap width is half a sentence, not a headline.
    if (i + 1 < s.lines.length && wrapsInto(s.lines[i]!, s.lines[i + 1]!, s.wrapWidth)) return null;
    return { label: "title", value: s.lines[i]!.text };
  },
};
