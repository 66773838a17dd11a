import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBuffer, StreamDecoder } from "../../src/encoding/index.js";
import { unmark, unmarkDump } from "../../src/encoding/marks.js";
import { streamed, streamedReusing } from "../helpers/stream.js";
import { PROSE, utf8 } from "./corrupt.js";


/** Every single cut and every pair of cuts — every way a character (up to 4 bytes) or a BOM can be split. */
function* cutsOf(length: number): Generator<number[]> {
  for (let a = 0; a <= length; a++) {
    yield [a];
    for (let b = a + 1; b <= Math.min(length, a + 4); b++) yield [a, b];
  }
}

describe("StreamDecoder splits characters at every byte boundary", () => {
  const sample = "أ😀ب\r\né€ﻻ";
  const forms: [string, Uint8Array, string | undefined, string, string[]][] = [
    ["utf-8", utf8(sample), undefined, "utf-8", []],
    ["utf-8 with BOM", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(sample)]), undefined, "utf-8", ["bom"]],
    ["utf-8 with BOM, explicit", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(sample)]), "utf-8", "utf-8", ["bom"]],
    ["utf-8, explicit", utf8(sample), "utf-8", "utf-8", []],
    ["utf-16le with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, "utf16le")]), undefined, "utf-16le", ["bom"]],
    ["utf-16be with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(sample, "utf16le").swap16()]), undefined, "utf-16be", ["bom"]],
    ["utf-16le, explicit", Buffer.from(sample, "utf16le"), "utf-16le", "utf-16le", []],
    ["utf-16be, explicit", Buffer.from(sample, "utf16le").swap16(), "utf-16be", "utf-16be", []],
  ];
  for (const [label, bytes, encoding, expected, repairs] of forms) {
    it(label, () => {
      for (const cuts of cutsOf(bytes.length)) {
        const { text, decoder } = streamed(bytes, cuts, encoding);
        expect(text, `cuts ${cuts}`).toBe(sample);
        expect(decoder.encoding).toBe(expected);
        expect(decoder.repairs).toEqual(repairs);
        // The caller may reuse its buffer once write returns: the decoder keeps copies, not views.
        const reused = streamedReusing(bytes, cuts, encoding);
        expect(reused.text, `cuts ${cuts}, one buffer reused`).toBe(sample);
        expect(reused.decoder.repairs).toEqual(repairs);
      }
    });
  }

  it("windows-1256 and iso-8859-6, explicit", () => {
    for (const encoding of ["windows-1256", "iso-8859-6"]) {
      const bytes = iconv.encode(PROSE[0]!, encoding);
      for (const cuts of cutsOf(12)) expect(streamed(bytes, cuts, encoding).text).toBe(PROSE[0]);
    }
  });

  it("iconv-lite's decoders, through one reused buffer (UTF-32's detection keeps the chunks it is given)", () => {
    for (const encoding of ["utf-32", "utf-32le", "windows-1256", "iso-8859-6"]) {
      const bytes = iconv.encode(PROSE[0]!, encoding === "utf-32" ? "utf-32le" : encoding);
      const everyFour = Array.from({ length: Math.floor(bytes.length / 4) }, (_, k) => 4 * (k + 1));
      for (const cuts of [everyFour, [1, 2, 3], [5]]) expect(streamedReusing(bytes, cuts, encoding).text, `${encoding}, cuts ${cuts.length}`).toBe(PROSE[0]);
    }
  });

  it("a decoder whose end() gives no string (CESU-8's gives 0) adds nothing", () => {
    const bytes = Buffer.from("ab\nسطر", "utf8");
    expect(streamed(bytes, [3], "cesu8").text).toBe("ab\nسطر");
    expect(decodeBuffer(bytes, "cesu8").text).toBe("ab\nسطر");
  });
});

