/** `كتب: سامي العلي`, `بقلم …`, `By …` near the top of an article: the author's name goes to `byline`. */
import { endsSentence, trimEndOf, type Line } from "../text/lines.js";
import { textAfter } from "../text/slice.js";
import type { State } from "../state.js";
import type { Classifier } from "./types.js";

/** A byline names one or two people, perhaps with a title: "كتب: د. محمد السيد - القاهرة". */
const MAX_NAME_WORDS = 8;
/** Bylines and date lines stand above the body: before the first paragraph, among the first few lines. */
export const NEAR_TOP_LINES = 4;

// Words that only say "written by" — safe without a colon.
const BYLINE_WORDS = /^(كتب|كتبت|كتبه|بقلم|بواسطه|by|written by)(?=[\s:\-–—/]|$)/u;
// Words that are also ordinary nouns ("تحرير الموصل"): a byline only with a colon, dash or slash.
const BYLINE_WORDS_COLON = /^(اعداد|تحرير|تقرير|متابعه|reporting by|author)\s*[:\-–—/]/u;
/** Without a separator after the marker, a byline is a bare name: "كتب ترامب على منصته …" is prose. */
const MAX_BARE_NAME_WORDS = 4;

export function nearTop(s: State): boolean {
  return s.region === "article" && s.article.prose === 0 && s.article.content < NEAR_TOP_LINES;
}

/**
 * The author's name when the line is a byline (wherever it stands); null when not. Cached on the line: the
 * title look-ahead and the top-menu rule ask about the same following lines again and again.
 */
export function bylineName(line: Line): string | null {
  if (line.bylineName === undefined) line.bylineName = computeBylineName(line);
  return line.bylineName;
}

function computeBylineName(line: Line): string | null {
  if (line.words > MAX_NAME_WORDS + 3) return null;
  // "كتب - أحمد مسعد:", as Egyptian sites set it above the body: after a separated name the colon leads into the
  // text and ends no sentence ("كتب ترامب على منصته:", with no separator, is still prose).
  const text = trimEndOf(line.text, ":：").trimEnd();
  const colon = text.length < line.text.length;
  if (endsSentence(text)) return null;
  const mf = colon ? trimEndOf(line.mf, ":：").trimEnd() : line.mf;
  const m = BYLINE_WORDS.exec(mf) ?? BYLINE_WORDS_COLON.exec(mf);
  if (!m) return null;
  const marker = m[1]!;
  // A dash glued to both words makes one compound word ("تحرير-الموصل", "by-election"), not a marker and its name.
  const after = mf.charCodeAt(marker.length);
  if ((after === 0x2d || after === 0x2013 || after === 0x2014) && marker.length + 1 < mf.length && mf.charCodeAt(marker.length + 1) !== 0x20) return null;
  const nameWords = line.words - marker.split(" ").length;
  const separated = /^\s*[:\-–—/]/u.test(mf.slice(marker.length));
  if (nameWords > (separated ? MAX_NAME_WORDS : MAX_BARE_NAME_WORDS) || (!separated && (colon || mf.includes(":")))) return null;
  return textAfter(text, marker) || null;
}

export const byline: Classifier = {
  name: "byline",
  labels: ["byline"],
  description: "كتب/بقلم/By and a short name, near the top of an article",
  test(s, i) {
    // One byline an article: a second "كتب …" line stays in the text (a paragraph) rather than replace it.
    if (!nearTop(s) || s.article.data.byline !== null) return null;
    const name = bylineName(s.lines[i]!);
    return name === null ? null : { label: "byline", value: name };
  },
};
