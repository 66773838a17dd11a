/**
 * In a hard-wrapped dump (w3m/lynx at a fixed width), a line that continues the line before it: that line
 * reached the wrap width without ending a sentence, and this one's first word would not have fitted on it.
 * A paragraph is joined line by line here; a title, tags, read-more or bulleted list line that wrapped takes its
 * continuation lines when it is placed (the assembler's look-ahead, see `wrappedRest`), and they are
 * claimed here with that line's label, so the field gets the whole text at once.
 *
 * It runs before the inline markers: in a wrapped paragraph, a line that starts with `للمزيد` ("for more")
 * or `المصدر:` is the rest of a sentence. Lines an earlier rule takes (tweets, a read-also or related marker
 * alone) never continue anything.
 */
import type { State } from "../state.js";
import { lineBullet } from "../text/lines.js";
import { wrapsInto } from "../text/wrap.js";
import { boilerplateReason } from "./boilerplate.js";
import { markerLineKind } from "./markerLine.js";
import { statusUrlHandle } from "./tweet-url.js";
import type { Classifier } from "./types.js";

/** Line `j` continues line `j - 1` of a hard-wrapped dump. */
export function continuesWrapped(s: State, j: number): boolean {
  if (s.wrapWidth === 0 || j <= 0 || j >= s.lines.length) return false;
  const line = s.lines[j]!;
  if (!wrapsInto(s.lines[j - 1]!, line, s.wrapWidth) || s.tweetOf[j] !== undefined) return false;
  const kind = markerLineKind(s.markers, line);
  if (kind === "read-also" || kind === "related" || kind === "read-more-alone" || kind === "tags") return false;
  return line.words !== 1 || statusUrlHandle(line.text) === null;
}

/**
 * The text of the lines that continue line `i` (a title, tags, read-more or list line) in a hard-wrapped dump,
 * each after one space, and the index of the last; none when the line did not wrap. A continuation has no bullet
 * of its own (that is the next item) and is no site chrome.
 */
export function wrappedRest(s: State, i: number): { text: string; last: number } | null {
  let text = "";
  let j = i + 1;
  for (; continuesWrapped(s, j); j++) {
    const line = s.lines[j]!;
    if (lineBullet(line) > 0 || boilerplateReason(line) !== null) break;
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
