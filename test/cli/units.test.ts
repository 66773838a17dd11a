/** The CLI's pure pieces, without spawning: glob, JSON array splitting, CSV delimiter, split-on, window, exit code, colour. */
import { describe, expect, it } from "vitest";
import { colorLevel } from "../../src/cli/color.js";
import { emptyOutcome, exitCode } from "../../src/cli/exitCode.js";
import { OrderedWindow } from "../../src/cli/ordered.js";
import { getPath, resolveJsonRecord } from "../../src/cli/recordFields.js";
import { createFramer } from "../../src/emit/index.js";
import { compileGlob } from "../../src/io/glob.js";
import { jsonArrayElements } from "../../src/io/jsonArray.js";
import { Overlong } from "../../src/io/lines.js";
import { CsvInputError, detectDelimiter, readRecords, splitDumps } from "../../src/io/records.js";
import { runTask } from "../../src/cli/task.js";
import { problemOf } from "../../src/cli/produce.js";
import { crashResult } from "../../src/cli/executor.js";
import { smallRunBar } from "../../src/cli/batch.js";
import { DumpTooLargeError } from "../../src/io/fileReader.js";

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

describe("compileGlob", () => {
  it.each([
    ["**/*.txt", "a.txt", true],
    ["**/*.txt", "x/y/a.txt", true],
    ["**/*.txt", "a.txt.json", false],
    ["*.txt", "deep/a.txt", true],
    ["x/*.txt", "x/y/a.txt", false],
    ["x/**/a.txt", "x/a.txt", true],
    ["x/**/a.txt", "x/1/2/a.txt", true],
    ["**/*.{txt,md}", "n/a.md", true],
    ["**/f?.txt", "f1.txt", true],
    ["**/f?.txt", "f12.txt", false],
    ["**/[!a]*.txt", "b.txt", true],
    ["**/[!a]*.txt", "a.txt", false],
    ["**/*.(txt)", "a.(txt)", true],
  ])("%s ~ %s → %s", (glob, path, expected) => {
    expect(compileGlob(glob)(path)).toBe(expected);
  });
});

describe("jsonArrayElements", () => {
  const text = ' [ {"a": "x,]}\\"", "b": [1, {"c": 2}]}, "s]", 3 ,null,\n{"t":"ق"} ] ';
  it.each([1, 2, 3, 7, 1000])("splits the same way whatever the chunk size (%i)", async (size) => {
    const parts = await collect(jsonArrayElements(chunked(text, size)));
    expect(parts.map((p) => JSON.parse(p))).toEqual(JSON.parse(text));
  });

  it("gives an element past the longest record as its length only, the elements around it as usual", async () => {
    const big = `{"t":"${"x".repeat(120)}"}`;
    for (const size of [1, 7, 50, 1000]) {
      const parts = await collect(jsonArrayElements(chunked(`[ 1, ${big} ,"s", ${big}]`, size), 100));
      expect(parts).toEqual(["1", new Overlong(big.length + 1), '"s"', new Overlong(big.length)]);
    }
    const items = await collect(readRecords("json", chunked(`[1, ${big}, 2]`, 9), { maxRecordUnits: 100 }));
    expect(items).toEqual([
      { record: 1, json: "1" },
      { record: 2, error: `record of ${big.length} characters is too large for one dump (at most 256 Mi characters); cut it into several`, id: null },
      { record: 3, json: "2" },
    ]);
  });

  it("handles an empty array, and rejects what is not an array", async () => {
    expect(await collect(jsonArrayElements(chunked("[ ]", 1)))).toEqual([]);
    await expect(collect(jsonArrayElements(chunked('{"a":1}', 4)))).rejects.toThrow(/JSON array/);
    await expect(collect(jsonArrayElements(chunked('[{"a":1}, ', 4)))).rejects.toThrow(/not closed/);
  });
});

