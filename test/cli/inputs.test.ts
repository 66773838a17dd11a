/** Inputs: stdin, directory walks (order, glob, broken links, loops), binary files, missing files, files too large. */
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schemaErrors } from "../helpers/schema.js";
import { docs, dump, khabar, tempDir, writeTree } from "./helpers.js";

describe("standard input", () => {
  it("reads one dump from stdin when no input is given, and from -", () => {
    for (const args of [[], ["-"]]) {
      const r = khabar(args, { input: dump(1) });
      expect(r.status).toBe(0);
      expect(r.stderr).toBe("");
      const out = docs(r.stdout);
      expect(out).toHaveLength(1);
      expect(out[0]!.input.path).toBe("-");
      expect(out[0]!.schema).toBe("khabar/1");
      expect(schemaErrors(out[0])).toEqual([]);
    }
  });

  it("gives a document with empty fields for an empty dump", () => {
    const r = khabar([], { input: "" });
    expect(r.status).toBe(0);
    const [doc] = docs(r.stdout);
    expect(doc!.article.paragraphs).toEqual([]);
    expect(doc!.error).toBeUndefined();
  });
});

describe("a directory tree", () => {
  const t = tempDir("walk");
  const tree = join(t.dir, "tree");
  beforeAll(() => {
    writeTree(tree, {
      "b.txt": dump(2),
      "a.txt": dump(1),
      "notes.md": "# not a dump\n",
      "z/deep/er/c.txt": dump(3),
      "m/d.txt": dump(4),
      // A folder whose name matches the glob is walked, not read.
      "folder.txt/e.txt": dump(5),
    });
    // Tests run as root, where chmod 000 does not make a file unreadable: a dangling link stands in for it.
    symlinkSync(join(tree, "does-not-exist.txt"), join(tree, "gone.txt"));
    // A link back to an ancestor folder: a loop.
    symlinkSync("..", join(tree, "z", "up"));
  });
  afterAll(t.cleanup);

  it.each(["1", "2"])("walks recursively in sorted order, picks **/*.txt, reports the broken link and the loop, and goes on (-j %s)", (jobs) => {
    const r = khabar([tree, "-j", jobs]);
    expect(r.status).toBe(1);
    const paths = docs(r.stdout).map((d) => d.input.path.slice(tree.length + 1));
    expect(paths).toEqual(["a.txt", "b.txt", "folder.txt/e.txt", "m/d.txt", "z/deep/er/c.txt"]);
    expect(r.stderr).toContain(`khabar: ${tree}/gone.txt: broken symbolic link`);
    expect(r.stderr).toContain(`khabar: ${tree}/z/up: symbolic link loop`);
    for (const line of r.stderr.trim().split("\n")) expect(line).toMatch(/^khabar: /);
  });

  it("--glob picks other files; a pattern without / matches names at any depth", () => {
    const r = khabar([tree, "--glob", "*.md"]);
    expect(docs(r.stdout).map((d) => d.input.path)).toEqual([`${tree}/notes.md`]);
    const nested = khabar([tree, "--glob", "z/**/*.txt"]);
    expect(docs(nested.stdout).map((d) => d.input.path)).toEqual([`${tree}/z/deep/er/c.txt`]);
    const braces = khabar([tree, "--glob", "{a,m/d}.{txt,md}"]);
    expect(docs(braces.stdout).map((d) => d.input.path)).toEqual([`${tree}/a.txt`, `${tree}/m/d.txt`]);
  });

  it("reports a missing input and a binary file, and still parses the rest", () => {
    const bin = join(t.dir, "image.txt");
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4, 5, 6, 7, 8, 0x10, 0x11, 0x12]));
    const r = khabar([join(t.dir, "missing.txt"), bin, join(tree, "a.txt")]);
    expect(r.status).toBe(1);
    expect(docs(r.stdout)).toHaveLength(1);
    expect(r.stderr).toContain(`khabar: ${join(t.dir, "missing.txt")}: no such file or directory`);
    expect(r.stderr).toContain(`khabar: ${bin}: binary file`);
  });

  it("rejects a directory given with a record format", () => {
    mkdirSync(join(t.dir, "records"), { recursive: true });
    const r = khabar(["--input-format", "jsonl", join(t.dir, "records")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`khabar: ${join(t.dir, "records")}: is a directory`);
  });
});

