import { Writable } from "node:stream";
import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";

/** Whether the sink under test may use `transcode` (false: a Node build without ICU, which encodes each text). */
const native = vi.hoisted(() => ({ transcode: true }));
vi.mock("../../src/encoding/utf8.js", async (original) => ({
  ...(await original<typeof import("../../src/encoding/utf8.js")>()),
  hasNativeTranscode: () => native.transcode,
}));
const { StreamSink } = await import("../../src/io/output.js");

afterEach(() => {
  native.transcode = true;
});

/**
 * A sink over a stream that keeps every chunk written to it. `slow`: a small high-water mark and chunks taken
 * a turn later (copied only then), so the sink waits for 'drain' and must not reuse a buffer the stream holds.
 */
function collecting(slow = false) {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    highWaterMark: slow ? 1024 : 16384,
    write(chunk: Buffer, _encoding, done) {
      if (!slow) {
        chunks.push(Buffer.from(chunk));
        done();
        return;
      }
      setImmediate(() => {
        chunks.push(Buffer.from(chunk));
        done();
      });
    },
  });
  return { sink: new StreamSink(stream, "test", true), bytes: () => Buffer.concat(chunks) };
}

/** What the sink must write for `texts`: each text encoded to UTF-8 by itself, in order. */
const expected = (texts: readonly string[]) => Buffer.concat(texts.map((t) => Buffer.from(t, "utf8")));

/** The bytes the sink writes for `texts`, added one by one with a flush after every `flushEvery` (as a run flushes after each task). */
async function written(texts: readonly string[], flushEvery = Infinity, slow = false): Promise<Buffer> {
  const { sink, bytes } = collecting(slow);
  for (let k = 0; k < texts.length; k++) {
    sink.add(texts[k]!);
    if ((k + 1) % flushEvery === 0) await sink.flush();
  }
  await sink.close();
  return bytes();
}

/** Where two buffers first differ (-1 when equal): a short failure message where a diff of megabytes would not be. */
function firstDifference(a: Buffer, b: Buffer): number {
  if (a.equals(b)) return -1;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

describe.each([
  ["staged, one transcode a flush", true],
  ["without ICU, each text encoded by itself", false],
])("StreamSink.add (%s)", (_name, transcode) => {
  const setUp = () => {
    native.transcode = transcode;
  };

  it("writes each text's UTF-8 in order: Arabic, ASCII, pairs, noncharacters", async () => {
    setUp();
    const texts = ['{"title":"عنوان الخبر"}\n', "ASCII only\n", "😀 وصف\uFFFE\uFFFF", "", "ﷺ ﻻ"];
    expect(await written(texts)).toEqual(expected(texts));
  });

  it("encodes a lone surrogate as U+FFFD, among other lone ones", async () => {
    setUp();
    const texts = ["سطر\uD83D", "\uDE00 فقرة", "\uDC00", "a\uD800b"];
    const out = await written(texts);
    expect(out).toEqual(expected(texts));
    expect(out.toString("utf8").split("\uFFFD").length - 1).toBe(4);
  });

  it("never joins a pair split between two texts, even where the rest is well-formed", async () => {
    setUp();
    for (const texts of [
      ["a\uD83D", "\uDE00b"],
      ["a\uD83D", "", "\uDE00b", "c"],
    ]) {
      const out = await written(texts);
      expect(out.toString("hex")).toBe(expected(texts).toString("hex"));
      expect(out.includes(Buffer.from("😀", "utf8"))).toBe(false);
    }
  });

  it("keeps the order of texts across full staging buffers, at their exact limits, and of texts too long to stage", async () => {
    setUp();
    const line = "فقرة من نص الخبر، بعلامات ترقيم. ".repeat(100); // 3,300 units
    const texts = Array.from({ length: 1500 }, (_, k) => `${k}:${line}\n`); // ~10 MB staged: five buffers' worth
    texts.splice(700, 0, "ن".repeat(1_500_000) + "\n"); // more than a staging buffer by itself
    // A buffer filled exactly (two halves), then a text of exactly a buffer, then one unit more.
    texts.splice(900, 0, "ع".repeat(524_288), "غ".repeat(524_288), "ف".repeat(1_048_576), "ق".repeat(1_048_577));
    for (const [flushEvery, slow] of [
      [Infinity, false],
      [37, false],
      [Infinity, true],
    ] as const) {
      const out = await written(texts, flushEvery, slow);
      expect(out.length).toBe(expected(texts).length);
      expect(firstDifference(out, expected(texts))).toBe(-1);
    }
  });

  it("gives the same bytes as encoding each text by itself, for any UTF-16 (property)", async () => {
    setUp();
    const unit = fc.oneof(
      fc.constantFrom("ا", "ل", "ع", " ", "\n", '"', "\\", "\uD83D", "\uDE00", "\uDC00", "\uFFFD", "😀", "é", "\u0000"),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    );
    const text = fc.array(unit, { maxLength: 40 }).map((us) => us.join(""));
    await fc.assert(
      fc.asyncProperty(fc.array(text, { maxLength: 30 }), fc.integer({ min: 1, max: 8 }), async (texts, every) => {
        expect(await written(texts, every)).toEqual(expected(texts));
      }),
      { numRuns: 300 },
    );
  });
});
