/**
 * The clean text of a document, for building corpora: each article (the main one, then each read-also
 * sub-article) is a block of lines — its title, then one paragraph a line — and blocks are separated by
 * one blank line, the layout most language-model corpus tools read as "one document, one line per
 * paragraph". Sources, tags, tweets and boilerplate are left out.
 */
import type { Article, KhabarDocument } from "../types.js";

/** Paragraph text on one line: the layout relies on "one line, one paragraph". */
function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, " ").trim();
}

export function articleLines(article: Article): string[] {
  const lines: string[] = [];
  if (article.title) lines.push(oneLine(article.title));
  for (const p of article.paragraphs) {
    const line = oneLine(p);
    if (line) lines.push(line);
  }
  return lines;
}

/** The document's text, ending in a newline; null when it has no text (an error record, an empty dump). */
export function renderText(doc: KhabarDocument): string | null {
  const blocks = [doc.article, ...doc.readAlso].map(articleLines).filter((b) => b.length > 0);
  if (!blocks.length) return null;
  return `${blocks.map((b) => b.join("\n")).join("\n\n")}\n`;
}
