import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { repairText } from "../../src/encoding/index.js";
import { decodeEntities } from "../../src/encoding/entities.js";
import { joinLines, RepairLog, splitLines } from "../../src/encoding/lines.js";
import { foldPresentationForms } from "../../src/encoding/presentationForms.js";
import { asCp1256Mojibake, PROSE } from "./corrupt.js";

describe("presentation forms", () => {
  it.each([
    ["\uFE8D\uFEDF\uFEA8\uFE92\uFEAE", "الخبر"],
    ["\uFEFB \uFEF7", "لا لأ"],
    ["\uFDF2", "الله"],
    ["\uFB56\uFB8A", "پژ"],
  ])("%s → %s", (input, output) => {
    expect(repairText(input)).toMatchObject({ text: output, repairs: ["presentation-forms"] });
  });

  it("folds nothing else with NFKC", () => {
    const input = "\uFE8D\uFEDF ﬁ ２ ¹ ﻿ ℡ ‍ ّ";
    expect(repairText(input).text).toBe("ال ﬁ ２ ¹ ﻿ ℡ ‍ ّ");
  });

  it("reports its lines", () => {
    expect(repairText("نص\n\uFEFB\nنص").warnings).toEqual([
      { line: 2, code: "presentation-forms", message: "Arabic presentation forms folded (NFKC) on line 2" },
    ]);
  });
});

describe("NUL characters", () => {
  it("are deleted from strings", () => {
    expect(repairText("ال\0خبر\n\0نص")).toMatchObject({
      text: "الخبر\nنص",
      repairs: ["nul"],
      warnings: [{ line: 1, code: "nul", message: "NUL characters deleted on lines 1-2" }],
    });
  });
});

describe("several repairs at once", () => {
  const text = ["ع\0نوان", asCp1256Mojibake(PROSE[0]!), "&quot;\uFEFB&quot;", asCp1256Mojibake(PROSE[1]!) + " &amp;"].join("\n");
  const repaired = repairText(text);

  it("applies them in order: nul, mojibake, entities, presentation forms", () => {
    expect(repaired.text).toBe(["عنوان", PROSE[0], '"لا"', PROSE[1] + " &"].join("\n"));
    expect(repaired.repairs).toEqual(["nul", "mojibake-cp1256", "html-entities", "presentation-forms"]);
  });

  it("names each repair once, with one warning each, on its first line", () => {
    expect(repaired.warnings.map((w) => [w.code, w.line])).toEqual([
      ["nul", 1],
      ["mojibake-cp1256", 2],
      ["html-entities", 3],
      ["presentation-forms", 3],
    ]);
    expect(repaired.warnings[1]!.message).toBe("mojibake (UTF-8 read as Windows-1256) repaired on lines 2, 4");
  });

  it("folds presentation forms that entities bring", () => {
    expect(repairText("&#65275;")).toMatchObject({ text: "لا", repairs: ["html-entities", "presentation-forms"] });
  });
});

describe("robustness", () => {
  it("returns clean text as the very same string", () => {
    const text = PROSE.join("\n");
    const repaired = repairText(text);
    expect(repaired.text).toBe(text);
    expect(repaired.repairs).toEqual([]);
  });

  it("does not throw on lone surrogates, odd controls or non-strings", () => {
    for (const input of ["\uD800ط§\uDC00", "\u0085\u2028\u2029\uFFFF", "Ø\uD83D", ""]) expect(() => repairText(input)).not.toThrow();
    expect(repairText(undefined as unknown as string).text).toBe("");
    expect(repairText(42 as unknown as string).text).toBe("42");
  });

  it("lists many lines in a short message", () => {
    const lines = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? "&amp;" : "نص"));
    const [warning] = repairText(lines.join("\n")).warnings;
    expect(warning!.message).toBe("HTML entities decoded on lines 1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, … (100 lines in all)");
  });

  it("stays linear on a 5 MB line of mojibake", () => {
    const line = asCp1256Mojibake(PROSE.join(" ")).repeat(Math.ceil(5_000_000 / 600));
    const started = Date.now();
    const repaired = repairText(line);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(repaired.text.startsWith(PROSE[0]!)).toBe(true);
  });

  it("stays fast on a 5 MB line of clean text", () => {
    const line = (PROSE.join(" ") + " فقط، café ").repeat(Math.ceil(5_000_000 / 600));
    const started = Date.now();
    expect(repairText(line).text).toBe(line);
    expect(Date.now() - started).toBeLessThan(3000);
  });
});

describe("entities and presentation forms only", () => {
  /** The passes as repairText ran them on every line before lines were found by search: the reference. */
  function everyLine(text: string): { text: string; repairs: string[]; warnings: unknown[] } {
    const split = splitLines(text);
    const log = new RepairLog();
    const entityLines: number[] = [];
    for (let i = 0; i < split.lines.length; i++) {
      const fixed = decodeEntities(split.lines[i]!);
      if (fixed === null) continue;
      split.lines[i] = fixed;
      log.add("html-entities", i + 1);
      entityLines.push(i + 1);
    }
    for (let i = 0; i < split.lines.length; i++) {
      const fixed = foldPresentationForms(split.lines[i]!);
      if (fixed === null) continue;
      split.lines[i] = fixed;
      log.add("presentation-forms", i + 1);
    }
    if (log.repairs.length === 0) return { text, repairs: [], warnings: [] };
    return { text: joinLines(split), repairs: log.repairs, warnings: log.warnings() };
  }

  const PIECES = ["الخبر", "في", " ", " ", "AT&T", "&amp;", "&quot;", "&#65165;", "&#x627;", "&nbsp;", "&bogus;", "&", "ﺍﻟﺨﺒﺮ", "ﻻ", "\n", "\r\n", "\r", "\n\n", "S&P 500", "&#1575;"];

  it("gives what the passes over every line give: text, repairs, warnings and their lines", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60, size: "max" }), (pieces) => {
        const text = pieces.join("");
        expect(repairText(text)).toEqual(everyLine(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("logs every entity line before any form line, as the passes did", () => {
    const r = repairText("ﺍﻟﺨﺒﺮ\nنص\r\nAT&amp;T &#65165;\rآخر");
    expect(r.repairs).toEqual(["html-entities", "presentation-forms"]);
    expect(r.text).toBe("الخبر\nنص\r\nAT&T ا\rآخر");
    expect(r.warnings.map((w) => w.line)).toEqual([3, 1]);
  });
});
