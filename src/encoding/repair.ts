/**
 * Text-level repairs, for text however it arrived (decoded bytes, or a string given to `parse`): NUL
 * characters, mojibake, HTML entities, presentation forms — in that order, each on the lines it finds.
 */
import type { Warning } from "../types.js";
import { decodeEntities } from "./entities.js";
import { joinLines, RepairLog, type RepairName, splitLines } from "./lines.js";
import { repairMojibake } from "./mojibake.js";
import { foldPresentationForms, nextPresentationForm } from "./presentationForms.js";
import { AMPERSAND, MOJIBAKE_HINT, NUL, PRESENTATION_FORM, REPAIR_SIGNS, repairSigns } from "./signs.js";

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

/**
 * Repairs `input`. `knownSigns`, when the caller has them (decodeBuffer reads them while decoding), are the
 * text's repairSigns: the scan is then skipped.
 */
export function repairText(input: string, knownSigns?: number): Repaired {
  const text = typeof input === "string" ? input : input == null ? "" : String(input);
  // Fast path, the common case of clean text: one scan (or none) and no allocation.
  const signs = (knownSigns ?? repairSigns(text)) & REPAIR_SIGNS;
  if (signs === 0) return { text, repairs: [], warnings: [] };
  const nul = (signs & NUL) !== 0;
  const mojibake = (signs & MOJIBAKE_HINT) !== 0;
  const entities = (signs & AMPERSAND) !== 0;
  const forms = (signs & PRESENTATION_FORM) !== 0;
  // Only `&`s and presentation forms (the common case of a dump needing a look: "AT&T", a URL's query string):
  // the lines holding one are found by search, not the whole text cut into lines and every line tried.
  if (!nul && !mojibake) return repairMarkedLines(text, entities, forms);

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

/**
 * The entity and presentation-form passes of repairText over the lines that hold an `&` or a presentation
 * form only: the same text, repairs and warnings as cutting the text into lines (`\r\n`, `\r`, `\n`) and
 * running each pass over every line — a line without either is left alone by both passes.
 */
function repairMarkedLines(text: string, entities: boolean, forms: boolean): Repaired {
  const cr = text.indexOf("\r") >= 0;
  const entityLines: number[] = [];
  const formLines: number[] = [];
  let out = "";
  let copied = 0;
  let line = 1;
  let counted = 0;
  for (let p = nextMarked(text, 0, entities, forms); p >= 0; ) {
    const start = lineStart(text, p, cr);
    const end = lineEnd(text, p, cr);
    line += countBreaks(text, counted, start, cr);
    counted = start;
    const original = text.slice(start, end);
    const decoded = entities ? decodeEntities(original) : null;
    if (decoded !== null) entityLines.push(line);
    // Decoded entities (`&#65165;`) can bring presentation forms of their own.
    const folded = forms || decoded !== null ? foldPresentationForms(decoded ?? original) : null;
    if (folded !== null) formLines.push(line);
    if (decoded !== null || folded !== null) {
      out += text.slice(copied, start) + (folded ?? decoded);
      copied = end;
    }
    p = end < text.length ? nextMarked(text, end, entities, forms) : -1;
  }
  if (entityLines.length === 0 && formLines.length === 0) return { text, repairs: [], warnings: [] };
  // The passes run one after the other over the whole text: every entity line is logged before any form line.
  const log = new RepairLog();
  for (const n of entityLines) log.add("html-entities", n);
  for (const n of formLines) log.add("presentation-forms", n);
  return { text: out + text.slice(copied), repairs: log.repairs, warnings: log.warnings() };
}

function nextMarked(text: string, from: number, entities: boolean, forms: boolean): number {
  const amp = entities ? text.indexOf("&", from) : -1;
  if (!forms) return amp;
  const form = nextPresentationForm(text, from);
  return amp < 0 ? form : form < 0 ? amp : Math.min(amp, form);
}

function lineStart(text: string, p: number, cr: boolean): number {
  const n = text.lastIndexOf("\n", p);
  return (cr ? Math.max(n, text.lastIndexOf("\r", p)) : n) + 1;
}

function lineEnd(text: string, p: number, cr: boolean): number {
  let end = text.indexOf("\n", p);
  if (end < 0) end = text.length;
  if (cr) {
    const r = text.indexOf("\r", p);
    if (r >= 0 && r < end) end = r;
  }
  return end;
}

/** Line breaks in text[from, to): `\n`, and `\r` not followed by `\n` (`\r\n` is one). */
function countBreaks(text: string, from: number, to: number, cr: boolean): number {
  let n = 0;
  for (let i = text.indexOf("\n", from); i >= 0 && i < to; i = text.indexOf("\n", i + 1)) n++;
  if (cr) for (let i = text.indexOf("\r", from); i >= 0 && i < to; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 0x0a) n++;
  return n;
}
