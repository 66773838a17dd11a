/**
 * In a hard-wrapped dump (w3m/lynx at a fixed width), a line that continues the line before it: that line
 * reached the wrap width without ending a sentence, and this one's first word would not have fitted on it.
 * A paragraph is joined line by line here; a title, tags, read-more or bulleted list line that wrapped takes its
 * continuation lines when it is placed (the assembler's look-ahead, see `wrappedRest`), and they are
 * claimed here with that line's label, so the field gets the whole text at once.
 *
 * It runs before the inline markers: in a wrapped paragraph, a line that starts with `للمزيد من` ("for more
 * of", no separator after the marker) is the rest of a sentence. Lines an earlier rule takes (tweets, a
 * read-also or related marker alone) never continue anything.
 */
import type { State } from "../state.js";
import { endsLikeHeadline, endsSentence, lineBullet } from "../text/lines.js";
import { wrapsInto } from "../text/wrap.js";
import { boilerplateReason } from "./boilerplate.js";
import { markerLineKind } from "./markerLine.js";
import { bylineName } from "./byline.js";
import { lineDate } from "../text/dates.js";
import { statusUrlHandle } from "./tweet-url.js";
import type { Classifier } from "./types.js";

/**
 * Line `j` continues line `j - 1` of a hard-wrapped dump. Never a marker line but one whose marker starts a
 * sentence too: `للمزيد من …` goes on with the paragraph; a marker and its separator (`المصدر: …`, `للمزيد: …`),
 * a read-also marker whose line stands whole, and markers alone are lines of their own.
 */
export function continuesWrapped(s: State, j: number): boolean {
  if (s.wrapWidth === 0 || j <= 0 || j >= s.lines.length) return false;
  const line = s.lines[j]!;
  if (!wrapsInto(s.lines[j - 1]!, line, s.wrapWidth) || s.tweetOf[j] !== undefined) return false;
  const kind = markerLineKind(s.markers, line);
  if (kind === "read-more") {
    // Asked of each table itself: markerMatch gives back the match that decided the line's kind, whichever table.
    const readAlso = s.markers.readAlso.match(line.mf);
    const m = readAlso ?? s.markers.readMore.match(line.mf);
    if (m !== null && m.sep !== "") return false;
    // A read-also marker without a separator: `اقرأ …` (read!) is only ever said to the reader, so it is a link
    // line, cut or not; the others are also past-tense verbs (`شاهد أيضا فيلم الافتتاح …`: "he also watched"),
    // links only when the line stands whole, prose when it runs on into the next line.
    if (readAlso !== null) {
      if (line.first === READ) return false;
      if (!(j + 1 < s.lines.length && wrapsInto(line, s.lines[j + 1]!, s.wrapWidth))) return false;
    }
  } else if (kind !== null) return false;
  return line.words !== 1 || statusUrlHandle(line.text) === null;
}

/**
 * Line `j` goes on with the value of the line before it (see wrappedRest): no bullet, chrome, marker or byline, and
 * no date line unless the line before stops on a word that cannot end a headline (`… في جميع المدارس يوم` then
 * `21 سبتمبر 2024`): a date right under a headline is its date.
 */
export function continuesValue(s: State, j: number): boolean {
  if (!continuesWrapped(s, j)) return false;
  const line = s.lines[j]!;
  if (lineBullet(line) > 0 || boilerplateReason(line) !== null || markerLineKind(s.markers, line) !== null || bylineName(line) !== null) return false;
  return lineDate(line) === null || (DANGLING.has(lastWord(s.lines[j - 1]!.mf)) && DAY_FIRST.test(line.mf));
}

/**
 * Words a cut headline can stop on only because the wrapper cut it there, before a date (`… يوم` / `21 سبتمبر`):
 * prepositions and what a date follows — not `علي` (also the name Ali, as `على` folds), `بعد` ("yet"), `قبل`.
 */
const DANGLING = new Set(["في", "من", "الي", "عن", "منذ", "حتي", "بين", "خلال", "مع", "يوم", "بتاريخ", "الموافق", "و"]);
/** A date line that opens with its day number: the rest of `… يوم`, not a weekday's dateline. */
const DAY_FIRST = /^[0-9]/u;

function lastWord(mf: string): string {
  return mf.slice(mf.lastIndexOf(" ") + 1);
}

/** The imperative "read" (match form): a marker that starts with it is never the rest of a sentence. */
const READ = "اقرا";

/** Most words of a headline (read-more, link, list item) joined from the lines the wrapper cut it into. */
const MAX_WRAPPED_HEADLINE_WORDS = 20;

/**
 * The text of the lines that continue line `i` (a title, tags, read-more or list line) in a hard-wrapped dump,
 * each after one space, and the index of the last; none when the line did not wrap. A continuation has no bullet
 * of its own (that is the next item), is no site chrome, no date or byline line and no marker line. A headline
 * (`maxWords` > 0) is joined only when the whole (`firstWords`: the first line's share of it, a marker's words left
 * out) stays within `maxWords` — a narrow wrap may cut it in three —
 * and not at all past it: then the next line is prose that happens to follow a long headline. A tags line may
 * run over any number of lines.
 */
export function wrappedRest(s: State, i: number, maxWords = MAX_WRAPPED_HEADLINE_WORDS, firstWords = s.lines[i]!.words): { text: string; last: number } | null {
  let text = "";
  let words = firstWords;
  let j = i + 1;
  for (; continuesValue(s, j); j++) {
    const line = s.lines[j]!;
    words += line.words;
    if (maxWords > 0 && words > maxWords) return null;
    // A continuation that ends in a full stop or a colon is a sentence of prose under the value, not its rest.
    if (endsSentence(line.text) && !endsLikeHeadline(line.text)) return null;
    text += ` ${line.text}`;
  }
  return j === i + 1 ? null : { text, last: j - 1 };
}

export const wrapContinuation: Classifier = {
  name: "wrap-continuation",
  labels: ["paragraph", "title", "tags", "read-more", "read-also-link", "related-item"],
  description: "in a hard-wrapped dump: the rest of a paragraph, title, tags, read-more or bulleted list line that reached the wrap width",
  test(s, i) {
    if (i <= s.wrappedTo) return { label: s.wrappedLabel, join: true };
    if (!s.paragraphOpen || s.lastIndex !== i - 1 || !continuesWrapped(s, i)) return null;
    return { label: "paragraph", join: true };
  },
};
