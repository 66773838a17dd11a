/**
 * A lone date (and time) line near the top of an article: `published`, ISO; a second one is dropped, and so is a
 * relative time or a view counter there (`منذ 3 ساعات`, `1,245 مشاهدة`). A lone time
 * line right under the published date line (`12 مايو 2024` then `07:25 م`, as some sites set them) adds its time.
 */
import { lineDate, loneTime, pageStamp } from "../text/dates.js";
import { nearTop } from "./byline.js";
import type { Classifier } from "./types.js";

export const published: Classifier = {
  name: "published",
  labels: ["published", "dropped"],
  description: "a line that is only a date/time (with a prefix such as نشر في) near the top; a second one is dropped; a time line under it adds the time",
  test(s, i) {
    if (!nearTop(s)) return null;
    const line = s.lines[i]!;
    const iso = lineDate(line);
    if (iso === null) {
      const stamp = pageStamp(line);
      if (stamp !== null) return { label: "dropped", reason: stamp };
      const day = s.article.data.published;
      if (day === null || day.length !== 10 || s.lastLabel !== "published" || s.lastIndex !== s.prevContent(i)) return null;
      const time = line.words <= 4 ? loneTime(line.mf, line.words) : null;
      return time === null ? null : { label: "published", value: `${day}T${time}` };
    }
    return s.article.data.published === null ? { label: "published", value: iso } : { label: "dropped", reason: "date" };
  },
};
