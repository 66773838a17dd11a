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
  /** As `item`, given piece by piece to `out` (so the document is never copied into a framed string). */
  put(rendered: string, out: (text: string) => void): void;
  end(): string;
}

/** Every format frames its items alike: a separator before all but the first, the item, a terminator. */
const FRAMING: Record<OutputFormat, { begin: string; separator: string; terminator: string; end: string; endEmpty: string }> = {
  ndjson: { begin: "", separator: "", terminator: "\n", end: "", endEmpty: "" },
  json: { begin: "[\n", separator: ",\n", terminator: "", end: "\n]\n", endEmpty: "]\n" },
  text: { begin: "", separator: "\n", terminator: "", end: "", endEmpty: "" },
  markdown: { begin: "", separator: "\n---\n\n", terminator: "", end: "", endEmpty: "" },
};

export function createFramer(format: OutputFormat): Framer {
  const { begin, separator, terminator, end, endEmpty } = FRAMING[format];
  let count = 0;
  return {
    begin: () => begin,
    item: (s) => `${count++ ? separator : ""}${s}${terminator}`,
    put: (s, out) => {
      if (count++ && separator) out(separator);
      out(s);
      if (terminator) out(terminator);
    },
    end: () => (count ? end : endEmpty),
  };
}
