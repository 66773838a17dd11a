/** The match form, as SPEC §1 defines it. */
import { describe, expect, it } from "vitest";
import { matchForm, matchFormWords } from "../../src/text/matchForm.js";

describe("matchForm", () => {
  const cases: [string, string][] = [
    ["إقرأ أيضاً:", "اقرا ايضا:"],
    ["اقـرأ أيـضاً", "اقرا ايضا"],
    ["إقرأ أيضًا :", "اقرا ايضا :"],
    ["آمنة ٱلمدينة", "امنه المدينه"],
    ["مستشفى مؤتمر رئيس", "مستشفي موتمر رييس"],
    ["\u200fالمصدر\u200e:\u2066 X\u2069", "المصدر: x"],
    ["  كلمات\u00a0\u2003دلالية\t：  ", "كلمات دلاليه :"],
    ["١٢ مارس ۲۰۲۴", "12 مارس 2024"],
    ["هل؟ نعم، لا؛", "هل? نعم, لا;"],
    ["ﻻ ﷲ ﺍﻟﻤﺼﺪﺭ", "لا الله المصدر"],
    ["ABC Été", "abc été"],
    ["", ""],
  ];
  for (const [input, expected] of cases) it(JSON.stringify(input), () => expect(matchForm(input)).toBe(expected));

  it("never throws and never returns a sentinel on any UTF-16 unit", () => {
    for (let c = 0; c < 0x10000; c++) {
      const m = matchForm(`a${String.fromCharCode(c)}b`);
      expect(m.includes("\ufffe") || m.includes("\uffff")).toBe(false);
    }
  });

  it("is linear on a long line (chunks past the scratch buffer)", () => {
    const s = "أ".repeat(50_000);
    expect(matchForm(s)).toBe("ا".repeat(50_000));
  });

  it("returns text already in match form as the same string", () => {
    const s = "قال المتحدث باسم الحكومه 2024 news";
    expect(matchForm(s)).toBe(s);
    // Each way out of the fast path: a folded letter, a double space, an edge space, a line break.
    expect(matchForm("قال  المتحدث")).toBe("قال المتحدث");
    expect(matchForm("قال المتحدث ")).toBe("قال المتحدث");
    expect(matchForm(" قال")).toBe("قال");
    expect(matchForm("قال\nالمتحدث")).toBe("قال المتحدث");
  });

  it("counts the words of the form it returned, on both paths", () => {
    const words = (s: string) => (matchForm(s), matchFormWords());
    expect(words("قال المتحدث باسم")).toBe(3);
    expect(words("  قال\u00a0\u00a0المتحدث  باسمِ ")).toBe(3);
    expect(words("\u200f\u064b")).toBe(0);
    expect(words("")).toBe(0);
    // A ligature that expands to several words counts them: ﷺ → four words.
    expect(words("النبي ﷺ")).toBe(matchForm("النبي ﷺ").split(" ").length);
  });
});

