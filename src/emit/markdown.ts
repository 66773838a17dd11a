/**
 * The clean article as Markdown: `# title`, paragraphs separated by blank lines, each read-also
 * sub-article under a `## heading`. Documents are separated by a `---` rule (see frame.ts).
 */
import type { Article, KhabarDocument } from "../types.js";

/** Heading used for a read-also sub-article without a title of its own. */
const UNTITLED_READ_ALSO = "إقرأ أيضاً";

/** Keep a paragraph from turning into Markdown syntax: a heading, a list item, a quote, a rule. */
function escapeBlock(s: string): string {
  const line = s.replace(/\s*[\r\n]+\s*/g, " ").trim();
  return /^(#|>|[-+*_=]|\d+[.)](\s|$))/.test(line) ? `\\${line}` : line;
}

function articleBlocks(article: Article, level: 1 | 2, fallbackTitle: string | null): string[] {
  const blocks: string[] = [];
  const title = article.title ?? fallbackTitle;
  if (title) blocks.push(`${"#".repeat(level)} ${escapeBlock(title).replace(/^\\/, "")}`);
  for (const p of article.paragraphs) {
    const b = escapeBlock(p);
    if (b) blocks.push(b);
  }
  return blocks;
}

/** The document as Markdown, ending in a newline; null when it has no text (an error record, an empty dump). */
export function renderMarkdown(doc: KhabarDocument): string | null {
  const blocks = articleBlocks(doc.article, 1, null);
  for (const sub of doc.readAlso) {
    if (sub.title || sub.paragraphs.length) blocks.push(...articleBlocks(sub, 2, UNTITLED_READ_ALSO));
  }
  if (!blocks.length) return null;
  return `${blocks.join("\n\n")}\n`;
}
