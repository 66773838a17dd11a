/** Cutting a chunked text stream into lines: the same lines however the chunks fall, in time linear in a line's length. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Overlong, rawLines, textLines } from "../../src/io/lines.js";

async function* chunksOf(text: string, cuts: number[]): AsyncGenerator<string> {
  let last = 0;
  for (const cut of [...cuts, text.length]) {
    yield text.slice(last, cut);
    last = cut;
  }
}

async function collect(lines: AsyncIterable<string | Overlong>): Promise<(string | { overlong: number })[]> {
  const out: (string | { overlong: number })[] = [];
  for await (const line of lines) out.push(typeof line === "string" ? line : { overlong: line.length });
  return out;
}

/**
 * For texts joined from `pieces` (at most `parts` of them), chunk cuts anywhere (empty chunks included) and a
 * longest line of 1–12 units: `check` holds.
 */
function acrossCuts(pieces: string[], parts: number, check: (text: string, cuts: number[], max: number) => Promise<void>): Promise<void> {
  return fc.assert(
    fc.asyncProperty(
      fc.array(fc.constantFrom(...pieces), { maxLength: parts }).map((p) => p.join("")),
      fc.array(fc.nat(), { maxLength: 12 }),
      fc.integer({ min: 1, max: 12 }),
      async (text, raw, max) => check(text, raw.map((n) => n % (text.length + 1)).sort((a, b) => a - b), max),
    ),
    { numRuns: 400 },
  );
}

/** Lines with their `\n`, and a last line without one if the text does not end with a line break. */
function reference(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/gu) ?? [];
}

describe("rawLines", () => {
  it("gives the same lines, terminators kept, wherever the chunks are cut (empty chunks included)", async () => {
    await acrossCuts(["a", "خبر", "\n", "\r\n", "\r", " ", ""], 80, async (text, cuts) => {
      expect(await collect(rawLines(chunksOf(text, cuts)))).toEqual(reference(text));
    });
  });

  it("gives a line past the longest as its length only, and the lines around it as usual", async () => {
    await acrossCuts(["ab", "خبر", "\n", "\r\n", "xxxxxxx"], 60, async (text, cuts, max) => {
      const expected = reference(text).map((line) => (line.length > max ? { overlong: line.length } : line));
      expect(await collect(rawLines(chunksOf(text, cuts), max))).toEqual(expected);
    });
  });

  it("reads one long line in 64 KiB chunks in linear time (1x and 8x: a quadratic carry takes ~64 times as long)", async () => {
    const time = async (chars: number) => {
      const text = `${"x".repeat(chars)}\n`;
      const cuts = Array.from({ length: Math.floor(chars / 65_536) }, (_, k) => (k + 1) * 65_536);
      const t0 = performance.now();
      const [line] = await collect(rawLines(chunksOf(text, cuts)));
      const ms = performance.now() - t0;
      expect(line).toHaveLength(chars + 1);
      return ms;
    };
    await time(200_000);
    const small = Math.min(await time(2_000_000), await time(2_000_000));
    const big = await time(16_000_000);
    expect(big / Math.max(small, 1)).toBeLessThan(24);
  });
});

/** Lines as SPEC §1 cuts a dump: at `\n`, `\r\n` or a lone `\r`, each with its terminator. */
function referenceText(text: string): string[] {
  return text.match(/[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$/gu) ?? [];
}

describe("textLines", () => {
  it("breaks at a lone CR too, and gives the same lines wherever the chunks are cut (empty chunks included)", async () => {
    await acrossCuts(["a", "خبر", "\n", "\r\n", "\r", "\r\r", " ", ""], 80, async (text, cuts) => {
      expect(await collect(textLines(chunksOf(text, cuts)))).toEqual(referenceText(text));
    });
  });

  it("takes a CR that ends a chunk and an LF that starts the next (empty chunks between) as one CRLF break", async () => {
    const text = "سطر\r\nثان\rثالث\r";
    expect(await collect(textLines(chunksOf(text, [4, 4, 4, 9])))).toEqual(["سطر\r\n", "ثان\r", "ثالث\r"]);
    expect(await collect(textLines(chunksOf("أ\r", [2])))).toEqual(["أ\r"]);
    expect(await collect(textLines(chunksOf("أ\r\r\n", [2, 3])))).toEqual(["أ\r", "\r\n"]);
  });

  it("gives a line past the longest as its length only, and the lines around it as usual", async () => {
    await acrossCuts(["ab", "خبر", "\n", "\r\n", "\r", "xxxxxxx"], 60, async (text, cuts, max) => {
      const expected = referenceText(text).map((line) => (line.length > max ? { overlong: line.length } : line));
      expect(await collect(textLines(chunksOf(text, cuts), max))).toEqual(expected);
    });
  });
});