// With -j 1 the walk does not stat plain files: the task that reads one learns its size from its fstat,
// refuses one too large, and stops a batch once it has read enough bytes. With -j 2 the walk stats them.
// Both must give the same output and the same messages.
describe("a directory tree read without a stat per file", () => {
  const t = tempDir("nostat");
  const tree = join(t.dir, "tree");
  const files: Record<string, string> = {};
  beforeAll(() => {
    // ~100 KB dumps among small ones: a batch of 128 files is cut by bytes every few files.
    for (let i = 0; i < 40; i++) files[`d${i % 3}/f${String(i).padStart(2, "0")}.txt`] = dump(i, i % 4 === 1 ? 900 : 2);
    writeTree(tree, files);
    // Over MAX_DUMP_BYTES (256 MiB), sparse: refused from its size, never read.
    writeFileSync(join(tree, "d1", "huge.txt"), "");
    truncateSync(join(tree, "d1", "huge.txt"), 300e6);
    symlinkSync(join(tree, "d0", "f00.txt"), join(tree, "d0", "link.txt"));
    symlinkSync(join(tree, "nowhere.txt"), join(tree, "d2", "broken.txt"));
    spawnSync("mkfifo", [join(tree, "d2", "fifo.txt")]);
  });
  afterAll(t.cleanup);

  const expectedPaths = () =>
    [...Object.keys(files), "d0/link.txt"].sort().map((rel) => `${tree}/${rel}`);

  it("gives every file in order, follows a link, and reports a file too large, a broken link and a FIFO as with -j 2", () => {
    const one = khabar(["-j", "1", tree]);
    const two = khabar(["-j", "2", tree]);
    expect(one.status).toBe(1);
    expect(docs(one.stdout).map((d) => d.input.path)).toEqual(expectedPaths());
    expect(one.stderr).toContain(`khabar: ${tree}/d1/huge.txt: 300 MB is too large for one dump; cut it with --split-on or use a record format\n`);
    expect(one.stderr).toContain(`khabar: ${tree}/d2/broken.txt: broken symbolic link (no such file or directory)\n`);
    if (readdirSync(join(tree, "d2")).includes("fifo.txt")) expect(one.stderr).toContain(`khabar: ${tree}/d2/fifo.txt: not a regular file, skipped\n`);
    expect(two.status).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(two.stderr).toBe(one.stderr);
    // The link is read as the file it points to.
    const byPath = new Map(docs(one.stdout).map((d) => [d.input.path, d]));
    expect(byPath.get(`${tree}/d0/link.txt`)!.article).toEqual(byPath.get(`${tree}/d0/f00.txt`)!.article);
  });

  it("--out-dir: each document goes to its own input's file when batches are cut by bytes", () => {
    const out = join(t.dir, "out");
    const r = khabar(["-j", "1", "--stats", tree, "--out-dir", out]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/too large for one dump/);
    for (const path of expectedPaths()) {
      const rel = path.slice(tree.length + 1);
      expect(JSON.parse(readFileSync(join(out, `${rel}.json`), "utf8")).input.path).toBe(path);
    }
    expect(readdirSync(join(out, "d1"))).not.toContain("huge.txt.json");
  });

  it("refuses a file too large given by name, and reads the rest", () => {
    const huge = join(tree, "d1", "huge.txt");
    const first = join(tree, "d0", "f00.txt");
    for (const jobs of ["1", "2"]) {
      const r = khabar(["-j", jobs, huge, first]);
      expect(r.status).toBe(1);
      expect(docs(r.stdout).map((d) => d.input.path)).toEqual([first]);
      expect(r.stderr).toBe(`khabar: ${huge}: 300 MB is too large for one dump; cut it with --split-on or use a record format\n`);
    }
  });
});

// A runaway file of blank lines (or many dumps run together) would run the heap out, which ends the process
// and every input after it. The splitter refuses a dump past a share of the heap instead: an input error.
describe("a dump with more lines than the heap can parse", () => {
  const t = tempDir("lines");
  afterAll(t.cleanup);
  const SMALL_HEAP = { NODE_OPTIONS: "--max-old-space-size=64" };

  it("is refused with a message naming it, and the batch goes on", () => {
    const blank = join(t.dir, "blank.txt");
    const next = join(t.dir, "next.txt");
    writeFileSync(blank, "\n".repeat(600_000));
    writeFileSync(next, dump(1));
    for (const jobs of ["1", "2"]) {
      const r = khabar(["-j", jobs, blank, next], { env: SMALL_HEAP });
      expect(r.status).toBe(1);
      expect(docs(r.stdout).map((d) => d.input.path)).toEqual([next]);
      expect(r.stderr).toMatch(
        new RegExp(`^khabar: ${blank}: over \\d+ lines, too large for one dump in this process's memory \\(\\d+(?:\\.\\d)? [MG]iB for a dump\\); cut it with --split-on, use a record format, or give node more heap \\(NODE_OPTIONS=--max-old-space-size=MB\\)\n$`),
      );
    }
  });

  it("is refused before the repair and decoding passes cut it into lines (a NUL, bytes that are not UTF-8)", () => {
    const next = join(t.dir, "next2.txt");
    writeFileSync(next, dump(2));
    for (const [name, head] of [["nul.txt", Buffer.from("x\0\n")], ["invalid.txt", Buffer.from([0x78, 0xff, 0x0a])]] as const) {
      const file = join(t.dir, name);
      writeFileSync(file, Buffer.concat([head, Buffer.alloc(2_000_000, 0x0a)]));
      const r = khabar([file, next], { env: SMALL_HEAP });
      expect(r.status).toBe(1);
      expect(docs(r.stdout).map((d) => d.input.path)).toEqual([next]);
      expect(r.stderr).toMatch(new RegExp(`^khabar: ${file}: over \\d+ lines, too large for one dump in this process's memory`));
    }
  });

  it("is reported by inspect as a problem with the input, not as a bug", () => {
    const file = join(t.dir, "inspect.txt");
    writeFileSync(file, "سطر\n".repeat(130_000));
    const r = khabar(["inspect", file], { env: SMALL_HEAP });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^khabar: ${file}: over \\d+ lines: more than one dump can hold in this process's memory \\(\\d+ MiB for a dump\\); cut it into several dumps\n$`));
  });

  it("is parsed whole when the heap allows it", () => {
    const blank = join(t.dir, "blank-ok.txt");
    writeFileSync(blank, `عنوان\n${"\n".repeat(600_000)}نص الخبر في آخر الملف.\n`);
    const r = khabar([blank]);
    expect(r.status).toBe(0);
    const [doc] = docs(r.stdout);
    expect(doc!.input.lines).toBe(600_002);
    expect(doc!.article.paragraphs).toContain("نص الخبر في آخر الملف.");
  });
});
