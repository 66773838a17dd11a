/** `كتب: سامي العلي`, `بقلم …`, `By …` near the top of an article: the author's name goes to `byline`. */
import { endsWithStop } from "../text/lines.js";
import { textAfter } from "../text/slice.js";
import type { State } from "../state.js";
import type { Classifier } from "./types.js";

/** A byline names one or two people, perhaps with a title: "كتب: د. محمد السيد - القاهرة". */
const MAX_NAME_WORDS = 8;
/** Bylines and date lines stand above the body: before the first paragraph, among the first few lines. */
export const NEAR_TOP_LINES = 4;

// Words that only say "written by" — safe without a colon.
const BYLINE_WORDS = /^(كتب|كتبت|كتبه|بقلم|بواسطه|by|written by)(?=[\s:\-–—]|$)/u;
// Words that are also ordinary nouns ("تحرير الموصل"): a byline only with a colon or dash.
const BYLINE_WORDS_COLON = /^(اعداد|تحرير|تقرير|متابعه|reporting by|author)\s*[:\-–—]/u;

export function nearTop(s: State): boolean {
  return s.region === "article" && s.article.paragraphs === 0 && s.article.content < NEAR_TOP_LINES;
}

export const byline: Classifier = {
  name: "byline",
  labels: ["byline"],
  description: "كتب/بقلم/By and a short name, near the top of an article",
  test(s, i) {
    // One byline an article: a second "كتب …" line stays in the text (a paragraph) rather than replace it.
    if (!nearTop(s) || s.article.data.byline !== null) return null;
    const line = s.lines[i]!;
    if (line.words > MAX_NAME_WORDS + 3) return null;
    const m = BYLINE_WORDS.exec(line.mf) ?? BYLINE_WORDS_COLON.exec(line.mf);
    if (!m || line.words - m[1]!.split(" ").length > MAX_NAME_WORDS || endsWithStop(line.text)) return null;
    const name = textAfter(line.text, m[1]!);
    if (!name) return null;
    return { label: "byline", value: name };
  },
};
