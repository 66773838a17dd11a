/**
 * The fast UTF-8 path: equal to TextDecoder on well-formed input, and null (never a different text) otherwise.
 * Both ways it decodes: Node's transcoder (what runs here) and the JavaScript loop (Node builds without ICU).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairSigns } from "../../src/encoding/signs.js";
import { decodedSigns, decodeInJs, decodeWellFormedUtf8 } from "../../src/encoding/utf8.js";

const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

describe.each([
  ["decodeWellFormedUtf8", (bytes: Uint8Array) => decodeWellFormedUtf8(bytes)],
  ["decodeInJs", decodeInJs],
])("%s", (_, decodeWellFormedUtf8) => {
  it("decodes any well-formed text exactly as TextDecoder does (BOM kept, astral characters too)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (s) => {
        const bytes = Buffer.from(`\uFEFF${s}الخبر`, "utf8");
        expect(decodeWellFormedUtf8(bytes)).toBe(decoder.decode(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it("gives null or TextDecoder's own text for arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const fast = decodeWellFormedUtf8(bytes);
        if (fast !== null) expect(fast).toBe(decoder.decode(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["a stray continuation byte", [0x61, 0x80]],
    ["a truncated two-byte sequence", [0xd8]],
    ["a truncated three-byte sequence", [0xe2, 0x80]],
    ["an overlong encoding", [0xc0, 0xaf]],
    ["an overlong three-byte encoding", [0xe0, 0x80, 0xaf]],
    ["a surrogate", [0xed, 0xa0, 0x80]],
    ["a code point past U+10FFFF", [0xf4, 0x90, 0x80, 0x80]],
    ["a byte that never starts a sequence", [0xff]],
  ])("gives null on %s", (_, bytes) => {
    expect(decodeWellFormedUtf8(new Uint8Array(bytes))).toBe(null);
  });

  it("decodes an input bigger than its reused buffer", () => {
    const big = Buffer.from("خبر ".repeat(100_000), "utf8");
    expect(decodeWellFormedUtf8(big)).toBe(decoder.decode(big));
    expect(decodeWellFormedUtf8(Buffer.from("ok"))).toBe("ok");
  });

  it("leaves a very big input to TextDecoder (no second copy beside the string)", () => {
    expect(decodeWellFormedUtf8(new Uint8Array(16 * 1024 * 1024 + 1).fill(0x61))).toBe(null);
  });

  it("reads the same repair signs as a scan of the decoded text", () => {
    // Characters that make or break each sign: NUL, &, presentation forms, mojibake pairs, U+FFFD, astral.
    const alphabet = ["\0", "&", "ﺍ", "ﻻ", "ط", "ظ", "§", "„", "Ø", "Ù", "§", "Ã", "©", "\uFFFD", "😀", "ا", "a", " ", "\n", "«"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 30 }), (chars) => {
        const text = chars.join("");
        const decoded = decodeWellFormedUtf8(Buffer.from(text, "utf8"));
        expect(decoded).toBe(text);
        expect(decodedSigns()).toBe(repairSigns(text));
      }),
      { numRuns: 3000 },
    );
  });
});


describe("decodeWellFormedUtf8's signs", () => {
  it("are read for the text just decoded, and left as they were when the caller does not want them", () => {
    expect(decodeWellFormedUtf8(Buffer.from("a&b"))).toBe("a&b");
    const amp = decodedSigns();
    expect(amp).toBe(repairSigns("a&b"));
    expect(decodeWellFormedUtf8(Buffer.from("نص"), false)).toBe("نص");
    expect(decodedSigns()).toBe(amp);
    expect(decodeWellFormedUtf8(Buffer.from("نص"))).toBe("نص");
    expect(decodedSigns()).toBe(0);
  });
});
