/**
 * After a related marker: bullet, numbered or plain headline lines (bullets stripped) go to related[]. What a
 * list item's page leaves between its headlines is no headline: an item's date line (`الأحد، 16 يونيو 2024
 * 09:10 ص`, reason `date`) and a rank printed on a line of its own (`1`, `2`, as most-read lists render them,
 * reason `numbering`) go to dropped.
 */
import { lineBullet, stripBullet, type Line } from "../text/lines.js";
import { lineDate, pageStamp } from "../text/dates.js";
import { isListHeadline } from "./shape.js";
import type { Classifier } from "./types.js";

/** Longest rank on a line of its own: `1` to `999`, perhaps with a stop or bracket (`3.`, `(4)`). */
const MAX_RANK_DIGITS = 3;

/** The line is a list's rank alone: one to three digits (any script: the match form has ASCII digits), a stop or brackets around. */
function isLoneRank(line: Line): boolean {
  if (line.words !== 1) return false;
  const mf = line.mf;
  let digits = 0;
  for (let k = 0; k < mf.length; k++) {
    const c = mf.charCodeAt(k);
    if (c >= 0x30 && c <= 0x39) digits++;
    else if (c !== 0x2e && c !== 0x28 && c !== 0x29 && c !== 0x2d) return false; // . ( ) -
  }
  return digits > 0 && digits <= MAX_RANK_DIGITS;
}

export const relatedItem: Classifier = {
  name: "related-item",
  labels: ["related-item", "dropped"],
  description: "after a related marker: bullet, numbered or plain headline lines (bullets stripped); an item's date or a lone rank is dropped",
  test(s, i) {
    if (s.region !== "related") return null;
    const line = s.lines[i]!;
    if (!isListHeadline(line)) return null;
    if (isLoneRank(line)) return { label: "dropped", reason: "numbering" };
    if (lineDate(line) !== null) return { label: "dropped", reason: "date" };
    const stamp = pageStamp(line);
    if (stamp !== null) return { label: "dropped", reason: stamp };
    // Only a bulleted item is taken to go on over wrapped lines: a plain headline that ends near the width is whole.
    return { label: "related-item", value: stripBullet(line.text), wraps: lineBullet(line) > 0 };
  },
};
