/** Reading dump files in a task: the reused buffer of FileReader and its groups, the size limit from fstat, a batch cut by bytes. */
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderDocument } from "../../src/emit/index.js";
import { parseBuffer } from "../../src/index.js";
import { DumpTooLargeError, FileReader } from "../../src/io/fileReader.js";
import { MAX_DUMP_BYTES, runFiles, tooLargeMessage, type TaskSettings } from "../../src/cli/task.js";
import { dump, tempDir } from "./helpers.js";

const t = tempDir("read");
afterAll(t.cleanup);

const settings: TaskSettings = { format: "ndjson", pretty: false, explain: false, stats: false, strict: false, encoding: "auto" };

/** A file of `size` bytes: a dump repeated, cut to the size (the cut may split a character: bytes are bytes). */
function fileOf(name: string, size: number): string {
  const path = join(t.dir, name);
  const unit = Buffer.from(dump(size));
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i += unit.length) unit.copy(bytes, i, 0, Math.min(unit.length, size - i));
  writeFileSync(path, bytes);
  return path;
}

describe("FileReader", () => {
  it("reads a group of files into one kept buffer, each view good until the next group; a file past the keep size gets its own", () => {
    const reader = new FileReader(16, 1024);
    const small = fileOf("small.txt", 10);
    const mid = fileOf("mid.txt", 700);
    const other = fileOf("other.txt", 400);
    const big = fileOf("big.txt", 5000);
    const empty = fileOf("empty.txt", 0);
    const same = (bytes: Uint8Array, path: string) => Buffer.from(bytes).equals(readFileSync(path));
    const a = reader.read(small, Infinity);
    expect(same(a, small)).toBe(true);
    expect(reader.keptBytes).toBe(16);
    // No room after the first file: a bigger buffer is kept, and the group's earlier view keeps the old one.
    const b = reader.read(mid, Infinity);
    expect(reader.keptBytes).toBe(700);
    const c = reader.read(other, Infinity);
    expect(reader.keptBytes).toBe(1024);
    expect([same(a, small), same(b, mid), same(c, other)]).toEqual([true, true, true]);
    // Files of one group lie one after another in the kept buffer.
    const d = reader.read(small, Infinity);
    expect([d.buffer === c.buffer, d.byteOffset]).toEqual([true, 400]);
    // A new group starts again at the buffer's start.
    reader.nextGroup();
    const again = reader.read(small, Infinity);
    expect([again.buffer === c.buffer, again.byteOffset]).toEqual([true, 0]);
    const bigBytes = reader.read(big, Infinity);
    expect(same(bigBytes, big)).toBe(true);
    expect(bigBytes.buffer).not.toBe(c.buffer);
    expect(reader.keptBytes).toBe(1024);
    // The big file took nothing of the kept buffer: the group goes on after the small file, 8-byte aligned.
    expect(reader.read(mid, Infinity).byteOffset).toBe(16);
    expect(reader.read(empty, Infinity).byteLength).toBe(0);
    expect(same(again, small)).toBe(true);
  });

  it("reads a file whose size fstat does not give (/proc) to its end, as readFileSync does", () => {
    const reader = new FileReader(16, 64);
    expect(Buffer.from(reader.read("/proc/version", Infinity)).equals(readFileSync("/proc/version"))).toBe(true);
    expect(Buffer.from(reader.read("/dev/null", Infinity)).byteLength).toBe(0);
    expect(() => reader.read("/proc/version", 8)).toThrow(DumpTooLargeError);
  });

  it("keeps every view of a group good: files of unknown size and empty files among the others", () => {
    const reader = new FileReader(64, 1024);
    const small = fileOf("group-small.txt", 10);
    const empty = fileOf("group-empty.txt", 0);
    const paths = ["/proc/version", empty, small, "/proc/self/status", "/dev/null", small, "/proc/version"];
    const views = paths.map((p) => reader.read(p, Infinity));
    const wanted = paths.map((p) => (p === "/proc/self/status" ? null : readFileSync(p)));
    views.forEach((v, i) => {
      if (wanted[i] === null) expect(v.byteLength).toBeGreaterThan(0);
      else expect(Buffer.from(v).equals(wanted[i]!), paths[i]).toBe(true);
    });
    // Files of unknown size take nothing of the kept buffer: the small files lie back to back in it.
    expect([views[5]!.buffer === views[2]!.buffer, views[5]!.byteOffset - views[2]!.byteOffset]).toEqual([true, 16]);
  });

  it("refuses a file over the limit from its fstat, without reading it", () => {
    const sparse = join(t.dir, "sparse.txt");
    writeFileSync(sparse, "");
    truncateSync(sparse, MAX_DUMP_BYTES + 1);
    let caught: unknown;
    try {
      new FileReader().read(sparse, MAX_DUMP_BYTES);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DumpTooLargeError);
    expect((caught as DumpTooLargeError).size).toBe(MAX_DUMP_BYTES + 1);
  });

  it("throws file-system errors as fs does", () => {
    const reader = new FileReader();
    const dir = join(t.dir, "a-folder.txt");
    mkdirSync(dir, { recursive: true });
    expect(() => reader.read(join(t.dir, "missing.txt"), Infinity)).toThrow(expect.objectContaining({ code: "ENOENT" }));
    expect(() => reader.read(dir, Infinity)).toThrow(expect.objectContaining({ code: "EISDIR" }));
  });
});

