/**
 * The encoding fixtures (written by test/gen/encodings.mjs from one clean dump) must give the clean dump's
 * document: the same article, lists and drops, whatever the bytes — only `input.encoding`, `input.repairs`
 * and `warnings` may say how they arrived. And UTF-8 text encoded to Windows-1256 parses to the same document.
 */
import fc from "fast-check";
import iconv from "iconv-lite";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, parseBuffer } from "../src/index.js";
import { FIXTURES_DIR, fixtureCases } from "./helpers/fixtures.js";

const clean = JSON.parse(readFileSync(join(FIXTURES_DIR, "enc-clean-utf8", "expected.json"), "utf8"));
const content = (d: { article: unknown; readAlso: unknown; related: unknown; dropped: unknown }) => ({
  article: d.article,
  readAlso: d.readAlso,
  related: d.related,
  dropped: d.dropped,
});

describe("encoding fixtures give the clean document", () => {
  for (const c of fixtureCases().filter((c) => c.name.startsWith("enc-"))) {
    it(c.name, () => {
      const doc = parseBuffer(c.input, { path: "input.txt" });
      if (c.name === "enc-invalid-bytes") {
        // Invalid bytes become U+FFFD, which stays in the text: same shape, marked words.
        expect(doc.article.paragraphs.length).toBe(clean.article.paragraphs.length);
        expect(JSON.stringify(doc.article)).toContain("\ufffd");
        expect(doc.input.repairs).toContain("invalid-bytes");
      } else if (c.name === "enc-mojibake-latin1-lost-bytes") {
        // Its quotes were curled before the bytes were lost: the closing one is lost, one U+FFFD.
        const quoted = JSON.parse(JSON.stringify(content(clean)).replace('\\"ستاندرد آند بورز\\"', "“ستاندرد آند بورز\uFFFD"));
        expect(quoted).not.toEqual(content(clean));
        expect(content(doc)).toEqual(quoted);
      } else {
        expect(content(doc)).toEqual(content(clean));
      }
      expect(doc.input.lines).toBe(clean.input.lines);
      if (c.name !== "enc-clean-utf8") expect(doc.input.encoding !== "utf-8" || doc.input.repairs.length > 0).toBe(true);
    });
  }
});

describe("Windows-1256 round trip", () => {
  // Words whose letters all exist in Windows-1256 (it has no Persian-only letters such as ژ beyond a few).
  const WORDS = ["الحكومة", "وزير", "أعلن", "في", "من", "على", "إلى", "الرئيس", "مصر", "اليوم", "قال", "إن", "المصدر:", "وكالات", "كلمات", "دلالية:", "نفط،", "•", "مقالات", "مشابهة", "إقرأ", "أيضاً:", "2025", ".", "؟", "news"];
  const dump = fc
    .array(fc.tuple(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 20 }), fc.constantFrom("\n", "\n\n")), { minLength: 3, maxLength: 25 })
    .map((parts) => parts.map(([ws, sep]) => ws.join(" ") + sep).join(""));

  it("UTF-8 text encoded to Windows-1256 parses to the same document", () => {
    fc.assert(
      fc.property(dump, (text) => {
        const fromText = parse(text);
        const fromBytes = parseBuffer(iconv.encode(text, "windows-1256"));
        expect(fromBytes.input.encoding).toBe("windows-1256");
        expect(content(fromBytes)).toEqual(content(fromText));
      }),
      { numRuns: 100 },
    );
  });
});
