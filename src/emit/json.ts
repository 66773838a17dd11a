/** A document as JSON: compact (one line, for ndjson) or indented. */
import type { KhabarDocument } from "../types.js";

export function renderJson(doc: KhabarDocument, pretty: boolean, indentLevel = 0): string {
  if (!pretty) return JSON.stringify(doc);
  const text = JSON.stringify(doc, null, 2);
  if (!indentLevel) return text;
  const pad = " ".repeat(2 * indentLevel);
  return pad + text.replace(/\n/g, `\n${pad}`);
}
