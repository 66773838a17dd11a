/**
 * The enc-* fixtures (written by test/gen/encodings.mjs from one clean dump) must decode and repair back to
 * that dump; this checks the encoding layer alone, the fixture runner checks whole documents.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeBuffer, looksBinary, repairText } from "../../src/encoding/index.js";

const fixtures = join(import.meta.dirname, "..", "..", "fixtures");
const read = (name: string): Buffer => readFileSync(join(fixtures, name, "input.txt"));
const CLEAN = read("enc-clean-utf8").toString("utf8");

const table: [string, string, string[], string][] = [
  ["enc-clean-utf8", "utf-8", [], CLEAN],
  ["enc-utf8-bom", "utf-8", ["bom"], CLEAN],
  ["enc-utf16le-bom", "utf-16le", ["bom"], CLEAN],
  ["enc-utf16be-bom", "utf-16be", ["bom"], CLEAN],
  ["enc-utf16le-nobom", "utf-16le", [], CLEAN],
  ["enc-windows-1256", "windows-1256", [], CLEAN],
  ["enc-iso-8859-6", "iso-8859-6", [], CLEAN],
  ["enc-crlf", "utf-8", [], CLEAN.replace(/\n/g, "\r\n")],
  ["enc-nul", "utf-8", ["nul"], CLEAN],
  ["enc-invalid-bytes", "utf-8", ["invalid-bytes"], CLEAN.replace("ارتفعت أسع", "ارتفعت أسع\uFFFD").replace("وأضافت مصا", "وأضافت مصا\uFFFD")],
  ["enc-mojibake-cp1256", "utf-8", ["mojibake-cp1256"], CLEAN],
  ["enc-mojibake-latin1", "utf-8", ["mojibake-latin1"], CLEAN],
  ["enc-mojibake-double", "utf-8", ["mojibake-latin1"], CLEAN],
  // The generator curled the quotes of line 5 first: the closing one (E2 80 9D) lost its last byte.
  ["enc-mojibake-latin1-lost-bytes", "utf-8", ["mojibake-latin1"], CLEAN.replace('"ستاندرد آند بورز"', "“ستاندرد آند بورز\uFFFD")],
  ["enc-legacy-cp1256", "utf-8", ["legacy-cp1256"], CLEAN],
  ["enc-half-mojibake", "utf-8", ["mojibake-cp1256"], CLEAN],
  ["enc-html-entities", "utf-8", ["html-entities"], CLEAN],
  ["enc-presentation-forms", "utf-8", ["presentation-forms"], CLEAN],
];

describe("enc-* fixtures", () => {
  it("the clean dump is the one the generator writes", () => {
    expect(CLEAN.split("\n")).toHaveLength(14);
    expect(CLEAN).toContain("المصدر: وكالات\n");
    expect(CLEAN).toContain("كلمات دلالية: اقتصاد، نفط، الخليج\n");
  });

  it.each(table)("%s", (name, encoding, repairs, text) => {
    const bytes = read(name);
    expect(looksBinary(bytes)).toBe(false);
    const decoded = decodeBuffer(bytes);
    const repaired = repairText(decoded.text);
    expect(decoded.encoding).toBe(encoding);
    expect(repaired.text).toBe(text);
    expect([...decoded.repairs, ...repaired.repairs]).toEqual(repairs);
    // Every repair is summarised in a warning, except the BOM (no damage: it raises none).
    expect([...new Set([...decoded.warnings, ...repaired.warnings].map((w) => w.code))]).toEqual(repairs.filter((r) => r !== "bom"));
  });

  it("invalid bytes are reported on their two lines", () => {
    expect(decodeBuffer(read("enc-invalid-bytes")).warnings.map((w) => [w.code, w.line])).toEqual([
      ["invalid-bytes", 3],
      ["invalid-bytes", 7],
    ]);
  });

  it("half-mojibake repairs exactly the lines the generator broke", () => {
    const { warnings } = repairText(decodeBuffer(read("enc-half-mojibake")).text);
    expect(warnings).toEqual([{ line: 5, code: "mojibake-cp1256", message: "mojibake (UTF-8 read as Windows-1256) repaired on lines 5, 7, 11" }]);
  });
});
