/** After a related marker: bullet, numbered or plain headline lines (bullets stripped) go to related[]. */
import { lineBullet, stripBullet } from "../text/lines.js";
import { isListHeadline } from "./shape.js";
import type { Classifier } from "./types.js";

export const relatedItem: Classifier = {
  name: "related-item",
  labels: ["related-item"],
  description: "after a related marker: bullet, numbered or plain headline lines (bullets stripped)",
  test(s, i) {
    if (s.region !== "related") return null;
    const line = s.lines[i]!;
    if (!isListHeadline(line)) return null;
    // Only a bulleted item is taken to go on over wrapped lines: a plain headline that ends near the width is whole.
    return { label: "related-item", value: stripBullet(line.text), wraps: lineBullet(line) > 0 };
  },
};
