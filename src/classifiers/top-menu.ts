/**
 * Page chrome above the headline, before any content:
 * - site menus: one- or two-word lines (`أخبار`, `رياضة`, `اقتصاد`) each followed by another short line rather
 *   than by prose (reason `navigation`);
 * - runs of short lines above the headline the title rule takes — a site's name over its section, a skip link
 *   (`تخطى إلى المحتوى`), a score or a ticker, bulleted menu entries as text browsers render them (reason
 *   `chrome`). The SPEC's title is a short line "followed by body text": a line followed by the headline is not one.
 * A short line alone above a longer one (a headline over its subtitle or caption), a short headline followed by its
 * body, or by its byline or date line and then the body, is not chrome.
 */
import { endsSentence, lineBullet } from "../text/lines.js";
import { lineDate } from "../text/dates.js";
import type { State } from "../state.js";
import { boilerplateReason } from "./boilerplate.js";
import { bylineName } from "./byline.js";
import { markerLineKind } from "./markerLine.js";
import { isTitleShaped } from "./shape.js";
import { title } from "./title.js";
import type { Classifier } from "./types.js";

/** Menu entries are one or two words; a headline is longer. */
const MAX_MENU_WORDS = 2;
/** Chrome above a headline is a label of a few words: a site's name, a section, a skip link, a score. */
const MAX_TOP_CHROME_WORDS = 4;
/** How many lines the look-ahead for the headline may pass over: a site's menu can run to dozens of entries. */
const MAX_LOOKAHEAD = 40;

/**
 * Under the short line `i` stands the headline: past more short lines (a menu can run to dozens) and known chrome,
 * then perhaps date and byline lines, a line of more words than chrome has that the title rule takes. A short line
 * alone above the headline may be its kicker, or the headline itself over a subtitle or a caption: chrome comes in
 * runs (a menu, a site's name over its section) or under chrome already dropped. And under a date or byline line
 * only more of them, or the headline, may come: short lines there are the article's own (a list of names).
 */
function headlineBelow(s: State, i: number): boolean {
  let chrome = s.lastIndex >= 0 && s.lastLabel === "dropped" ? 1 : 0;
  let pastMeta = false;
  let j = i;
  for (let k = 0; k < MAX_LOOKAHEAD; k++) {
    j = s.nextContent(j);
    if (j < 0) return false;
    const line = s.lines[j]!;
    if (markerLineKind(s.markers, line) !== null || s.tweetOf[j] !== undefined) return false;
    if (boilerplateReason(line) !== null) {
      chrome++;
      continue;
    }
    if (lineDate(line) !== null || bylineName(line) !== null) {
      pastMeta = true;
      continue;
    }
    if (line.words <= MAX_TOP_CHROME_WORDS && !endsSentence(line.text)) {
      if (pastMeta) return false;
      chrome++;
      continue;
    }
    return chrome > 0 && title.test(s, j) !== null;
  }
  return false;
}

export const topMenu: Classifier = {
  name: "top-menu",
  labels: ["dropped"],
  description: "menu entries and other short chrome lines at the very top of the page, above the headline",
  test(s, i) {
    // Before any content of the main article (a date or byline line above the headline aside).
    if (s.region !== "article" || s.article.index >= 0 || s.article.content > s.article.meta) return null;
    const line = s.lines[i]!;
    if (line.words > MAX_TOP_CHROME_WORDS || endsSentence(line.text) || bylineName(line) !== null || lineDate(line) !== null) return null;
    if (s.article.content === 0 && line.words <= MAX_MENU_WORDS && lineBullet(line) === 0) {
      const next = s.nextContent(i);
      const after = next < 0 ? null : s.lines[next]!;
      // A short headline followed by its byline or date line is a headline, not a menu entry.
      if (after !== null && isTitleShaped(after) && bylineName(after) === null && lineDate(after) === null) return { label: "dropped", reason: "navigation" };
    }
    return headlineBelow(s, i) ? { label: "dropped", reason: "chrome" } : null;
  },
};
