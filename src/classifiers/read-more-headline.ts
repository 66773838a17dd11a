/** The headline line after a read-more marker that stood alone (`للمزيد` then the headline). */
import { stripBullet } from "../text/lines.js";
import { markerLineKind } from "./markerLine.js";
import type { Classifier } from "./types.js";

export const readMoreHeadline: Classifier = {
  name: "read-more-headline",
  labels: ["read-more"],
  description: "the headline line after a read-more marker that stood alone",
  test(s, i) {
    if (s.region !== "read-more-next") return null;
    const line = s.lines[i]!;
    if (markerLineKind(s.markers, line) !== null) return null;
    return { label: "read-more", value: stripBullet(line.text), wraps: true };
  },
};
