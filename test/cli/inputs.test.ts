/** Inputs: stdin, directory walks (order, glob, broken links, loops), binary files, missing files. */
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
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

  it("walks recursively in sorted order, picks **/*.txt, reports the broken link and the loop, and goes on", () => {
    const r = khabar([tree, "-j", "2"]);
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
