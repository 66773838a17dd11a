/**
 * Property tests (fast-check) of the whole pipeline: on random Arabic-heavy text, random bytes, and random
 * mixtures of the fixture lines, parsing never throws, every document validates against the schema, and the
 * no-loss invariant holds.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeBuffer, repairText } from "../src/encoding/index.js";
import { parse, parseBuffer } from "../src/index.js";
import { fixtureCases } from "./helpers/fixtures.js";
import { lossProblems } from "./helpers/invariants.js";
import { schemaErrors } from "./helpers/schema.js";

/** More runs on demand: FC_RUNS=5000 npx vitest run test/properties.test.ts */
const RUNS = Number(process.env.FC_RUNS ?? 300);

const WORDS = [
  "الحكومة", "وزير", "الخارجية", "أعلن", "في", "من", "على", "إلى", "الرئيس", "مصر", "غزة", "بيروت", "اليوم", "قال", "إن",
  "إقرأ", "أيضاً:", "المصدر:", "كلمات", "دلالية:", "مقالات", "مشابهة", "للمزيد", "اقرأ", "المزيد", "كتب:", "بقلم",
  "•", "-", "1-", "١)", "—", "(@handle)", "March", "3,", "2025", "٣", "آذار", "٢٠٢٥", "https://t.co/abc", "x.com/a/status/1",
  "مباشر", "A+", "A-", "00:00", "/", "34°C", "©", "شارك", "تابعونا", "«", "»", "\"", ".", "؟", "!", ":", "،", "…",
  "ـ", "\u064b", "\u200f", "\u00a0", "ﻻ", "&amp;", "Russia", "launches", "the", "news",
];

const line = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 25 }).map((ws) => ws.join(" "));
const dump = fc
  .array(fc.tuple(line, fc.constantFrom("\n", "\n\n", "\r\n", "\r", "\n\n\n")), { maxLength: 40 })
  .map((parts) => parts.map(([l, sep]) => l + sep).join(""));

function checkDocument(text: string) {
  const doc = parse(text, { explain: true });
  expect(schemaErrors(doc)).toEqual([]);
  expect(lossProblems(doc, repairText(text).text)).toEqual([]);
}

describe("pipeline properties", () => {
  it("random Arabic-heavy dumps: no throw, schema-valid, no line lost", () => {
    fc.assert(fc.property(dump, checkDocument), { numRuns: RUNS });
  });

  it("random strings: no throw, schema-valid, no line lost", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme", maxLength: 400 }), checkDocument), { numRuns: RUNS });
  });

  it("random bytes: parseBuffer never throws and the document validates", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const doc = parseBuffer(bytes, { explain: true });
        expect(schemaErrors(doc)).toEqual([]);
        expect(lossProblems(doc, repairText(decodeBuffer(bytes).text).text)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  const fixtureLines = fixtureCases()
    .flatMap((c) => c.input.toString("utf8").split("\n"))
    .filter((l) => l.trim() !== "");

  it("random mixtures of fixture lines: no throw, schema-valid, no line lost", () => {
    const mixture = fc
      .array(fc.tuple(fc.constantFrom(...fixtureLines), fc.constantFrom("\n", "\n\n")), { maxLength: 50 })
      .map((parts) => parts.map(([l, sep]) => l + sep).join(""));
    fc.assert(fc.property(mixture, checkDocument), { numRuns: RUNS });
  });
});
