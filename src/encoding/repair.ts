/**
 * Text-level repairs, for text however it arrived (decoded bytes, or a string given to `parse`): NUL
 * characters, mojibake, HTML entities, presentation forms — in that order, each on the lines it finds.
 */
import type { Warning } from "../types.js";
import { decodeEntities } from "./entities.js";
import { joinLines, RepairLog, type RepairName, splitLines } from "./lines.js";
import { mojibakeHint, repairMojibake } from "./mojibake.js";
import type { PairTest } from "./mojibakeSigns.js";
import { foldPresentationForms, isPresentationForm } from "./presentationForms.js";

export interface Repaired {
  text: string;
  /** SPEC names: `nul`, `mojibake-cp1256`, `mojibake-latin1`, `legacy-cp1256`, `html-entities`, `presentation-forms`. */
  repairs: string[];
  warnings: Warning[];
}

function eachLine(lines: string[], repair: RepairName, log: RepairLog, fix: (line: string) => string | null): void {
  for (let i = 0; i < lines.length; i++) {
    const fixed = fix(lines[i]!);
    if (fixed === null) continue;
    lines[i] = fixed;
    log.add(repair, i + 1);
  }
}

function deleteNul(line: string): string | null {
  return line.includes("\0") ? line.replace(/\0/g, "") : null;
}

const NUL = 1;
const AMPERSAND = 2;
const PRESENTATION_FORM = 4;
const MOJIBAKE_HINT = 8;
/** Low byte: the signs above a code unit shows alone; high byte: the mojibake-hint branches it opens. */
let signTable: Uint16Array | null = null;

function buildSignTable(hint: PairTest): Uint16Array {
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) t[c] = hint.first[c]! << 8;
  t[0] |= NUL;
  t[0x26] |= AMPERSAND;
  for (let c = 0; c < 0x10000; c++) if (isPresentationForm(c)) t[c] |= PRESENTATION_FORM;
  return t;
}

/**
 * Which repairs `text` may need, in one pass: a NUL, an `&` (entities), a presentation form, a mojibake
 * tell-tale pair. Every dump is scanned whole, and clean text — the common case — needs none.
 */
function repairSigns(text: string): number {
  const hint = mojibakeHint();
  const t = (signTable ??= buildSignTable(hint));
  const second = hint.second;
  const n = text.length;
  let found = 0;
  for (let i = 0; i < n; i++) {
    const f = t[text.charCodeAt(i)]!;
    if (f === 0) continue;
    found |= f & 0xff;
    const opens = f >>> 8;
    if (opens !== 0 && i + 1 < n && (opens & second[text.charCodeAt(i + 1)]!) !== 0) found |= MOJIBAKE_HINT;
  }
  return found;
}

export function repairText(input: string): Repaired {
  const text = typeof input === "string" ? input : input == null ? "" : String(input);
  // Fast path, the common case of clean text: one scan and no allocation.
  const signs = repairSigns(text);
  if (signs === 0) return { text, repairs: [], warnings: [] };
  const nul = (signs & NUL) !== 0;
  const mojibake = (signs & MOJIBAKE_HINT) !== 0;
  const entities = (signs & AMPERSAND) !== 0;
  const forms = (signs & PRESENTATION_FORM) !== 0;

  const split = splitLines(text);
  const log = new RepairLog();
  if (nul) eachLine(split.lines, "nul", log, deleteNul);
  if (mojibake) repairMojibake(split.lines, log);
  if (entities) eachLine(split.lines, "html-entities", log, decodeEntities);
  // Repaired mojibake and decoded entities (`&#65165;`) can bring presentation forms of their own.
  if (forms || log.repairs.length > 0) eachLine(split.lines, "presentation-forms", log, foldPresentationForms);
  if (log.repairs.length === 0) return { text, repairs: [], warnings: [] };
  return { text: joinLines(split), repairs: log.repairs, warnings: log.warnings() };
}
