import iconv from "iconv-lite";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { looksBinary } from "../../src/encoding/index.js";
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
