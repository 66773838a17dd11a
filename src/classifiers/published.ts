/** A lone date (and time) line near the top of an article: `published`, ISO. */
import { lineDate } from "../text/dates.js";
import { nearTop } from "./byline.js";
import type { Classifier } from "./types.js";

export const published: Classifier = {
  name: "published",
  labels: ["published", "dropped"],
  description: "a line that is only a date/time (with a prefix such as نشر في) near the top; a second one is dropped",
  test(s, i) {
    if (!nearTop(s)) return null;
    const line = s.lines[i]!;
    const iso = lineDate(line);
    if (iso === null) return null;
    return s.article.data.published === null ? { label: "published", value: iso } : { label: "dropped", reason: "date" };
  },
};
