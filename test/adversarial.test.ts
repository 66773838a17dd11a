/**
 * Adversarial lines parse in time linear in their length: a long line of markers, bullets, "(@", spaces,
 * diacritics, URLs… is parsed at 1x and 8x size in the same run, and the 8x run may take at most a generous
 * multiple of 8 times as long (a quadratic rule would take ~64 times). No absolute timings are asserted.
 */
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";

const BASE_CHARS = 600_000;
/** Linear scaling gives 8; anything quadratic gives ~64. 24 leaves room for GC and a busy machine. */
const MAX_RATIO = 24;

const PATTERNS: Record<string, string> = {
  markers: "إقرأ أيضاً: ",
  "source markers": "المصدر: ",
  "tags line": "كلمات دلالية: الجيش الروسي ",
  bullets: "• ",
  handles: "(@",
  "attribution-like": "— Name (@handle) ",
  spaces: " ",
  "spaces between words": "ا          ",
  diacritics: "\u064b\u064c\u064d",
  tatweel: "ـ",
  "bidi marks": "\u200f\u200e ",
  urls: "https://t.co/x ",
  dates: "12 مارس 2024 ",
  ellipses: "… اقرأ المزيد ",
  colons: ":",
  quotes: "\"«",
};

function time(text: string): number {
  const t0 = performance.now();
  parse(text);
  return performance.now() - t0;
}

function lineOf(unit: string, chars: number): string {
  return "س" + unit.repeat(Math.ceil(chars / unit.length)) + "ص";
}

describe("adversarial lines parse in linear time", () => {
  for (const [name, unit] of Object.entries(PATTERNS)) {
    it(`a long line of ${name}`, () => {
      time(lineOf(unit, 10_000)); // warm up the code paths
      const small = Math.min(time(lineOf(unit, BASE_CHARS)), time(lineOf(unit, BASE_CHARS)));
      const big = time(lineOf(unit, BASE_CHARS * 8));
      expect(big / Math.max(small, 1)).toBeLessThan(MAX_RATIO);
    });
  }

  it("many lines of a marker, each alone", () => {
    const one = (n: number) => Array.from({ length: n }, () => "إقرأ أيضاً:").join("\n");
    time(one(1000));
    const small = time(one(20_000));
    const big = time(one(160_000));
    expect(big / Math.max(small, 1)).toBeLessThan(MAX_RATIO);
  });
});