describe("runFiles", () => {
  const paths: string[] = [];
  beforeAll(() => {
    for (let i = 0; i < 5; i++) {
      const path = join(t.dir, `run-${i}.txt`);
      writeFileSync(path, dump(i, 2 + i * 20));
      paths.push(path);
    }
  });

  // What a file parsed from a buffer of its own gives: the reused buffer must change nothing.
  const expected = (path: string) => {
    const doc = parseBuffer(readFileSync(path), { path, encoding: "auto", explain: false, learnedTags: new Set() });
    delete doc.lines;
    return renderDocument(doc, "ndjson", false);
  };

  it("gives one document a file, in order, the same as parsing each file's bytes", () => {
    const results = runFiles(paths, settings);
    expect(results).toHaveLength(5);
    results.forEach((r, i) => {
      expect(r.problems).toEqual([]);
      expect(r.bytes).toBe(readFileSync(paths[i]!).byteLength);
      expect(r.outputs).toEqual([expected(paths[i]!)]);
    });
  });

  it("stops after the file that brings the bytes read to maxBytes", () => {
    const sizes = paths.map((p) => readFileSync(p).byteLength);
    expect(runFiles(paths, settings, sizes[0]! + sizes[1]!).map((r) => r.bytes)).toEqual(sizes.slice(0, 2));
    expect(runFiles(paths, settings, sizes[0]! + sizes[1]! + 1)).toHaveLength(3);
    // At least one file, however small the bound.
    expect(runFiles(paths, settings, 0)).toHaveLength(1);
    // The rest, handed on, give the same documents as one uncut batch.
    const cut = runFiles(paths, settings, sizes[0]! + 1);
    const rest = runFiles(paths.slice(cut.length), settings);
    expect([...cut, ...rest].map((r) => r.outputs)).toEqual(runFiles(paths, settings).map((r) => r.outputs));
  });

  it("parses a task's files in groups of a few bytes as it does in one group", () => {
    const sizes = paths.map((p) => readFileSync(p).byteLength);
    const whole = runFiles(paths, settings).map((r) => r.outputs);
    expect(runFiles(paths, settings, Infinity, MAX_DUMP_BYTES, 1).map((r) => r.outputs)).toEqual(whole);
    expect(runFiles(paths, settings, sizes[0]! + sizes[1]! + 1, MAX_DUMP_BYTES, sizes[0]!).map((r) => r.outputs)).toEqual(whole.slice(0, 3));
  });

  it("refuses a file over the dump limit with the walk's message, reads none of it, and goes on", () => {
    const big = fileOf("too-big.txt", 3000);
    const results = runFiles([paths[0]!, big, join(t.dir, "gone.txt"), paths[1]!], settings, Infinity, 2000);
    expect(results.map((r) => r.problems.map((p) => p.message))).toEqual([[], [tooLargeMessage(3000)], ["no such file or directory"], []]);
    expect(results[1]!.bytes).toBe(0);
    expect(results[1]!.outputs).toEqual([]);
    expect(results[3]!.outputs).toEqual([expected(paths[1]!)]);
    expect(tooLargeMessage(300e6)).toBe("300 MB is too large for one dump; cut it with --split-on or use a record format");
  });
});
