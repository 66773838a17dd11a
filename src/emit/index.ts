/**
 * Writers for `--format`. Rendering one document is `renderDocument` (done in the worker, so the main
 * thread only writes); putting rendered documents into one stream is a `Framer`, which never holds more
 * than the piece it is given: a `--format json` array is written element by element.
 */
import type { KhabarDocument } from "../types.js";
import { renderJson } from "./json.js";
import { renderMarkdown } from "./markdown.js";
import { renderText } from "./text.js";

export const OUTPUT_FORMATS = ["ndjson", "json", "text", "markdown"] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** A document as its format shows it; null when the format has nothing to show (text of an error record). */
export function renderDocument(doc: KhabarDocument, format: OutputFormat, pretty: boolean): string | null {
  switch (format) {
    case "ndjson":
      return renderJson(doc, pretty);
    case "json":
      return renderJson(doc, pretty, pretty ? 1 : 0);
    case "text":
      return renderText(doc);
    case "markdown":
      return renderMarkdown(doc);
  }
}

export interface Framer {
  begin(): string;
  item(rendered: string): string;
  end(): string;
}

export function createFramer(format: OutputFormat): Framer {
  let count = 0;
  switch (format) {
    case "ndjson":
      return { begin: () => "", item: (s) => `${s}\n`, end: () => "" };
    case "json":
      return {
        begin: () => "[\n",
        item: (s) => (count++ ? `,\n${s}` : s),
        end: () => (count ? "\n]\n" : "]\n"),
      };
    case "text":
      return { begin: () => "", item: (s) => (count++ ? `\n${s}` : s), end: () => "" };
    case "markdown":
      return { begin: () => "", item: (s) => (count++ ? `\n---\n\n${s}` : s), end: () => "" };
  }
}