describe("records", () => {
  it("detectDelimiter picks the delimiter of the header line, ignoring quoted ones", () => {
    expect(detectDelimiter("id;text;title")).toBe(";");
    expect(detectDelimiter('"a;b",text')).toBe(",");
    expect(detectDelimiter("text")).toBe(",");
  });

  it("splitDumps: separators belong to no dump; a leading blank preamble is no dump", async () => {
    const dumps = await collect(splitDumps(chunked("\n#1\r\nA\r\n#2\nB\n", 3), /^#(\d)$/u));
    expect(dumps).toEqual([
      { text: "A\r\n", id: "1" },
      { text: "B\n", id: "2" },
    ]);
  });

  it("a JSONL record past the longest line is an error record in its place, its text never held", async () => {
    const text = `{"id":1,"text":"a"}\n{"id":2,"text":"${"x".repeat(200)}"}\n{"id":3,"text":"b"}`;
    const items = await collect(readRecords("jsonl", chunked(text, 7), { maxRecordUnits: 100 }));
    expect(items.map((i) => i.record)).toEqual([1, 2, 3]);
    expect(items[0]).toEqual({ record: 1, json: '{"id":1,"text":"a"}' });
    expect(items[1]).toEqual({ record: 2, error: expect.stringMatching(/^record of 219 characters is too large for one dump \(at most 256 Mi characters\); cut it into several$/), id: null });
    expect(items[2]).toEqual({ record: 3, json: '{"id":3,"text":"b"}' });
    // The worker turns it into the record's error document, like a malformed record.
    const settings = { format: "ndjson", pretty: false, explain: false, stats: false, strict: false, encoding: "utf-8" } as const;
    const [result] = runTask({ kind: "records", path: "in.jsonl", encoding: "utf-8", bomRecord: null, marked: false, items }, settings);
    const docs = result!.outputs.map((o) => JSON.parse(o as string));
    expect(docs.map((d) => [d.input.record, d.input.id, d.error ?? null])).toEqual([
      [1, "1", null],
      [2, null, (items[1] as { error: string }).error],
      [3, "3", null],
    ]);
    expect(result!.problems).toEqual([{ record: 2, message: (items[1] as { error: string }).error }]);
  });

  it("splitDumps: a dump holding a line past the longest line is an error, the dumps around it as usual", async () => {
    const text = `#1\nA\n#2\nB\n${"y".repeat(150)}\nC\n#3\nD\n`;
    const dumps = await collect(splitDumps(chunked(text, 16), /^#(\d)$/u, 100));
    expect(dumps).toEqual([
      { text: "A\n", id: "1" },
      { error: expect.stringMatching(/^dump of 155 characters is too large for one dump/), id: "2" },
      { text: "D\n", id: "3" },
    ]);
    // Many short lines past the longest record make an error too; a blank preamble is still no dump.
    const many = `  \n#1\n${"z\n".repeat(80)}#2\nE\n`;
    expect(await collect(splitDumps(chunked(many, 5), /^#(\d)$/u, 100))).toEqual([
      { error: expect.stringMatching(/^dump of 160 characters is too large/), id: "1" },
      { text: "E\n", id: "2" },
    ]);
  });

  it("a CSV record past the longest record ends its input with a CSV error (csv-parse cannot skip one)", async () => {
    const text = `id,text\n1,short\n2,"${"x".repeat(150)}"\n3,after\n`;
    const read = async () => {
      for await (const item of readRecords("csv", chunked(text, 16), { maxRecordUnits: 100 })) void item;
    };
    await expect(read()).rejects.toThrow(CsvInputError);
    await expect(read()).rejects.toThrow(/Max Record Size/);
    // Under the limit, the same file reads whole.
    const all = await collect(readRecords("csv", chunked(text, 16), { maxRecordUnits: 1000 }));
    expect(all.map((i) => i.record)).toEqual([1, 2, 3]);
  });

  it("a crashed block keeps the errors its reader had already given", () => {
    const settings = { format: "ndjson", pretty: false, explain: false, stats: false, strict: false, encoding: "utf-8" } as const;
    const task = { kind: "records", path: "in.jsonl", encoding: "windows-1256", bomRecord: null, marked: false, items: [{ record: 1, json: "{}" }, { record: 2, error: "record of 9 characters is too large", id: null }] } as const;
    const [result] = crashResult({ ...task, items: [...task.items] }, new Error("worker died"), settings);
    expect(result!.outputs.map((o) => JSON.parse(o as string).error)).toEqual(["internal error: worker died", "record of 9 characters is too large"]);
    // The stream's encoding, as the block's documents would have shown it.
    expect(result!.outputs.map((o) => JSON.parse(o as string).input.encoding)).toEqual(["windows-1256", "windows-1256"]);
    expect(result!.problems.map((p) => p.message)).toEqual(["internal error: worker died", "record of 9 characters is too large"]);
  });

  it("a stream refused as too large for one dump is an input problem, not an internal error", () => {
    expect(problemOf(new DumpTooLargeError(268_500_000))).toEqual({
      message: "over 268 MB is too large for one dump; cut it with --split-on or use a record format",
    });
    expect(problemOf(new Error("boom"))).toMatchObject({ message: "internal error: boom", stack: expect.any(String) });
  });

  it("getPath reads dotted paths, and a key holding dots first", () => {
    expect(getPath({ meta: { id: 5 } }, "meta.id")).toBe(5);
    expect(getPath({ "meta.id": "flat", meta: { id: 5 } }, "meta.id")).toBe("flat");
    expect(getPath({ meta: null }, "meta.id")).toBeUndefined();
  });

  it("resolveJsonRecord: string records are dumps; others need a text field", () => {
    expect(resolveJsonRecord('"نص"')).toEqual({ text: "نص", id: null });
    expect(resolveJsonRecord('{"content":"c","body":"b","id":3}')).toEqual({ text: "c", id: "3" });
    expect(resolveJsonRecord('{"text":5}').error).toMatch(/not a string/);
    expect(resolveJsonRecord("[1]").error).toMatch(/array/);
  });
});

describe("createFramer", () => {
  const frame = (format: Parameters<typeof createFramer>[0], items: string[]) => {
    const f = createFramer(format);
    return f.begin() + items.map((i) => f.item(i)).join("") + f.end();
  };
  it("frames json as a streamed array and the others by separators", () => {
    expect(frame("json", ["1", "2"])).toBe("[\n1,\n2\n]\n");
    expect(frame("json", [])).toBe("[\n]\n");
    expect(frame("ndjson", ["1", "2"])).toBe("1\n2\n");
    expect(frame("text", ["a\n", "b\n"])).toBe("a\n\nb\n");
    expect(frame("markdown", ["# a\n", "# b\n"])).toBe("# a\n\n---\n\n# b\n");
  });
});

describe("OrderedWindow", () => {
  it("consumes in order, and never lets more than its limit start while the head is slow", async () => {
    const consumed: number[] = [];
    const window = new OrderedWindow<number>(3, Infinity, async (n) => void consumed.push(n));
    let started = 0;
    let releaseHead!: () => void;
    const head = new Promise<number>((resolve) => (releaseHead = () => resolve(0)));
    const producer = (async () => {
      await window.push(1, () => ((started++, head)));
      for (let i = 1; i < 10; i++) await window.push(1, async () => (started++, i));
    })();
    await new Promise((r) => setTimeout(r, 20));
    expect(started).toBe(3);
    releaseHead();
    await producer;
    await window.finish();
    expect(consumed).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it("run waits for the work, gives its value, and charges the entry what the work says it holds", async () => {
    let release!: () => void;
    const consumed: number[] = [];
    const gate = new Promise<void>((resolve) => (release = resolve));
    const window = new OrderedWindow<number>(4, 100, async (n) => {
      await gate;
      consumed.push(n);
    });
    // Admitted at cost 0, then found to hold 150: the next push waits until it is consumed.
    expect(await window.run(0, async () => 150, (n) => n)).toBe(150);
    let pushed = false;
    const next = window.push(10, async () => 10).then(() => (pushed = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(pushed).toBe(false);
    release();
    await next;
    await window.finish();
    expect(consumed).toEqual([150, 10]);
  });

  it("stops the producer with the consumer's error", async () => {
    const window = new OrderedWindow<number>(2, Infinity, async () => {
      throw new Error("stdout closed");
    });
    await window.push(1, async () => 1);
    await expect(window.finish()).rejects.toThrow("stdout closed");
    await expect(window.push(1, async () => 2)).rejects.toThrow("stdout closed");
  });
});

describe("exitCode", () => {
  it("decides 0, 1 and 2", () => {
    expect(exitCode(emptyOutcome())).toBe(0);
    expect(exitCode({ ...emptyOutcome(), failures: 1 })).toBe(1);
    expect(exitCode({ ...emptyOutcome(), warned: 3 })).toBe(0);
    expect(exitCode({ ...emptyOutcome(true), warned: 3 })).toBe(1);
    expect(exitCode({ ...emptyOutcome(), usageError: true, failures: 1 })).toBe(2);
    expect(exitCode({ ...emptyOutcome(), pipeClosed: true, failures: 1 })).toBe(0);
  });
});

describe("colorLevel", () => {
  it("orders flag, FORCE_COLOR, NO_COLOR, terminal", () => {
    expect(colorLevel(undefined, {}, false)).toBe(0);
    expect(colorLevel(undefined, {}, true)).toBeGreaterThan(0);
    expect(colorLevel(undefined, { NO_COLOR: "1" }, true)).toBe(0);
    expect(colorLevel(undefined, { FORCE_COLOR: "1" }, false)).toBe(1);
    expect(colorLevel(undefined, { FORCE_COLOR: "0" }, true)).toBe(0);
    expect(colorLevel(undefined, { FORCE_COLOR: "3", NO_COLOR: "1" }, false)).toBe(3);
    expect(colorLevel(false, { FORCE_COLOR: "1" }, true)).toBe(0);
    expect(colorLevel(true, { NO_COLOR: "1" }, false)).toBeGreaterThan(0);
  });
});

describe("smallRunBar", () => {
  const MiB = 1024 * 1024;
  // With -j defaulted to the two cores of the machine, dump files stay in the main thread up to 48 MiB; records,
  // --split-on, an explicit -j and other core counts keep 4 MiB.
  it.each([
    [2, true, null, 48 * MiB, 32768],
    [2, false, null, 4 * MiB, 16384],
    [2, true, "jsonl", 4 * MiB, 16384],
    [2, true, "csv", 4 * MiB, 16384],
    [2, true, "split", 4 * MiB, 16384],
    [4, true, null, 4 * MiB, 16384],
    [8, false, null, 4 * MiB, 16384],
  ] as const)("-j %i (default: %s), records %s: %i bytes, %i inputs", (jobs, defaulted, format, bytes, inputs) => {
    expect(smallRunBar(jobs, defaulted, format)).toEqual({ bytes, inputs });
  });
});
