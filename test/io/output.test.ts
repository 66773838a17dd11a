import { Writable } from "node:stream";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamSink } from "../../src/io/output.js";

/** A sink over a stream that keeps every chunk written to it. */
function collecting(): { sink: StreamSink; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return { sink: new StreamSink(stream, "test", true), bytes: () => Buffer.concat(chunks) };
}

/** What the sink must write for `texts`: each text encoded to UTF-8 by itself, in order. */
const expected = (texts: readonly string[]) => Buffer.concat(texts.map((t) => Buffer.from(t, "utf8")));

/** The bytes the sink writes for `texts`, added one by one with a flush after every `flushEvery` (as a run flushes after each task). */
async function written(texts: readonly string[], flushEvery = Infinity): Promise<Buffer> {
  const { sink, bytes } = collecting();
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

describe("StreamSink.add", () => {
  it("writes each text's UTF-8 in order: Arabic, ASCII, pairs, noncharacters", async () => {
    const texts = ['{"title":"عنوان الخبر"}\n', "ASCII only\n", "😀 وصف\uFFFE\uFFFF", "", "ﷺ ﻻ"];
    expect(await written(texts)).toEqual(expected(texts));
  });

  it("encodes a lone surrogate as U+FFFD and never pairs one text's high surrogate with the next's low one", async () => {
    const texts = ["سطر\uD83D", "\uDE00 فقرة", "\uDC00", "a\uD800b"];
    const out = await written(texts);
    expect(out).toEqual(expected(texts));
    expect(out.includes(Buffer.from("😀", "utf8"))).toBe(false);
    expect(out.toString("utf8").split("\uFFFD").length - 1).toBe(4);
  });

  it("keeps the order of texts across full staging buffers, and of a text too long to stage", async () => {
    const line = "فقرة من نص الخبر، بعلامات ترقيم. ".repeat(100); // 3,300 units
    const texts = Array.from({ length: 1500 }, (_, k) => `${k}:${line}\n`); // ~10 MB staged, five buffers' worth
    texts.splice(700, 0, "ن".repeat(1_500_000) + "\n"); // more than a staging buffer by itself
    const out = await written(texts, 37);
    expect(out.length).toBe(expected(texts).length);
    expect(firstDifference(out, expected(texts))).toBe(-1);
  });

  it("gives the same bytes as encoding each text by itself, for any UTF-16 (property)", async () => {
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
