import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBuffer, looksBinary, repairText } from "../../src/encoding/index.js";
import { repairSigns } from "../../src/encoding/signs.js";
import { streamed } from "../helpers/stream.js";
import { asCp1256Mojibake, asIsoLatin1Mojibake, asLatin1Mojibake, asLegacyCp1256, asLossy1252Mojibake } from "./corrupt.js";

/** News vocabulary, including the letters that look like mojibake leads (ط ظ ع غ آ أ) next to ، ؛ ؟. */
const ARABIC_WORDS = [
  "في", "من", "على", "إلى", "أن", "التي", "الذي", "قال", "الوزير", "الحكومة", "فقط", "ضغط", "ربط", "خط", "ظل",
  "عظيم", "غزة", "آخر", "أطلق", "الطاقة", "النفط", "مصر", "العراق", "المغرب", "الشرطة", "طهران", "ظهر", "عام",
  "مؤتمر", "سئل", "إضافة", "ـ", "٢٠٢٥", "الأربعاء", "وقالت", "الاقتصاد", "شركة", "البنك", "الدولار",
];
const PERSIAN_URDU_WORDS = ["پژوهش", "چگونه", "ژاله", "گزارش", "کتاب", "یک", "است", "ہے", "کے", "ٹیم", "ڈرامہ", "بڑا", "نے"];
const LATIN_WORDS = [
  "café", "Müller", "São", "Paulo", "naïve", "Ça", "été", "ÉTÉ", "Øresund", "Ærø", "Ñandú", "Ångström", "façade",
  "Reuters", "AFP", "CNN", "2025", "AT&T", "S&P", "Straße", "Gdańsk", "Þór", "à", "où", "Ö", "résumé", "Zürich",
];
const PUNCT = [" ", " ", " ", "، ", "؛ ", "؟ ", ". ", ", ", ": ", " (", ") ", " «", "» ", ' "', '" ', " – ", " — ", "… ", "\n", "\n\n", " & ", "\u00A0"];

const clean = (words: string[]) =>
  fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...PUNCT)), { minLength: 1, maxLength: 40 }).map((parts) => parts.map(([w, p]) => w + p).join(""));

/** Arabic-only prose of at least two words per line, every character held by Windows-1256 and ISO-8859-6. */
const arabicProse = fc
  .array(fc.constantFrom(...ARABIC_WORDS.filter((w) => !/[٠-٩]/.test(w) && w !== "ـ")), { minLength: 8, maxLength: 40 })
  .map((words) => words.join(" ") + ".");

/**
 * Arabic lines of 2+ words, for mojibake: each line must carry evidence enough to be repaired on its own.
 * No Arabic-Indic digits: Windows-1256 has none, so legacy text cannot hold them.
 */
const arabicLines = fc
  .array(fc.array(fc.constantFrom(...ARABIC_WORDS.filter((w) => w.length >= 2 && !/[٠-٩]/.test(w))), { minLength: 2, maxLength: 12 }), { minLength: 1, maxLength: 5 })
  .map((lines) => lines.map((words) => words.join(" ")).join("\n"));

describe("properties", () => {
  it("decodeBuffer and looksBinary never throw, whatever the bytes and the encoding", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.constantFrom("auto", "utf-8", "utf-16", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6", "shift_jis", "bogus"), (bytes, encoding) => {
        const decoded = decodeBuffer(bytes, encoding);
        expect(typeof decoded.text).toBe("string");
        expect(decoded.text.includes("\0")).toBe(false);
        expect(new Set(decoded.repairs).size).toBe(decoded.repairs.length);
        looksBinary(bytes);
        repairText(decoded.text);
      }),
      { numRuns: 300 },
    );
  });

  it("a stream cut anywhere decodes like the whole buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.array(fc.nat({ max: 600 }), { maxLength: 8 }), (bytes, rawCuts) => {
        const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const { text, decoder } = streamed(bytes, cuts);
        const whole = decodeBuffer(bytes);
        expect(text).toBe(whole.text);
        expect(decoder.encoding).toBe(whole.encoding);
        expect(decoder.repairs).toEqual(whole.repairs);
        expect(decoder.warnings).toEqual(whole.warnings);
      }),
      { numRuns: 300 },
    );
  });

  it("repairText never changes clean text: Arabic, Persian, Urdu, accented Latin, punctuation, mixed", () => {
    fc.assert(
      fc.property(clean([...ARABIC_WORDS, ...PERSIAN_URDU_WORDS, ...LATIN_WORDS]), (text) => {
        expect(repairText(text)).toEqual({ text, repairs: [], warnings: [] });
      }),
      { numRuns: 500 },
    );
  });

  it("clean UTF-8 text, in bytes, decodes to itself", () => {
    fc.assert(
      fc.property(clean([...ARABIC_WORDS, ...PERSIAN_URDU_WORDS, ...LATIN_WORDS]), (text) => {
        const decoded = decodeBuffer(Buffer.from(text, "utf8"));
        expect(decoded).toEqual({ text, encoding: "utf-8", repairs: [], warnings: [], signs: decoded.signs });
        // The repair signs read while decoding are the ones repairText would find by its own scan.
        expect(decoded.signs).toBe(repairSigns(text));
      }),
      { numRuns: 200 },
    );
  });

  it("Arabic prose encoded as Windows-1256 (or ISO-8859-6, or UTF-16) is detected and decoded back", () => {
    fc.assert(
      fc.property(arabicProse, fc.constantFrom("windows-1256", "iso-8859-6", "utf-16le", "utf-16be"), (text, encoding) => {
        expect(decodeBuffer(iconv.encode(text, encoding))).toMatchObject({ text, encoding });
      }),
      { numRuns: 400 },
    );
  });

  it("mojibaked text is repaired back to the text", () => {
    const corruptions: [string, (t: string) => string][] = [
      ["mojibake-cp1256", asCp1256Mojibake],
      ["mojibake-latin1", asLatin1Mojibake],
      ["mojibake-latin1", asIsoLatin1Mojibake],
      ["mojibake-latin1", asLossy1252Mojibake],
      ["mojibake-latin1", (t) => asLatin1Mojibake(asLatin1Mojibake(t))],
      ["mojibake-cp1256", (t) => asCp1256Mojibake(asCp1256Mojibake(t))],
      ["legacy-cp1256", asLegacyCp1256],
    ];
    fc.assert(
      fc.property(arabicLines, fc.constantFrom(...corruptions), (text, [repair, corrupt]) => {
        const repaired = repairText(corrupt(text));
        expect(repaired.text).toBe(text);
        expect(repaired.repairs).toEqual([repair]);
      }),
      { numRuns: 500 },
    );
  });
});
