/**
 * The CLI runs from its bundle (scripts/build-cli.mjs → dist/bundle/): a one-file run reads bin/ and two
 * bundled files, loads no dependency, and `-j 2` workers run the bundled worker. A worker that fails to
 * start goes unnoticed in the output (the main thread does the work), so this checks what was loaded.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, cleanEnv, dump, ROOT, tempDir, writeTree } from "./helpers.js";

const t = tempDir("bundle");
const big = join(t.dir, "big");
const bigJsonl = join(t.dir, "big.jsonl");
afterAll(t.cleanup);
beforeAll(() => {
  // A module hook that names every file loaded (main thread and worker threads) on standard error.
  writeFileSync(
    join(t.dir, "hooks.mjs"),
    `import { writeSync } from "node:fs";
export async function load(url, context, next) {
  if (url.startsWith("file:") || !url.startsWith("node:")) writeSync(2, "loaded " + url + "\\n");
  return next(url, context);
}
`,
  );
  writeFileSync(join(t.dir, "register.mjs"), `import { register } from "node:module";\nregister(${JSON.stringify(pathToFileURL(join(t.dir, "hooks.mjs")).href)});\n`);
  // Over 4 MB, so that -j 2 starts a worker.
  const files: Record<string, string> = {};
  for (let i = 0; i < 24; i++) files[`f${String(i).padStart(2, "0")}.txt`] = dump(i, i % 4 === 3 ? 2 : 3600);
  writeTree(big, files);
  writeFileSync(bigJsonl, Object.values(files).map((text, id) => JSON.stringify({ id, text }) + "\n").join(""));
});

/** The files a run loaded, relative to the repository (dependencies by package name). */
function loaded(args: string[]): { status: number | null; files: string[] } {
  const r = spawnSync(process.execPath, ["--import", pathToFileURL(join(t.dir, "register.mjs")).href, BIN, ...args], {
    cwd: ROOT,
    env: cleanEnv(),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const files = [...r.stderr.matchAll(/^loaded (\S+)$/gmu)].map((m) => {
    const path = relative(ROOT, new URL(m[1]!).pathname);
    // Also a node_modules outside the checkout (a git worktree's symlink to the main one's).
    return path.replace(/^(?:[^/]+\/)*?node_modules\/([^/]+)\/.*$/u, "dependency $1");
  });
  return { status: r.status, files: [...new Set(files)].sort() };
}

describe("the bundled CLI", () => {
  it("reads bin/khabar.js and two bundled files for a one-file run, and no dependency", () => {
    const r = loaded(["fixtures/rt-libya-base/input.txt"]);
    expect(r.status).toBe(0);
    expect(r.files).toEqual(["bin/khabar.js", "dist/bundle/cli.js", "dist/bundle/khabar.js"]);
  });

  it("runs the bundled worker for -j 2", () => {
    const r = loaded(["-j", "2", big]);
    expect(r.status).toBe(0);
    expect(r.files).toEqual(["bin/khabar.js", "dist/bundle/cli.js", "dist/bundle/khabar.js", "dist/bundle/pool.js", "dist/bundle/worker.js"]);
  });

  // The default -j is the number of cores. On two, a worker's compiling competes with the parsers, and a run of
  // dump files under 48 MB is faster in the main thread alone; records, and other machines, keep the 4 MB bar.
  it("with the default -j, starts a worker for 4–48 MB of dump files only on a machine of more than two cores", () => {
    const r = loaded([big]);
    expect(r.status).toBe(0);
    expect(r.files.includes("dist/bundle/pool.js")).toBe(availableParallelism() > 2);
  });

  it("with the default -j, starts a worker for over 4 MB of records on two cores or more", () => {
    const r = loaded(["--input-format", "jsonl", bigJsonl]);
    expect(r.status).toBe(0);
    expect(r.files.includes("dist/bundle/pool.js")).toBe(availableParallelism() >= 2);
  });

  it("loads commander only for what the fast path leaves to it", () => {
    const r = loaded(["--version"]);
    expect(r.status).toBe(0);
    expect(r.files).toContain("dependency commander");
    expect(r.files).toContain("dist/bundle/program.js");
  });
});
