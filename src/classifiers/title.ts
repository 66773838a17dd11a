/**
 * The title: the first content line of an article (byline and date lines aside, above or below it) when it is
 * short, does not end a sentence, and body text or a tweet follows it (after any byline/date lines and copies of
 * itself).
 */
import { trailingMarker } from "../markers.js";
import { endsSentence, lineBullet } from "../text/lines.js";
import { matchForm } from "../text/matchForm.js";
import type { State } from "../state.js";
import { boilerplateReason } from "./boilerplate.js";
import { markerLineKind } from "./markerLine.js";
import { isTitleShaped, MAX_TITLE_WORDS } from "./shape.js";
import { bylineName } from "./byline.js";
import { lineDate } from "../text/dates.js";
import type { Classifier } from "./types.js";
import { continuesValue, wrappedRest } from "./wrap-continuation.js";

/** How many lines the look-ahead may pass over (copies, byline, date, chrome) before the body must start. */
const MAX_LOOKAHEAD = 8;

/** Body text follows line `i` (a headline whose last line is `last`, when the wrapper cut it). */
function bodyFollows(s: State, i: number, last: number): boolean {
  const mf = s.lines[i]!.mf;
  let j = last;
  for (let k = 0; k < MAX_LOOKAHEAD; k++) {
    j = s.nextContent(j);
    if (j < 0) return false;
    const line = s.lines[j]!;
    if (line.words <= MAX_TITLE_WORDS && (line.mf === mf || boilerplateReason(line) !== null || lineDate(line) !== null)) continue;
    // A source line may stand between a headline and its body too.
    const kind = markerLineKind(s.markers, line);
    if (bylineName(line) !== null || kind === "source") continue;
    // An embedded tweet is body too: a headline may be followed by the tweet the story is about.
    return kind === null && lineBullet(line) === 0;
  }
  return false;
}

export const title: Classifier = {
  name: "title",
  labels: ["title"],
  description: "the first content line of an article: short, no sentence-final punctuation, body text after it",
  test(s, i) {
    // The first content line, or the first after a byline or date line above the headline.
    if (s.region !== "article" || s.article.content > s.article.meta || s.article.data.title !== null) return null;
    const line = s.lines[i]!;
    if (!isTitleShaped(line)) return null;
    // A second byline or date line (the first is the byline's and the date's) is no headline either.
    if (s.article.meta > 0 && (bylineName(line) !== null || lineDate(line) !== null)) return null;
    // In a hard-wrapped dump a line cut at the wrap width goes on over the next: a headline cut in two is the title
    // when the whole is title-shaped as an unwrapped line must be (at most MAX_TITLE_WORDS, no sentence end); half a
    // sentence of prose that runs on is not.
    let last = i;
    if (continuesValue(s, i + 1)) {
      const rest = wrappedRest(s, i, MAX_TITLE_WORDS);
      if (rest === null || endsSentence(s.lines[rest.last]!.text)) return null;
      // A teaser whose "… أكمل القراءة" the wrapper cut in two is no headline.
      if (trailingMarker(s.markers.readMoreTrailing, matchForm(line.text + rest.text)) > 0) return null;
      last = rest.last;
    }
    if (!bodyFollows(s, i, last)) return null;
    return { label: "title", value: line.text, wraps: last > i };
  },
};
