/**
 * Hard-wrapped dumps: `w3m -dump` and `lynx -dump` break prose at a fixed width, so a paragraph arrives as
 * several lines whose lengths cluster just under that width and none runs past it.
 */
import { endsSentence, type Line } from "./lines.js";

/** Text browsers wrap at 60–100 columns; lines past this mean the dump is not wrapped. */
const MAX_WRAP_WIDTH = 100;
const MIN_WRAP_WIDTH = 40;
/** How far under the width a wrapped line may end: the next word did not fit (Arabic words run ≤ ~12). */
const WRAP_SLACK = 14;
/** A few long lines must agree on the width before we believe it. */
const MIN_NEAR_WIDTH_LINES = 3;
/** Share of the longer lines that must sit near the width. */
const MIN_NEAR_SHARE = 0.5;

/** The wrap width of a hard-wrapped dump, or 0 when it is not hard-wrapped. */
export function detectWrapWidth(lines: readonly Line[]): number {
  let max = 0;
  for (const l of lines) if (l.words > 0 && l.width > max) max = l.width;
  if (max < MIN_WRAP_WIDTH || max > MAX_WRAP_WIDTH) return 0;
  let near = 0;
  let long = 0;
  for (const l of lines) {
    if (l.words === 0 || l.width <= max / 2) continue;
    long++;
    if (l.width >= max - WRAP_SLACK) near++;
  }
  return near >= MIN_NEAR_WIDTH_LINES && near >= long * MIN_NEAR_SHARE ? max : 0;
}

/** Line `a` was broken by the wrapper before line `b`: `b`'s first word would not have fitted on `a`. */
export function wrapsInto(a: Line, b: Line, width: number): boolean {
  if (width === 0 || b.words === 0 || endsSentence(a.text)) return false;
  const space = b.text.indexOf(" ");
  const firstWord = space < 0 ? b.text.length : space;
  return a.width + 1 + firstWord > width - 1;
}
