import fc from "fast-check";
import iconv from "iconv-lite";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { looksBinary } from "../../src/encoding/index.js";
import { countControls } from "../../src/encoding/binary.js";
import { looksUtf16, sniffBom } from "../../src/encoding/detect.js";
import { noise, PROSE, utf8 } from "./corrupt.js";

const TEXT = PROSE.join("\n\n");

describe("looksBinary", () => {
  const binary: [string, Uint8Array][] = [
    ["a PNG header", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(noise(500))])],
    ["a JPEG", Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from(noise(500))])],
    ["gzip data", gzipSync(utf8(TEXT))],
    ["a ZIP", Buffer.concat([Buffer.from("PK\x03\x04", "latin1"), Buffer.from(noise(300))])],
    ["an ELF executable", Buffer.concat([Buffer.from("\x7fELF", "latin1"), Buffer.from(noise(300))])],
    ["random bytes", noise(4096, 7)],
    ["control bytes", Uint8Array.from({ length: 64 }, (_, i) => (i % 31) + 1)],
  ];
  it.each(binary)("%s is binary", (_label, bytes) => {
    expect(looksBinary(bytes)).toBe(true);
  });

  const text: [string, Uint8Array][] = [
    ["UTF-8 Arabic", utf8(TEXT)],
    ["Windows-1256", iconv.encode(TEXT, "windows-1256")],
    ["ISO-8859-6", iconv.encode(TEXT, "iso-8859-6")],
    ["UTF-16LE with BOM", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")])],
    ["UTF-16BE with BOM", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(TEXT, "utf16le").swap16()])],
    ["UTF-16LE without BOM", Buffer.from(TEXT, "utf16le")],
    ["UTF-16BE without BOM", Buffer.from(TEXT, "utf16le").swap16()],
    ["text with many NUL bytes", Buffer.from([...utf8(TEXT)].flatMap((b) => (b === 0x20 ? [0, 0, b] : [b])))],
    ["only NUL bytes", new Uint8Array(100)],
    ["text with terminal colours", utf8(`\x1b[1m${PROSE[0]}\x1b[0m\n${PROSE[1]}\f\n`)],
    ["text with one stray control", utf8(`${PROSE[0]}\x01`)],
    ["an empty input", new Uint8Array(0)],
  ];
  it.each(text)("%s is not binary", (_label, bytes) => {
    expect(looksBinary(bytes)).toBe(false);
  });
});

describe("the control-byte count", () => {
  /** looksBinary as it was written, one byte at a time: the reference for the word-at-a-time count. */
  function naive(bytes: Uint8Array): boolean {
    const bom = sniffBom(bytes);
    if (bytes.length === 0 || (bom && bom.encoding !== "utf-8")) return false;
    const probe = bytes.subarray(0, 8192);
    let controls = 0;
    for (const b of probe) if ((b >= 0x01 && b <= 0x08) || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f) || b === 0x7f) controls++;
    return controls > 1 && controls > probe.length * 0.03 && !looksUtf16(probe);
  }

  // Mostly text (ASCII, Arabic UTF-8, line breaks), some controls, DEL and bytes that borrow (0x00, 0x20, 0x7E, 0x80).
  const byte = fc.oneof(
    { weight: 40, arbitrary: fc.constantFrom(0x20, 0x41, 0x7e, 0xd8, 0xa7, 0xd9, 0x84, 0x80, 0x21) },
    { weight: 1, arbitrary: fc.constantFrom(0x0a, 0x0d, 0x09, 0x00, 0x1b) },
    { weight: 2, arbitrary: fc.constantFrom(0x01, 0x08, 0x0b, 0x0e, 0x1a, 0x1c, 0x1f, 0x7f) },
  );

  const isControl = (b: number) => (b >= 0x01 && b <= 0x08) || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f) || b === 0x7f;

  it("counts what a byte-by-byte count counts, aligned or not, whatever the length", () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 2000, size: "max" }), fc.nat(3), (list, offset) => {
        const backing = new Uint8Array(list.length + offset);
        backing.set(list, offset);
        const bytes = backing.subarray(offset);
        expect(countControls(bytes)).toBe(list.filter(isControl).length);
      }),
      { numRuns: 2000 },
    );
  });

  it("decides as looksBinary did byte by byte", () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 9000, size: "max" }), (list) => {
        const bytes = Uint8Array.from(list);
        // The formats found by signature are not the point here.
        fc.pre(bytes.length === 0 || ![0x89, 0xff, 0x47, 0x25, 0x50, 0x1f, 0x42, 0xfd, 0x28, 0x37, 0x52, 0x7f, 0xcf, 0xce, 0x00, 0x53, 0x4f, 0x49, 0x1a].includes(bytes[0]!));
        expect(looksBinary(bytes)).toBe(naive(bytes));
      }),
      { numRuns: 500 },
    );
  });
});
