/**
 * Text-level repairs, for text however it arrived (decoded bytes, or a string given to `parse`): NUL
 * characters, mojibake, HTML entities, presentation forms — in that order, each on the lines it finds.
 */
import type { Warning } from "../types.js";
import { decodeEntities } from "./entities.js";
import { joinLines, RepairLog, type RepairName, splitLines } from "./lines.js";
import { mojibakeHint, repairMojibake } from "./mojibake.js";
import { foldPresentationForms, hasPresentationForms } from "./presentationForms.js";

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

export function repairText(input: string): Repaired {
  const text = typeof input === "string" ? input : input == null ? "" : String(input);
  // Fast path, the common case of clean text: a few native scans and no allocation.
  const nul = text.includes("\0");
  const mojibake = mojibakeHint().test(text);
  const entities = text.includes("&");
  const forms = hasPresentationForms(text);
  if (!nul && !mojibake && !entities && !forms) return { text, repairs: [], warnings: [] };

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
