/** STUB pipeline: the real one is being written. API shape is final. */
import { decodeBuffer, repairText } from "./encoding/index.js";
import { compileMarkers } from "./markers.js";
import type { Article, KhabarDocument, MarkerVocabulary, ParseBufferOptions, ParseOptions } from "./types.js";

export interface RuleDescription {
  name: string;
  label: string;
  description: string;
}

export function emptyArticle(): Article {
  return { title: null, byline: null, published: null, paragraphs: [], readMore: [], sources: [], tags: [], tagsText: null, tweets: [] };
}

export function emptyDocument(options: ParseOptions & { encoding?: string } = {}): KhabarDocument {
  const input: KhabarDocument["input"] = { path: options.path ?? "-", encoding: options.encoding ?? "utf-8", repairs: [], lines: 0 };
  if (options.record !== undefined) input.record = options.record;
  if (options.id !== undefined) input.id = options.id;
  return { schema: "khabar/1", input, article: emptyArticle(), readAlso: [], related: [], dropped: [], warnings: [] };
}

export function parse(text: string, options: ParseOptions = {}): KhabarDocument {
  const fixed = repairText(text);
  const doc = emptyDocument(options);
  const lines = fixed.text.split(/\r\n|\r|\n/);
  doc.input.lines = lines.length;
  doc.article.paragraphs = lines.map((l) => l.trim()).filter(Boolean);
  return doc;
}

export function parseBuffer(bytes: Uint8Array, options: ParseBufferOptions = {}): KhabarDocument {
  const decoded = decodeBuffer(bytes, options.encoding);
  const doc = parse(decoded.text, options);
  doc.input.encoding = decoded.encoding;
  doc.input.repairs = [...decoded.repairs, ...doc.input.repairs];
  doc.warnings = [...decoded.warnings, ...doc.warnings];
  return doc;
}

export function describeRules(markers?: Partial<MarkerVocabulary>): { rules: RuleDescription[]; markers: MarkerVocabulary } {
  return { rules: [], markers: compileMarkers(markers).vocabulary };
}
