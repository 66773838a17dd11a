/** The process contract: -j byte-identity, a closed pipe, exit codes, colour, the progress bar, inspect and rules. */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, cleanEnv, docs, dump, khabar, tempDir, writeTree } from "./helpers.js";

const t = tempDir("process");
const batch = join(t.dir, "batch");
const one = join(batch, "g0", "f00.txt");
// Big enough (over 4 MB) that -j 2 really starts a worker: a smaller run is parsed in the main thread.
const bigBatch = join(t.dir, "big-batch");
beforeAll(() => {
  const files: Record<string, string> = {};
  // Files of very different sizes, so threads finish out of order.
  for (let i = 0; i < 60; i++) files[`g${i % 4}/f${String(i).padStart(2, "0")}.txt`] = dump(i, i % 3 === 0 ? 200 : 2);
  writeTree(batch, files);
  const big: Record<string, string> = {};
  for (let i = 0; i < 48; i++) big[`g${i % 4}/f${String(i).padStart(2, "0")}.txt`] = dump(i, i % 3 === 0 ? 3600 : 2);
  writeTree(bigBatch, big);
});
afterAll(t.cleanup);

function sh(script: string, env: Record<string, string> = {}) {
  const r = spawnSync("bash", ["-o", "pipefail", "-c", script], { cwd: t.dir, env: cleanEnv({ KHABAR: `${process.execPath} ${BIN}`, ...env }), encoding: "utf8" });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("parallel runs", () => {
  it("-j 1 and -j 2 give byte-identical output, in input order", () => {
    for (const [dir, n] of [
      [batch, 60],
      [bigBatch, 48],
    ] as const) {
      const a = khabar([dir, "-j", "1"]);
      const b = khabar([dir, "-j", "2"]);
      const c = khabar([dir, "-j", "3", "--format", "json"]);
      expect(a.status).toBe(0);
      expect(b.stdout).toBe(a.stdout);
      expect(c.stdout).toBe(`[\n${a.stdout.trimEnd().split("\n").join(",\n")}\n]\n`);
      const paths = docs(a.stdout).map((d) => d.input.path);
      expect(paths).toHaveLength(n);
      expect([...paths].sort()).toEqual(paths);
    }
  });
});

describe("parallel runs, every format", () => {
  // Documents parsed by the main thread and by a worker meet in one stream: each format's separators
  // must come out as with one thread.
  it.each(["--format json --pretty", "--format text", "--format markdown", "--pretty"])("%s: -j 2 = -j 1", (line) => {
    const flags = line.split(" ");
    const a = khabar([bigBatch, "-j", "1", ...flags]);
    const b = khabar([bigBatch, "-j", "2", ...flags]);
    expect(a.status).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(1000);
    expect(b.stdout).toBe(a.stdout);
  });
});

describe("a closed pipe", () => {
  it("`khabar dir | head -1` ends with status 0 and nothing on stderr", () => {
    for (const jobs of ["1", "2"]) {
      const r = sh(`$KHABAR -j ${jobs} batch batch batch 2>err.txt | head -1 >/dev/null; echo "\${PIPESTATUS[0]}"; cat err.txt`);
      expect(r.stdout).toBe("0\n");
    }
  });
});

describe("exit codes", () => {
  it("0 when every input parsed", () => {
    expect(khabar([one]).status).toBe(0);
  });

  it("1 when an input failed, with the rest still printed", () => {
    const r = khabar([one, join(t.dir, "nope.txt")]);
    expect(r.status).toBe(1);
    expect(docs(r.stdout)).toHaveLength(1);
  });

  it.each([
    [["--no-such-option"], /unknown option/],
    [["--jobs", "0"], /--jobs/],
    [["--jobs", "two"], /--jobs/],
    [["--encoding", "klingon"], /unknown encoding "klingon".*utf-8/],
    [["--markers", "/nonexistent/markers.json"], /markers/],
    [["--split-on", "[a-"], /--split-on/],
    [["--format", "yaml"], /yaml/],
    [["--tag-lexicon", "/nonexistent/lexicon.txt"], /lexicon/],
  ])("2 for a usage error: %j", (args, message) => {
    const r = khabar([...args, one]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^khabar: /);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack
  });

  it("--strict fails the run exactly when a document carries warnings", () => {
    // Invalid UTF-8 bytes and NULs: the decoder repairs them and may warn.
    const messy = join(t.dir, "messy.txt");
    writeFileSync(messy, Buffer.concat([Buffer.from(dump(1)), Buffer.from([0xff, 0xfe, 0x00, 0x41, 0x0a])]));
    for (const file of [one, messy]) {
      const r = khabar(["--strict", file]);
      const [doc] = docs(r.stdout);
      expect(r.status).toBe(doc!.warnings.length > 0 ? 1 : 0);
    }
  });

  it("--quiet keeps stderr empty but not the status", () => {
    const r = khabar(["--quiet", join(t.dir, "nope.txt")]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
  });
});

describe("colour (inspect)", () => {
  const ansi = /\x1b\[/;
  it("is off when piped, on with FORCE_COLOR or --color, off with NO_COLOR or --no-color", () => {
    expect(khabar(["inspect", one]).stdout).not.toMatch(ansi);
    expect(khabar(["inspect", one], { env: { FORCE_COLOR: "1" } }).stdout).toMatch(ansi);
    expect(khabar(["inspect", "--color", one]).stdout).toMatch(ansi);
    expect(khabar(["inspect", one], { env: { NO_COLOR: "1" } }).stdout).not.toMatch(ansi);
    expect(khabar(["inspect", "--no-color", one], { env: { FORCE_COLOR: "1" } }).stdout).not.toMatch(ansi);
  });

  it("shows every line of the dump with its number", () => {
    const r = khabar(["inspect", one]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(dump(0, 200).trimEnd().split("\n").length);
    expect(lines[0]).toMatch(/^\s*1\s+\S+\s+عنوان الخبر رقم 0$/);
  });
});

describe("the progress bar", () => {
  const hasScript = spawnSync("script", ["--version"]).status === 0;
  it.skipIf(!hasScript)("is drawn on a terminal for a batch of 20+ inputs, and cleared", () => {
    const r = sh(`script -qfec "$KHABAR batch -o out.ndjson" /dev/null`);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\/60 files/);
    expect(r.stdout).toMatch(/MB\/s/);
    expect(r.stdout).toContain("\r\x1b[K");
  });

  it("is not drawn when stderr is not a terminal, nor with --no-progress", () => {
    expect(khabar([batch, "-o", join(t.dir, "x.ndjson")]).stderr).toBe("");
    const r = sh(`script -qfec "$KHABAR batch --no-progress -o out.ndjson" /dev/null`);
    expect(r.stdout).not.toMatch(/files/);
  });
});

describe("khabar rules", () => {
  it("lists the classifiers and the marker vocabulary, with --markers merged", () => {
    const markers = join(t.dir, "markers.json");
    writeFileSync(markers, JSON.stringify({ source: ["منقول عن"] }));
    const r = khabar(["rules", "--markers", markers]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Classifiers, in pipeline order/);
    expect(r.stdout).toMatch(/Marker vocabulary/);
    expect(r.stdout).toContain("منقول عن");
    const json = JSON.parse(khabar(["rules", "--json"]).stdout);
    expect(Array.isArray(json.rules)).toBe(true);
    expect(json.markers.source).toContain("المصدر");
    expect(khabar(["rules", "--markers", join(t.dir, "missing.json")]).status).toBe(2);
  });
});
