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
/** Visible cuts (near-width lines broken mid-sentence) needed, and their share of the near-width lines. */
const MIN_CUTS = 3;
const MIN_CUT_SHARE = 0.5;

/** A line that sets no width: a text browser never breaks a URL (lynx's reference list runs past the width). */
function setsWidth(l: Line): boolean {
  return l.words > 1 && !l.text.includes("://");
}

/**
 * The wrap width of a hard-wrapped dump, or 0 when it is not hard-wrapped. Lines must cluster under one
 * width, and the wrapper's cuts must be visible: several near-width lines that stop mid-sentence right
 * before a line whose first word would not have fitted. (Short one-line paragraphs that end in `.` near
 * the same length are not a wrapped dump.)
 */
export function detectWrapWidth(lines: readonly Line[]): number {
  let max = 0;
  for (const l of lines) {
    // The width test first: only a line that would raise the maximum is searched for a URL.
    if (l.width <= max || !setsWidth(l)) continue;
    max = l.width;
    // Past the widest wrap any text browser uses: not a wrapped dump (most dumps end the scan here).
    if (max > MAX_WRAP_WIDTH) return 0;
  }
  if (max < MIN_WRAP_WIDTH) return 0;
  let near = 0;
  let long = 0;
  let cuts = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!setsWidth(l) || l.width <= max / 2) continue;
    long++;
    if (l.width < max - WRAP_SLACK) continue;
    near++;
    if (i + 1 < lines.length && wrapsInto(l, lines[i + 1]!, max)) cuts++; // no read past the end: V8 deopts on it
  }
  return near >= MIN_NEAR_WIDTH_LINES && near >= long * MIN_NEAR_SHARE && cuts >= MIN_CUTS && cuts >= near * MIN_CUT_SHARE ? max : 0;
}

/** Line `a` was broken by the wrapper before line `b`: `b`'s first word would not have fitted on `a`. */
export function wrapsInto(a: Line, b: Line, width: number): boolean {
  if (width === 0 || b.words === 0 || endsSentence(a.text)) return false;
  const space = b.text.indexOf(" ");
  const firstWord = space < 0 ? b.text.length : space;
  return a.width + 1 + firstWord > width - 1;
}
