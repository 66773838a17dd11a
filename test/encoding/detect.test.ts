import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { looksUtf16 } from "../../src/encoding/detect.js";
import { decodeBuffer, isKnownEncoding, suggestEncodings } from "../../src/encoding/index.js";
import { streamed } from "../helpers/stream.js";
import { asLossy1252Mojibake, PROSE, utf8 } from "./corrupt.js";

const TEXT = PROSE.join("\n\n") + "\n";
const HEADLINE = "انخفاض أسعار الذهب في الأسواق العالمية";

const bytesFor: Record<string, (text: string) => Buffer> = {
  "utf-8": (t) => utf8(t),
  "utf-8 BOM": (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(t)]),
  "utf-16le BOM": (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")]),
  "utf-16be BOM": (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, "utf16le").swap16()]),
  "utf-16le": (t) => Buffer.from(t, "utf16le"),
  "utf-16be": (t) => Buffer.from(t, "utf16le").swap16(),
  "windows-1256": (t) => iconv.encode(t, "windows-1256"),
  "iso-8859-6": (t) => iconv.encode(t, "iso-8859-6"),
};

describe("decodeBuffer with auto detection", () => {
  const table: [string, string, string[]][] = [
    ["utf-8", "utf-8", []],
    ["utf-8 BOM", "utf-8", ["bom"]],
    ["utf-16le BOM", "utf-16le", ["bom"]],
    ["utf-16be BOM", "utf-16be", ["bom"]],
    ["utf-16le", "utf-16le", []],
    ["utf-16be", "utf-16be", []],
    ["windows-1256", "windows-1256", []],
    ["iso-8859-6", "iso-8859-6", []],
  ];
  for (const [form, encoding, repairs] of table) {
    for (const [label, text] of [["a dump", TEXT], ["a headline", HEADLINE], ["one sentence", PROSE[1]!]] as const) {
      it(`reads ${label} in ${form}`, () => {
        const decoded = decodeBuffer(bytesFor[form]!(text));
        expect(decoded.encoding).toBe(encoding);
        expect(decoded.text).toBe(text);
        expect(decoded.repairs).toEqual(repairs);
      });
    }
  }

  it("reads UTF-16 without BOM made of presentation forms", () => {
    const text = "\uFE8D\uFEDF\uFEA8\uFE92\uFEAE \uFEFB \uFE8D\uFEDF\uFEA8\uFE92\uFEAE";
    expect(decodeBuffer(Buffer.from(text, "utf16le"))).toMatchObject({ text, encoding: "utf-16le" });
    expect(decodeBuffer(Buffer.from(text, "utf16le").swap16())).toMatchObject({ text, encoding: "utf-16be" });
  });

  it("takes the default to be auto", () => {
    expect(decodeBuffer(iconv.encode(TEXT, "windows-1256")).encoding).toBe("windows-1256");
  });

  it("reads pure ASCII as utf-8", () => {
    expect(decodeBuffer(Buffer.from("Breaking news: markets fall\n")).encoding).toBe("utf-8");
  });

  it("reads an empty input as empty utf-8", () => {
    expect(decodeBuffer(new Uint8Array(0))).toEqual({ text: "", encoding: "utf-8", repairs: [], warnings: [], signs: 0 });
  });

  it("names the BOM in repairs but raises no warning (a BOM is no damage; --strict must pass)", () => {
    const { warnings, repairs } = decodeBuffer(bytesFor["utf-16le BOM"]!(TEXT));
    expect(repairs).toEqual(["bom"]);
    expect(warnings).toEqual([]);
  });

  it("finds Arabic after 64 KiB of ASCII", () => {
    const text = "<p>" + "x".repeat(70 * 1024) + "</p>\n" + TEXT;
    const decoded = decodeBuffer(iconv.encode(text, "windows-1256"));
    expect(decoded.encoding).toBe("windows-1256");
    expect(decoded.text).toBe(text);
  });

  it("keeps a big UTF-8 file with one stray byte far from its start as utf-8", () => {
    const text = TEXT.repeat(400);
    const bytes = Buffer.concat([utf8(text), Buffer.from([0xff]), utf8(TEXT)]);
    const decoded = decodeBuffer(bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toBe(text + "\uFFFD" + TEXT);
  });
});

describe("UTF-16 without a byte-order mark", () => {
  it("is still found when its first bytes are 8-bit (the early way out is exact)", () => {
    const head = Buffer.from("x".repeat(130), "latin1");
    const body = Buffer.from("الخبر العاجل من طرابلس اليوم\n".repeat(80), "utf16le");
    expect(looksUtf16(Buffer.concat([head, body]))).toBe("utf-16le");
    expect(looksUtf16(Buffer.from("الخبر العاجل من طرابلس اليوم\n".repeat(80), "utf8"))).toBe(null);
  });
});

describe("invalid bytes", () => {
  const bytes = Buffer.concat([utf8("سطر أول\nكلمة"), Buffer.from([0xff]), utf8("أخرى"), Buffer.from([0xc3]), utf8("\nسطر ثالث"), Buffer.from([0xfe]), utf8("\n")]);

  it("stay utf-8, each replaced by U+FFFD", () => {
    const decoded = decodeBuffer(bytes);
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toBe("سطر أول\nكلمة\uFFFDأخرى\uFFFD\nسطر ثالث\uFFFD\n");
    expect(decoded.repairs).toEqual(["invalid-bytes"]);
  });

  it("give one warning per affected line", () => {
    const { warnings } = decodeBuffer(bytes);
    expect(warnings.map((w) => [w.line, w.code])).toEqual([
      [2, "invalid-bytes"],
      [3, "invalid-bytes"],
    ]);
    expect(warnings[0]!.message).toMatch(/^2 invalid byte sequences .*line 2$/);
  });

  it("do not count a U+FFFD the file really holds", () => {
    const decoded = decodeBuffer(utf8("الخبر \uFFFD هنا\nسطر"));
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toBe("الخبر \uFFFD هنا\nسطر");
    expect(decoded.repairs).toEqual([]);
    expect(decoded.warnings).toEqual([]);
  });

  it("are none in valid UTF-8 holding U+FFFD: such a file is utf-8, even where a code page would score better", () => {
    // Mojibake made by a Windows-1252 decoder that wrote U+FFFD for 0x81 (in every `ف`), then saved as UTF-8.
    const text = asLossy1252Mojibake(TEXT);
    expect(text).toContain("\uFFFD");
    const bytes = utf8(text);
    const decoded = decodeBuffer(bytes);
    expect([decoded.encoding, decoded.text, decoded.repairs, decoded.warnings]).toEqual(["utf-8", text, [], []]);
    // A stream decides on its first bytes, a character cut at their end included.
    for (const cuts of [[], [7], [bytes.length - 1]]) {
      const stream = streamed(bytes, cuts);
      expect([stream.decoder.encoding, stream.text, stream.decoder.repairs]).toEqual(["utf-8", text, []]);
    }
  });

  it("count only the invalid ones on a line that also holds a real U+FFFD", () => {
    const decoded = decodeBuffer(Buffer.concat([utf8("سطر\n\uFFFD كلمة"), Buffer.from([0xff]), utf8("\n")]));
    expect(decoded.warnings.map((w) => [w.line, w.message.startsWith("an invalid byte sequence")])).toEqual([[2, true]]);
  });

  it("sum up past 20 lines in one more warning", () => {
    const lines = Array.from({ length: 30 }, (_, i) => Buffer.concat([utf8(`سطر رقم ${i + 1} `), Buffer.from([0xff]), utf8("\n")]));
    const { warnings, repairs } = decodeBuffer(Buffer.concat([utf8(TEXT.repeat(3)), ...lines]));
    const firstBad = 3 * TEXT.split("\n").length - 2;
    expect(repairs).toEqual(["invalid-bytes"]);
    expect(warnings).toHaveLength(21);
    expect(warnings[0]!.line).toBe(firstBad);
    expect(warnings[20]).toMatchObject({ line: firstBad + 20, code: "invalid-bytes" });
    expect(warnings[20]!.message).toMatch(new RegExp(`10 more lines: lines ${firstBad + 20}-${firstBad + 29}$`));
  });

  it("in UTF-16: an odd last byte and a lone surrogate", () => {
    const body = Buffer.concat([Buffer.from("نص\n", "utf16le"), Buffer.from([0x00, 0xd8]), Buffer.from("ب", "utf16le"), Buffer.from([0x41])]);
    const decoded = decodeBuffer(Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    expect(decoded.encoding).toBe("utf-16le");
    expect(decoded.text).toBe("نص\n\uFFFDب\uFFFD");
    expect(decoded.repairs).toEqual(["bom", "invalid-bytes"]);
  });
});

describe("NUL bytes", () => {
  it("are deleted and reported with their lines", () => {
    const decoded = decodeBuffer(Buffer.concat([utf8("العنوان"), Buffer.from([0]), utf8("\nنص\nنص"), Buffer.from([0, 0]), utf8(" آخر\n")]));
    expect(decoded.text).toBe("العنوان\nنص\nنص آخر\n");
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.repairs).toEqual(["nul"]);
    expect(decoded.warnings).toEqual([{ line: 1, code: "nul", message: "NUL characters deleted on lines 1, 3" }]);
  });

  it("do not turn a UTF-8 dump into UTF-16", () => {
    // A NUL before every space: thousands of zero bytes, but not on every other byte.
    const withNuls = Buffer.from([...utf8(TEXT)].flatMap((b) => (b === 0x20 ? [0, b] : [b])));
    expect(decodeBuffer(withNuls)).toMatchObject({ text: TEXT, encoding: "utf-8", repairs: ["nul"] });
  });
});

describe("explicit encodings", () => {
  it("decodes with the encoding given, under its canonical name", () => {
    expect(decodeBuffer(iconv.encode(TEXT, "windows-1256"), "cp1256")).toMatchObject({ text: TEXT, encoding: "windows-1256" });
    expect(decodeBuffer(iconv.encode(TEXT, "iso-8859-6"), "ISO-8859-6")).toMatchObject({ text: TEXT, encoding: "iso-8859-6" });
    expect(decodeBuffer(utf8(TEXT), "UTF8")).toMatchObject({ text: TEXT, encoding: "utf-8" });
    expect(decodeBuffer(Buffer.from("café", "latin1"), "latin1")).toMatchObject({ text: "café", encoding: "iso-8859-1" });
    expect(decodeBuffer(iconv.encode("Привет", "koi8-r"), "koi8-r")).toMatchObject({ text: "Привет", encoding: "koi8-r" });
  });

  it("is obeyed even when wrong: Windows-1256 bytes as utf-8 give replacement characters", () => {
    const decoded = decodeBuffer(iconv.encode(HEADLINE, "windows-1256"), "utf-8");
    expect(decoded.encoding).toBe("utf-8");
    expect(decoded.text).toMatch(/\uFFFD/);
    expect(decoded.repairs).toEqual(["invalid-bytes"]);
  });

  it("strips a BOM of the same encoding", () => {
    expect(decodeBuffer(bytesFor["utf-8 BOM"]!(TEXT), "utf-8")).toMatchObject({ text: TEXT, repairs: ["bom"] });
    expect(decodeBuffer(bytesFor["utf-16be BOM"]!(TEXT), "utf-16be")).toMatchObject({ text: TEXT, repairs: ["bom"] });
  });

  it("utf-16 without byte order takes it from the BOM or the bytes", () => {
    expect(decodeBuffer(bytesFor["utf-16be BOM"]!(TEXT), "utf-16")).toMatchObject({ text: TEXT, encoding: "utf-16be" });
    expect(decodeBuffer(bytesFor["utf-16be"]!(TEXT), "utf16")).toMatchObject({ text: TEXT, encoding: "utf-16be" });
    expect(decodeBuffer(bytesFor["utf-16le"]!(TEXT), "UTF-16")).toMatchObject({ text: TEXT, encoding: "utf-16le" });
  });

  it("an unknown name falls back to detection with a warning, never a throw", () => {
    const decoded = decodeBuffer(iconv.encode(TEXT, "windows-1256"), "no-such-charset");
    expect(decoded).toMatchObject({ text: TEXT, encoding: "windows-1256" });
    expect(decoded.warnings[0]).toMatchObject({ line: null, code: "unknown-encoding" });
  });
});

describe("isKnownEncoding and suggestEncodings", () => {
  it.each(["auto", "AUTO", "utf-8", "UTF8", "utf-16le", "utf-16be", "windows-1256", "cp1256", "iso-8859-6", "latin1", "koi8-r", "shift_jis"])("knows %s", (name) => {
    expect(isKnownEncoding(name)).toBe(true);
  });
  it.each(["", "klingon", "utf-9", "constructor", "__proto__", "toString", "hasOwnProperty"])("does not know %j", (name) => {
    expect(isKnownEncoding(name)).toBe(false);
  });
  it("suggests names it knows, auto first", () => {
    const names = suggestEncodings();
    expect(names[0]).toBe("auto");
    expect(names).toContain("windows-1256");
    for (const name of names) expect(isKnownEncoding(name)).toBe(true);
  });
});
