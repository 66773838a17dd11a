/** The match form, as SPEC §1 defines it. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ALL_CHAR_FLAGS, CharFlag, charFlags, foldOne, foldTable, matchForm, MatchFormBatch, prefixCut } from "../../src/text/matchForm.js";

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

  it("builds in a batch the forms matchForm gives, with their words and first words", () => {
    const batch = new MatchFormBatch();
    const source = " قال  المتحدث\u00a0: نعم \nالنبي ﷺ قال\n\u200f\u064b\nالمصدر/وكالة\n© ٢٠٢٤ Cookie » ﰦل\nزاد ﰷ\n" + "أ".repeat(40_000);
    const ranges: [number, number][] = [];
    let start = 0;
    for (const part of source.split("\n")) {
      ranges.push([start, start + part.length]);
      start += part.length + 1;
    }
    const added = ranges.map(([a, b]) => {
      const at = batch.add(source, a, b);
      return { at, end: batch.end, words: batch.words, firstEnd: batch.firstEnd, flags: batch.flags };
    });
    const forms = batch.finish();
    ranges.forEach(([a, b], k) => {
      const expected = matchForm(source.slice(a, b));
      const got = added[k]!;
      expect(forms.slice(got.at, got.end)).toBe(expected);
      expect(got.words).toBe(expected === "" ? 0 : expected.split(" ").length);
      expect(forms.slice(got.at, got.firstEnd)).toBe(expected.split(/[ :/]/u)[0]);
      expect(got.flags).toBe(charFlags(expected));
    });
    // Digits of any script, a capital K, and the letters a ligature folds to (ﰦ is طح, ﰷ is كا) count.
    expect(added[4]!.flags).toBe(CharFlag.COPYRIGHT | CharFlag.DIGIT | CharFlag.K | CharFlag.CRUMB | CharFlag.TAH);
    expect(added[5]!.flags).toBe(CharFlag.ZAIN | CharFlag.KAF);
    // The expansion of ﷺ holds spaces: they count as words, and the first word ends before them.
    expect(added[1]!.words).toBe(matchForm("النبي ﷺ قال").split(" ").length);
    // A batch is reusable after finish().
    const again = batch.add("اقرأ", 0, 4);
    const end = batch.end;
    expect(again).toBe(0);
    expect(batch.finish().slice(again, end)).toBe("اقرا");
  });

  it("gives each form's flags exactly: the character classes the form holds, ligatures' letters too", () => {
    // Units around every flag, in and out of their classes, presentation forms and ligatures among them.
    const units = [..."0٣۷9a©kKطفزكصل»|/<>‹›«x ", "\u00a0", "\u0640", "\u064b", "\ufdf2", "\ufc26", "\ufc2e", "\ufc37", "\ufeed", "\ufef5", "\ufb8e", "\ufd3e"];
    const batch = new MatchFormBatch();
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...units), { maxLength: 60 }), (picked) => {
        const s = picked.join("");
        batch.add(s, 0, s.length);
        const flags = batch.flags;
        batch.finish();
        expect(flags).toBe(charFlags(matchForm(s)));
      }),
      { numRuns: 500 },
    );
    // A flag is within the classes every line may report.
    expect(charFlags("0©/kطفزك") & ~ALL_CHAR_FLAGS).toBe(0);
    expect(charFlags("0©/kطفزك")).toBe(ALL_CHAR_FLAGS);
  });

  it("folds every one of the 64K units in a batch as matchForm does, with the flags of what it folds to", () => {
    const batch = new MatchFormBatch();
    for (let c = 0; c < 0x10000; c++) {
      // Between letters and after a space, so a space, a dropped unit and a ligature each show their kind.
      const s = `ب${String.fromCharCode(c)}ب ${String.fromCharCode(c)}`;
      const at = batch.add(s, 0, s.length);
      const end = batch.end;
      const flags = batch.flags;
      const expected = matchForm(s);
      const got = batch.finish().slice(at, end);
      if (got !== expected || flags !== charFlags(expected)) expect({ c: c.toString(16), got, flags }).toEqual({ c: c.toString(16), got: expected, flags: charFlags(expected) });
    }
  });

  it("prefixCut finds the same cut as trying every prefix's match form", () => {
    const isCut = (text: string, p: number) => p >= text.length || /[\s:/.…]/u.test(text.charAt(p));
    const bruteForce = (text: string, target: string) => {
      for (let p = 1; p <= text.length; p++) if (isCut(text, p) && matchForm(text.slice(0, p)) === target) return p;
      return -1;
    };
    const pieces = ["المصدر", "اقرأ", "أيضاً", "ـ", " ", "  ", ":", "/", ".", "…", "\u00a0", "\u064b", "ﷺ", "ﻻ", "x"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), fc.nat(40), fc.boolean(), (parts, k, own) => {
        const text = parts.join("");
        const target = own ? matchForm(text).slice(0, k) : matchForm(parts.slice(0, k % 4).join(""));
        expect(prefixCut(text, target, isCut)).toBe(bruteForce(text, target));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the fold table", () => {
  it("is foldOne of every unit, and the NFKC of each presentation form folded again, form by form", () => {
    const t = foldTable();
    const isForm = (c: number) => (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefe && c !== 0xfeff);
    let checked = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (c === 0xfffe || c === 0xffff) {
        expect(t[c]).toBe(0xfffd);
        continue;
      }
      if (!isForm(c)) {
        if (t[c] !== foldOne(c)) expect([c.toString(16), t[c]]).toEqual([c.toString(16), foldOne(c)]);
        checked++;
        continue;
      }
      const ch = String.fromCharCode(c);
      const nfkc = ch.normalize("NFKC");
      const folded = [...nfkc].map((u) => foldOne(u.charCodeAt(0))).filter((f) => f !== 0xffff);
      // One unit: the table holds it; none: dropped; more: an expansion, which matchForm spells out.
      const expected = nfkc === ch ? c : folded.length === 1 ? folded[0] : folded.length === 0 ? 0xffff : 0xfffe;
      if (t[c] !== expected) expect([c.toString(16), t[c]]).toEqual([c.toString(16), expected]);
      if (expected === 0xfffe) expect(matchForm(`ا${ch}ب`)).toBe(`ا${String.fromCharCode(...folded)}ب`.replace(/ +/g, " "));
      checked++;
    }
    expect(checked).toBe(0x10000 - 2);
  });
});
