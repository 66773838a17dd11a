/** Parse a small dump with --explain and read what decided a line. */
import { parse } from "../../src/index.js";
import type { KhabarDocument } from "../../src/types.js";

export function explainDump(lines: string[]): KhabarDocument {
  return parse(lines.join("\n"), { explain: true });
}

/** The rule and label that decided line `n` (1-based). */
export function decided(lines: string[], n: number): { rule: string; label: string } {
  const e = explainDump(lines).lines!.find((l) => l.n === n);
  if (!e) throw new Error(`line ${n} has no explain entry`);
  return { rule: e.rule, label: e.label };
}

/** Prose long enough and ended like a sentence: a body paragraph in any position. */
export const PROSE = "وقال المتحدث باسم الوزارة في مؤتمر صحفي عقده اليوم إن الحكومة ماضية في تنفيذ خطتها الاقتصادية رغم الصعوبات.";
export const PROSE2 = "وأضاف أن المرحلة المقبلة ستشهد إطلاق مشاريع جديدة في قطاعات الطاقة والنقل والإسكان بالشراكة مع القطاع الخاص.";