describe("StreamDecoder agrees with decodeBuffer", () => {
  const text = PROSE.join("\n\n") + "\n";
  const inputs: [string, Uint8Array][] = [
    ["utf-8", utf8(text)],
    ["windows-1256", iconv.encode(text, "windows-1256")],
    ["iso-8859-6", iconv.encode(text, "iso-8859-6")],
    ["utf-16le without BOM", Buffer.from(text, "utf16le")],
    ["big windows-1256 (more than the 64 KiB sniffed)", iconv.encode(text.repeat(200), "windows-1256")],
    ["64 KiB of ASCII, then Windows-1256", iconv.encode("x".repeat(70_000) + "\n" + text, "windows-1256")],
    ["utf-16le: a real U+FFFD, a lone surrogate, CRLF", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("سطر\r\n\uFFFD نص\r\n", "utf16le"), Buffer.from([0x00, 0xd8]), Buffer.from("\r\n\uFFFD\0", "utf16le"), Buffer.from([0x41])])],
    ["invalid bytes and NULs on known lines", Buffer.concat([utf8("سطر\r\n"), Buffer.from([0xff]), utf8("\r"), utf8("نص\0\n"), Buffer.from([0xc3]), utf8("\uFFFD")])],
  ];
  for (const [label, bytes] of inputs) {
    it(label, () => {
      const whole = decodeBuffer(bytes);
      for (const size of [1, 2, 3, 7, 4096, 65_536, 1 << 20]) {
        const cuts = Array.from({ length: Math.ceil(bytes.length / size) - 1 }, (_, i) => (i + 1) * size);
        const { text: got, decoder } = streamed(bytes, cuts);
        expect(got).toBe(whole.text);
        expect(decoder.encoding).toBe(whole.encoding);
        expect(decoder.repairs).toEqual(whole.repairs);
        expect(decoder.warnings).toEqual(whole.warnings);
      }
    });
  }

  it("reports invalid bytes and NULs on the right lines", () => {
    const bytes = Buffer.concat([utf8("سطر\r\n"), Buffer.from([0xff]), utf8("\r"), utf8("نص\0\n"), Buffer.from([0xc3]), utf8("\uFFFD")]);
    const { decoder } = streamed(bytes, [5, 6, 7]);
    expect(decoder.warnings.map((w) => [w.code, w.line])).toEqual([
      ["invalid-bytes", 2],
      ["invalid-bytes", 4],
      ["nul", 3],
    ]);
  });

  it("says auto until it has seen the bytes, then the encoding", () => {
    const decoder = new StreamDecoder();
    expect(decoder.encoding).toBe("auto");
    expect(decoder.write(iconv.encode(PROSE[0]!, "windows-1256"))).toBe("");
    expect(decoder.end()).toBe(PROSE[0]);
    expect(decoder.encoding).toBe("windows-1256");
  });

  it("gives text before the end once 64 KiB are in", () => {
    const decoder = new StreamDecoder();
    const out = decoder.write(utf8(PROSE[0]!.repeat(1000)));
    expect(out.length).toBeGreaterThan(0);
    expect(decoder.encoding).toBe("utf-8");
  });

  it("ignores writes after end, copies the chunks it holds", () => {
    const decoder = new StreamDecoder("auto");
    const chunk = utf8("نص");
    decoder.write(chunk);
    chunk.fill(0x41);
    expect(decoder.end()).toBe("نص");
    expect(decoder.write(utf8("x"))).toBe("");
    expect(decoder.end()).toBe("");
  });
});

describe("UTF-16BE", () => {
  it("decodes like the platform's own UTF-16BE decoder, cut anywhere", async () => {
    const { default: fc } = await import("fast-check");
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.array(fc.nat({ max: 64 }), { maxLength: 5 }), (bytes, rawCuts) => {
        const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        // A leading byte-order mark is stripped (repair `bom`), NUL characters deleted (repair `nul`).
        const body = bytes[0] === 0xfe && bytes[1] === 0xff ? bytes.subarray(2) : bytes;
        expect(streamed(bytes, cuts, "utf-16be").text).toBe(new TextDecoder("utf-16be", { ignoreBOM: true }).decode(body).replace(/\0/g, ""));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("UTF-8", () => {
  it("decodes like TextDecoder on the whole input, cut anywhere, well-formed or not", async () => {
    const { default: fc } = await import("fast-check");
    // Mostly Arabic text with, sometimes, arbitrary bytes spliced in (the slow path must take over cleanly).
    const input = fc
      .tuple(fc.string({ unit: "grapheme", maxLength: 40 }), fc.uint8Array({ maxLength: 6 }), fc.string({ maxLength: 20 }), fc.boolean())
      .map(([a, junk, b, withJunk]) => {
        const parts = [Buffer.from(`الخبر ${a}`, "utf8"), withJunk ? Buffer.from(junk) : Buffer.alloc(0), Buffer.from(`${b} نهاية`, "utf8")];
        return new Uint8Array(Buffer.concat(parts));
      });
    fc.assert(
      fc.property(input, fc.array(fc.nat({ max: 200 }), { maxLength: 6 }), (bytes, rawCuts) => {
        const cuts = [...new Set(rawCuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const whole = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).replace(/\0/g, "");
        expect(streamed(bytes, cuts, "utf-8").text).toBe(whole);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("StreamDecoder with marks (record streams)", () => {
  it("marks each NUL and each invalid sequence where it was, never an encoded U+FFFD, wherever the chunks are cut", () => {
    // A literal U+FFFD (EF BF BD) right after an invalid byte (C3), so a cut inside either must still tell them apart.
    const bytes = Buffer.concat([utf8("سطر\r\n"), Buffer.from([0xff]), utf8("\r"), utf8("نص\0\n"), Buffer.from([0xc3]), utf8("\uFFFD\uFDD1")]);
    const whole = decodeBuffer(bytes);
    for (const cuts of cutsOf(bytes.length)) {
      const { text, decoder } = streamed(bytes, cuts, "auto", { marks: true });
      expect(unmark(text), `cuts ${cuts}`).toBe(whole.text);
      expect(unmarkDump(text), `cuts ${cuts}`).toEqual({ text: "سطر\r\n\uFFFD\rنص\0\n\uFFFD\uFFFD\uFDD1", invalid: [[2, 1], [4, 1]] });
      expect(decoder.marked).toBe(true);
    }
  });
});
