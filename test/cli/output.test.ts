/** Output formats, -o, --out-dir (mirrored names, atomic writes, --skip-existing), --explain and --stats. */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, cleanEnv, docs, dump, khabar, khabarAsync, ROOT, tempDir, writeTree } from "./helpers.js";

const t = tempDir("output");
const tree = join(t.dir, "tree");
beforeAll(() => writeTree(tree, { "a.txt": dump(1), "b/c.txt": dump(2), "b/d/e.txt": dump(3) }));
afterAll(t.cleanup);

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(d, e.name));
      else out.push(relative(dir, join(d, e.name)));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * khabar with its standard output redirected to the file at `path` (and standard error too, with `stderrToo`, as
 * `> path 2>&1`); `after` gets the descriptor once the run is over, before it is closed.
 */
function khabarTo(path: string, args: string[], options: { stderrToo?: boolean; after?: (fd: number) => void } = {}) {
  const fd = openSync(path, "w");
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { env: cleanEnv(), stdio: ["ignore", fd, options.stderrToo ? fd : "pipe"], encoding: "utf8" });
    options.after?.(fd);
    return { status: r.status, stderr: r.stderr ?? "" };
  } finally {
    closeSync(fd);
  }
}

describe("--format", () => {
  it("ndjson (default): one compact document per line", () => {
    const r = khabar([tree]);
    const lines = r.stdout.split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(JSON.parse(l).schema).toBe("khabar/1");
  });

  it("json: one array, one element a line; --pretty indents; no input gives []", () => {
    const r = khabar(["--format", "json", tree]);
    expect(r.stdout.startsWith("[\n{")).toBe(true);
    expect(r.stdout.endsWith("}\n]\n")).toBe(true);
    expect(JSON.parse(r.stdout)).toHaveLength(3);
    const pretty = khabar(["--format", "json", "--pretty", tree]);
    expect(pretty.stdout.startsWith('[\n  {\n    "schema"')).toBe(true);
    expect(JSON.parse(pretty.stdout)).toEqual(JSON.parse(r.stdout));
    const none = khabar(["--format", "json", join(t.dir, "missing.txt")]);
    expect(none.stdout).toBe("[\n]\n");
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it("ndjson --pretty: indented documents, one after another", () => {
    const r = khabar(["--pretty", join(tree, "a.txt")]);
    expect(r.stdout).toMatch(/^\{\n {2}"schema": "khabar\/1",/);
  });

  it("text: each article a block of lines (title, one paragraph a line), blocks separated by a blank line", () => {
    const r = khabar(["--format", "text", tree]);
    const blocks = r.stdout.trimEnd().split("\n\n");
    expect(blocks).toHaveLength(3);
    for (const b of blocks) expect(b).not.toMatch(/^\s*$/m);
    expect(r.stdout).not.toContain("{");
    expect(r.stdout.endsWith("\n")).toBe(true);
  });

  it("markdown: documents separated by ---, text only", () => {
    const r = khabar(["--format", "markdown", tree]);
    expect(r.stdout.split("\n---\n")).toHaveLength(3);
    expect(r.stdout).not.toContain('"schema"');
  });

  it("-o writes to a file and leaves stdout empty", () => {
    const out = join(t.dir, "all.ndjson");
    const r = khabar([tree, "-o", out]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(docs(readFileSync(out, "utf8"))).toHaveLength(3);
  });

  it("standard output redirected to a file gets the same bytes as a pipe, and the file is not closed early", () => {
    const file = join(t.dir, "redirected.ndjson");
    // The descriptor is still ours to write to after the run.
    const r = khabarTo(file, [tree, "--format", "json"], { after: (fd) => writeSync(fd, "\n-- after --\n") });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    expect(readFileSync(file, "utf8")).toBe(`${khabar([tree, "--format", "json"]).stdout}\n-- after --\n`);
  });

  it("standard output and standard error to the same file keep their order (> log 2>&1)", () => {
    // khabar inspect writes its rows, then the dump's warnings: an output stream that wrote later (in the
    // background) let the warnings land first.
    const input = join(ROOT, "fixtures", "enc-invalid-bytes", "input.txt");
    for (let run = 0; run < 3; run++) {
      const file = join(t.dir, `log${run}.txt`);
      expect(khabarTo(file, ["inspect", "--no-color", input], { stderrToo: true }).status).toBe(0);
      const lines = readFileSync(file, "utf8").trimEnd().split("\n");
      const firstWarning = lines.findIndex((l) => l.startsWith("khabar: "));
      expect(firstWarning).toBeGreaterThan(0);
      expect(lines.slice(firstWarning).every((l) => l.startsWith("khabar: "))).toBe(true);
    }
  });

  it.runIf(existsSync("/dev/full"))("khabar inspect and khabar rules report a full disk too (exit 1, a message, no stack)", () => {
    for (const args of [["rules"], ["rules", "--json"], ["inspect", join(tree, "a.txt")]]) {
      const r = khabarTo("/dev/full", args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/^khabar: -: cannot write the output: ENOSPC/);
      expect(r.stderr).not.toContain("internal error");
    }
  });

  it.runIf(existsSync("/dev/full"))("a full disk is an error, however small the output: -o, or standard output to it (exit 1, a message)", () => {
    for (const args of [[tree, "-o", "/dev/full"], [join(tree, "a.txt"), "-o", "/dev/full"]]) {
      const r = khabar(args);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/\/dev\/full: cannot write the output: ENOSPC/);
    }
    const r = khabarTo("/dev/full", [join(tree, "a.txt")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/-: cannot write the output: ENOSPC/);
  });

  it("--explain adds lines[]; --stats counts on stderr and keeps lines[] out of the output", () => {
    const explained = docs(khabar(["--explain", join(tree, "a.txt")]).stdout)[0]!;
    expect(Array.isArray(explained.lines)).toBe(true);
    expect(explained.lines[0]).toEqual({ n: expect.any(Number), label: expect.any(String), rule: expect.any(String), block: expect.any(String) });
    const r = khabar(["--stats", tree]);
    expect(r.status).toBe(0);
    expect(docs(r.stdout).every((d) => !("lines" in d))).toBe(true);
    expect(r.stderr).toMatch(/documents\s+3/);
    expect(r.stderr).toMatch(/lines by rule/);
    expect(r.stderr).toMatch(/dropped by reason/);
    expect(r.stderr).toMatch(/repairs by kind/);
    expect(r.stderr).toMatch(/MB\/s/);
  });
});

describe("--out-dir", () => {
  it("writes one file per input, relative paths mirrored, stdin as stdin.json; -o with it is a usage error", () => {
    const out = join(t.dir, "out1");
    const r = khabar([tree, "-", "--out-dir", out], { input: dump(9) });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
    expect(listFiles(out)).toEqual(["a.txt.json", "b/c.txt.json", "b/d/e.txt.json", "stdin.json"]);
    for (const f of listFiles(out)) expect(JSON.parse(readFileSync(join(out, f), "utf8")).schema).toBe("khabar/1");
    expect(khabar([tree, "--out-dir", out, "-o", "x"]).status).toBe(2);
  });

  it("holds all the records of a record input in one file", () => {
    const out = join(t.dir, "out-records");
    const file = join(t.dir, "r.jsonl");
    writeFileSync(file, `${JSON.stringify({ text: dump(1) })}\n${JSON.stringify({ text: dump(2) })}\n`);
    khabar(["-i", "jsonl", file, "--out-dir", out, "--format", "json"]);
    expect(JSON.parse(readFileSync(join(out, "r.jsonl.json"), "utf8"))).toHaveLength(2);
  });

  it("--skip-existing: a second run writes nothing new", () => {
    const out = join(t.dir, "out2");
    expect(khabar([tree, "--out-dir", out]).status).toBe(0);
    const before = Object.fromEntries(listFiles(out).map((f) => [f, statSync(join(out, f)).mtimeMs]));
    // Mark one output: a rewrite would lose the mark.
    writeFileSync(join(out, "a.txt.json"), '{"marker":true}\n');
    const again = khabar([tree, "--out-dir", out, "--skip-existing", "--stats"]);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(/3 skipped/);
    expect(readFileSync(join(out, "a.txt.json"), "utf8")).toBe('{"marker":true}\n');
    for (const [f, mtime] of Object.entries(before)) if (f !== "a.txt.json") expect(statSync(join(out, f)).mtimeMs).toBe(mtime);
    expect(listFiles(out)).toEqual(Object.keys(before).sort());
  });

  it("a run killed midway leaves only complete .json files", async () => {
    const big = join(t.dir, "big");
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`g${i % 7}/f${String(i).padStart(4, "0")}.txt`] = dump(i, 60);
    writeTree(big, files);
    const out = join(t.dir, "out-killed");
    const child = khabarAsync([big, "--out-dir", out, "-j", "2"], t.dir);
    const exited = new Promise((resolve) => child.on("exit", resolve));
    // Kill as soon as the first outputs appear.
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      if (existsSync(out) && listFiles(out).some((f) => f.endsWith(".json"))) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    child.kill("SIGKILL");
    await exited;
    const written = listFiles(out).filter((f) => f.endsWith(".json"));
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(400);
    for (const f of written) expect(JSON.parse(readFileSync(join(out, f), "utf8")).schema).toBe("khabar/1");
    // The interrupted batch resumes and completes.
    const resumed = khabar([big, "--out-dir", out, "--skip-existing", "--quiet"]);
    expect(resumed.status).toBe(0);
    expect(listFiles(out).filter((f) => f.endsWith(".json"))).toHaveLength(400);
  }, 60_000);
});
