/**
 * Mojibake repair: text whose bytes were once read with the wrong code page (SPEC §2 repairs).
 * - `mojibake-cp1256`: UTF-8 read as Windows-1256 (`ط§ظ„ط®ط¨ط±`)
 * - `mojibake-latin1`: UTF-8 read as Latin-1 / Windows-1252 (`Ø§Ù„Ø®Ø¨Ø±`), also twice over
 * - `legacy-cp1256`: Windows-1256 bytes read as Windows-1252 (`ÇáãÕÏÑ`)
 * A run of characters is written back with the wrong code page and read again the right way; the line takes
 * the result only when it is valid (no new U+FFFD), has more Arabic letters and fewer odd symbols. Clean text
 * — Arabic, Persian, Urdu, accented Latin — does not survive the round trip, so it is never touched.
 */
import type { RepairLog } from "./lines.js";
import { applyReading, type MojibakeKind, READINGS, type Utf8Decoder } from "./mojibakeReadings.js";
import { type Measure, measure, mojibakeHint, mojibakeLooseHint } from "./mojibakeSigns.js";

export type { MojibakeKind } from "./mojibakeReadings.js";
export { mojibakeHint } from "./mojibakeSigns.js";

/** Text read wrongly twice (UTF-8 → Latin-1 → UTF-8 → Latin-1) is common; three layers is the most seen in the wild. */
const MAX_LAYERS = 3;
/**
 * A line that gains fewer Arabic letters than this is weak evidence (a lone `ÀÉ` could be anything);
 * it is repaired only next to a line repaired on strong evidence — mojibake comes in runs of lines.
 */
const STRONG_GAIN = 3;

export interface LineRepair {
  text: string;
  kinds: MojibakeKind[];
  /** Arabic letters gained: the strength of the evidence. */
  gain: number;
}

/** Repairs one line, peeling off as many wrong readings as help (at most MAX_LAYERS); null when nothing helps. */
export function repairMojibakeLine(line: string, utf8: Utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true })): LineRepair | null {
  const original = measure(line);
  let current = line;
  let now = original;
  const kinds: MojibakeKind[] = [];
  for (let layer = 0; layer < MAX_LAYERS; layer++) {
    let best: { text: string; m: Measure; kind: MojibakeKind; score: number } | null = null;
    for (const reading of READINGS) {
      const text = applyReading(current, reading, utf8);
      if (text === null) continue;
      const m = measure(text);
      // A layer need not gain Arabic letters (mojibake twice over gives mojibake once over) but must clean up;
      // the letters are weighed on the whole result below.
      if (m.fffd > now.fffd || m.odd >= now.odd) continue;
      const score = m.arabic - 2 * m.odd;
      if (!best || score > best.score) best = { text, m, kind: reading.kind, score };
    }
    if (!best) break;
    current = best.text;
    now = best.m;
    if (!kinds.includes(best.kind)) kinds.push(best.kind);
  }
  if (kinds.length === 0 || now.arabic <= original.arabic || now.odd >= original.odd) return null;
  return { text: current, kinds, gain: now.arabic - original.arabic };
}

/** Repairs `lines` in place (index i is line i + 1), logging each repaired line under its kinds. */
export function repairMojibake(lines: string[], log: RepairLog): void {
  const test = mojibakeHint();
  const utf8 = new TextDecoder("utf-8", { ignoreBOM: true });
  const found: (LineRepair | null)[] = lines.map((line) => (test.test(line) ? repairMojibakeLine(line, utf8) : null));
  const strong = (i: number): boolean => (found[i]?.gain ?? 0) >= STRONG_GAIN;
  const nearestNonBlank = (i: number, step: number): number => {
    let k = i + step;
    while (k >= 0 && k < lines.length && lines[k]!.trim() === "") k += step;
    return k;
  };
  const loose = mojibakeLooseHint();
  for (let i = 0; i < lines.length; i++) {
    if (found[i] || !(strong(nearestNonBlank(i, -1)) || strong(nearestNonBlank(i, 1))) || !loose.test(lines[i]!)) continue;
    found[i] = repairMojibakeLine(lines[i]!, utf8);
  }
  for (let i = 0; i < lines.length; i++) {
    const repair = found[i];
    if (!repair) continue;
    if (!strong(i) && !strong(nearestNonBlank(i, -1)) && !strong(nearestNonBlank(i, 1))) continue;
    lines[i] = repair.text;
    for (const kind of repair.kinds) log.add(kind, i + 1);
  }
}
