/** Line splitting: bounds, trimming, widths and the word counts rules gate on, for short and long lines alike. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BULLET, bulletLength, EAGER_MATCH_FORM_CHARS, splitLines } from "../../src/text/lines.js";
import { checkDumpSize, DumpTooBigError, formatBytes, MAX_DUMP_LINES } from "../../src/text/budget.js";
import { ALL_CHAR_FLAGS, charFlags, matchForm } from "../../src/text/matchForm.js";

/** Words as SPEC-minded code would count them on the text: runs of characters that are not spaces. */
function referenceWords(text: string): number {
  return text.split(/[ \t\u00a0\u2000-\u200a\u3000]+/u).filter((w) => w !== "").length;
}

const PIECES = ["الخبر", "قال", "أنّ", "ـ", "ـــــــــــ", " ", "  ", "\t", "\u00a0", "\u2003", "\u3000", "\u200f", "x", "،", "2024", "©", "»", "كفط", ":", "/"];

describe("splitLines", () => {
  it("splits on LF, CRLF and CR and trims each line's edges (bidi marks too)", () => {
    const { lines, crlf } = splitLines(" أ \r\n\u200fب\u200e\rج  \n");
    expect(crlf).toBe(true);
    expect(lines.map((l) => l.text)).toEqual(["أ", "ب", "ج"]);
    expect(lines.map((l) => l.n)).toEqual([1, 2, 3]);
    // Width: the visible length with the leading edge, without the trailing one.
    expect(lines.map((l) => l.width)).toEqual([2, 2, 1]);
  });

  it("counts words on the match form of a short line and on the text of a long one", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }), (pieces) => {
        const [line] = splitLines(`${pieces.join("")}\n`).lines;
        const mf = matchForm(line!.text);
        const expected = line!.text.length > EAGER_MATCH_FORM_CHARS ? referenceWords(line!.text) : mf === "" ? 0 : mf.split(" ").length;
        expect(line!.words).toBe(expected);
        expect(line!.mf).toBe(mf);
        // A long line's form is not folded when it is split: it reports every flag (it may hold anything).
        expect(line!.flags).toBe(line!.text.length > EAGER_MATCH_FORM_CHARS ? ALL_CHAR_FLAGS : charFlags(mf));
        // A long line's first word is read from a window of its start, or from the whole line when the window cut it.
        expect(line!.first).toBe(mf.split(/[ :/]/u)[0]!);
      }),
      { numRuns: 300 },
    );
  });

  it("reads a long line's first word whole, however many units before it fold away", () => {
    // 42 tatweels and a 50-letter token: a 48-unit window of the text ends inside the first word.
    const padded = `${"ـ".repeat(42)}الوسوم-${"ا".repeat(300)} نص`;
    expect(splitLines(padded).lines[0]!.first).toBe(`الوسوم-${"ا".repeat(300)}`);
    const token = `${"ب".repeat(50)} ${"كلمة ".repeat(80)}`;
    expect(splitLines(token).lines[0]!.first).toBe("ب".repeat(50));
    expect(splitLines(`المصدر: ${"كلمة ".repeat(80)}`).lines[0]!.first).toBe("المصدر");
  });

  it("counts the words of a line past the eager match-form length", () => {
    const long = `${"كلمة ".repeat(80)}  و\u00a0نهاية`;
    const [line] = splitLines(long).lines;
    expect(line!.words).toBe(82);
    const spacesOnly = ` ${"كلمة  ".repeat(70)}`;
    expect(splitLines(spacesOnly).lines[0]!.words).toBe(70);
  });

  it("refuses a text with more lines than its heap budget, a content line costing more than a blank one", () => {
    const refused = (text: string, budget: number): number => {
      try {
        splitLines(text, budget);
      } catch (err) {
        expect(err).toBeInstanceOf(DumpTooBigError);
        return (err as DumpTooBigError).lines;
      }
      return -1;
    };
    const MB = 1 << 20;
    // The budget less 8 B a unit of the text, then 256 B a blank line and 512 B a line with text.
    expect(refused("\n".repeat(5000), MB)).toBe(Math.floor((MB - 8 * 5000) / 256));
    expect(refused("سطر\n".repeat(5000), MB)).toBe(Math.floor((MB - 8 * 20_000) / 512));
    expect(refused("\n".repeat(5000), 2 * MB)).toBe(-1);
    // A text whose units alone are over the budget is refused at its first line.
    expect(refused("x".repeat(200_000), MB)).toBe(0);
    // Past the most lines a dump may have, whatever the heap.
    expect(() => splitLines("سطر\n".repeat(101), MB, 100)).toThrow(expect.objectContaining({ limit: "lines", lines: 100 }));
    expect(splitLines("سطر\n".repeat(100), MB, 100).lines).toHaveLength(100);
    expect(() => splitLines("\n".repeat(5000), MB)).toThrow(expect.objectContaining({ limit: "memory" }));
  });

  it("splits 100k lines, and the same text again after a refusal midway", () => {
    const text = Array.from({ length: 100_000 }, (_, i) => (i % 3 === 1 ? "" : `سطر رقم ${i}`)).join("\n");
    const view = (t: string) => splitLines(t).lines.map((l) => `${l.n}|${l.text}|${l.mf}|${l.first}|${l.words}|${l.width}`);
    const first = view(text);
    expect(first).toHaveLength(100_000);
    expect(first[99_997]).toBe(`99998||||0|0`);
    expect(first[99_999]).toBe(`100000|سطر رقم 99999|سطر رقم 99999|سطر|3|13`);
    // A budget for the text's units and ~20k lines: the split stops partway, after adding forms to the batch.
    expect(() => splitLines(text, 8 * text.length + 20_000 * 512)).toThrow(expect.objectContaining({ limit: "memory", lines: expect.any(Number) }));
    expect(view(text)).toEqual(first);
    expect(view("أ\nب ت")).toEqual(["1|أ|ا|ا|1|1", "2|ب ت|ب ت|ب|2|3"]);
  });

  it("checkDumpSize counts line breaks by search, before any split, each at least a blank line's cost", () => {
    const MB = 1 << 20;
    const refusedAt = (text: string, budget: number) => {
      try {
        checkDumpSize(text, budget);
        return -1;
      } catch (err) {
        expect(err).toBeInstanceOf(DumpTooBigError);
        return (err as DumpTooBigError).lines;
      }
    };
    // \n, \r\n and a lone \r are one line break each.
    const budget = 8 * 30_000 + 256 * 10_000;
    expect(refusedAt("\n".repeat(10_000), budget + 8 * 10_000)).toBe(-1);
    expect(refusedAt("\r\n".repeat(10_000), budget - 8 * 10_000 + 16 * 10_000)).toBe(-1);
    expect(refusedAt("\r".repeat(10_001), 8 * 10_001 + 256 * 10_000)).toBe(10_000);
    expect(refusedAt("x".repeat(1000), 7999)).toBe(0);
    expect(refusedAt("x\n".repeat(10), Infinity)).toBe(-1);
    expect(() => checkDumpSize("\n".repeat(MAX_DUMP_LINES + 1), Number.MAX_SAFE_INTEGER)).toThrow(expect.objectContaining({ limit: "lines" }));
    expect(formatBytes(48 * MB)).toBe("48 MiB");
    expect(formatBytes(3.2 * 1024 * MB)).toBe("3.2 GiB");
  });

  it("reads back the match forms of a big dump in several pieces, each line's form still its own", () => {
    // ~4M units of forms: past the batch's piece size several times.
    const line = "قالَ المتحدثُ باسم الحكومة إنّ الاجتماع سيُعقد غداً في طرابلس";
    const text = Array.from({ length: 60_000 }, (_, i) => `${line} ${i}`).join("\n");
    const { lines } = splitLines(text);
    expect(lines).toHaveLength(60_000);
    for (const k of [0, 1, 17_000, 17_001, 33_333, 59_999]) {
      const l = lines[k]!;
      expect(l.mf).toBe(matchForm(`${line} ${k}`));
      expect(l.first).toBe("قال");
    }
    expect(lines.every((l) => l.words === 11)).toBe(true);
  });
});

describe("bulletLength", () => {
  it("lets through every unit a bullet or number can start with (it rules the rest out before the expression)", () => {
    for (let c = 0; c < 0x10000; c++) {
      for (const rest of [" خبر", ") خبر", "- خبر"]) {
        const s = String.fromCharCode(c) + rest;
        if (BULLET.exec(s) && bulletLength(s) === 0) expect({ unit: c.toString(16), s }).toBe("a bullet");
      }
    }
    expect(bulletLength("• خبر")).toBe(2);
    expect(bulletLength("۳. خبر")).toBe(3);
    expect(bulletLength("(2) خبر")).toBe(4);
    expect(bulletLength("خبر")).toBe(0);
  });
});

