/**
 * Site menus above the headline: one- or two-word lines (`أخبار`, `رياضة`, `اقتصاد`) at the top of the
 * page, before any content, each followed by another short line rather than by prose. A short headline
 * followed by its body (`زلزال تركيا` then prose) is not one of them.
 */
import { endsSentence, lineBullet } from "../text/lines.js";
import { lineDate } from "../text/dates.js";
import { bylineName } from "./byline.js";
import { isTitleShaped } from "./shape.js";
import type { Classifier } from "./types.js";

/** Menu entries are one or two words; a headline is longer. */
const MAX_MENU_WORDS = 2;

export const topMenu: Classifier = {
  name: "top-menu",
  labels: ["dropped"],
  description: "one- or two-word menu lines at the very top of the page, followed by more short lines",
  test(s, i) {
    if (s.region !== "article" || s.article.index >= 0 || s.article.content > 0) return null;
    const line = s.lines[i]!;
    if (line.words > MAX_MENU_WORDS || endsSentence(line.text) || lineBullet(line) > 0) return null;
    const next = s.nextContent(i);
    const after = next < 0 ? null : s.lines[next]!;
    // A short headline followed by its byline or date line is a headline, not a menu entry.
    if (after === null || !isTitleShaped(after) || bylineName(after) !== null || lineDate(after) !== null) return null;
    return { label: "dropped", reason: "navigation" };
  },
};
