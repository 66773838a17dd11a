/**
 * The pipeline, top to bottom: decode → repair → split lines (match form computed once per line) →
 * find tweet spans → classify each line with the ordered classifiers → the block pass puts it in place →
 * the document.
 */
import { Assembler, emptyArticle } from "./blocks/assemble.js";
import { findTweetSpans } from "./blocks/tweets.js";
import { classifiers } from "./classifiers/index.js";
import { decodeBuffer, repairText } from "./encoding/index.js";
import { compileMarkers, type CompiledMarkers } from "./markers.js";
import { State } from "./state.js";
import { budgetFor, checkDumpSize } from "./text/budget.js";
import { splitLines } from "./text/lines.js";
import { detectWrapWidth } from "./text/wrap.js";
import type { KhabarDocument, MarkerVocabulary, ParseBufferOptions, ParseOptions } from "./types.js";

export { emptyArticle };

export interface RuleDescription {
  name: string;
  labels: string[];
  description: string;
}

export function emptyDocument(options: ParseOptions & { encoding?: string } = {}): KhabarDocument {
  const input: KhabarDocument["input"] = { path: options.path ?? "-", encoding: options.encoding ?? "utf-8", repairs: [], lines: 0 };
  if (options.record !== undefined) input.record = options.record;
  if (options.id !== undefined) input.id = options.id;
  return { schema: "khabar/1", input, article: emptyArticle(), readAlso: [], related: [], dropped: [], warnings: [] };
}

// Compiling the vocabulary is the costly part of a parse of a small dump: compile once per markers object
// (callers pass the same object for a whole batch; a new object is a new vocabulary).
let builtinCompiled: CompiledMarkers | null = null;
const compiledFor = new WeakMap<Partial<MarkerVocabulary>, CompiledMarkers>();

function markersFor(extra: Partial<MarkerVocabulary> | undefined): CompiledMarkers {
  if (extra === undefined) return (builtinCompiled ??= compileMarkers());
  let compiled = compiledFor.get(extra);
  if (!compiled) compiledFor.set(extra, (compiled = compileMarkers(extra)));
  return compiled;
}

/** Parse one dump given as text. */
export function parse(text: string, options: ParseOptions = {}): KhabarDocument {
  return parseText(text, options);
}

/** `parse`, with the text's repair signs when decoding already read them (see encoding/signs.ts). */
function parseText(text: string, options: ParseOptions, signs?: number): KhabarDocument {
  // A dump too big for the heap is refused before any pass cuts it into lines (budget.ts).
  const budget = budgetFor(text.length, options.explain === true);
  checkDumpSize(text, budget);
  const repaired = repairText(text, signs);
  const doc = emptyDocument(options);
  doc.input.repairs.push(...repaired.repairs);
  doc.warnings.push(...repaired.warnings);

  const { lines, crlf } = splitLines(repaired.text, budget);
  if (crlf) doc.input.repairs.push("crlf");
  doc.input.lines = lines.length;

  const markers = markersFor(options.markers);
  const state = new State(lines, markers, options, detectWrapWidth(lines), findTweetSpans(lines, markers), doc.article);
  const assembler = new Assembler(state, doc, options.explain === true);
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.words === 0) continue;
    for (const c of classifiers) {
      const verdict = c.test(state, i);
      if (verdict !== null) {
        assembler.accept(i, verdict, c.name);
        break;
      }
    }
  }
  if (options.explain) doc.lines = assembler.explain;
  return doc;
}

/** Parse one dump given as bytes: the encoding is detected (or given), then as `parse`. */
export function parseBuffer(bytes: Uint8Array, options: ParseBufferOptions = {}): KhabarDocument {
  const decoded = decodeBuffer(bytes, options.encoding ?? "auto");
  const doc = parseText(decoded.text, options, decoded.signs);
  doc.input.encoding = decoded.encoding;
  // Decoding's repairs and warnings come first (most dumps have none: nothing to merge).
  if (decoded.repairs.length > 0) doc.input.repairs = [...decoded.repairs, ...doc.input.repairs.filter((r) => !decoded.repairs.includes(r))];
  if (decoded.warnings.length > 0) doc.warnings = [...decoded.warnings, ...doc.warnings];
  return doc;
}

/** The classifiers in pipeline order and the marker vocabulary in force (for `khabar rules`). */
export function describeRules(markers?: Partial<MarkerVocabulary>): { rules: RuleDescription[]; markers: MarkerVocabulary } {
  return {
    rules: classifiers.map((c) => ({ name: c.name, labels: [...c.labels], description: c.description })),
    markers: compileMarkers(markers).vocabulary,
  };
}
