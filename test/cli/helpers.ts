/** Spawning the built CLI (bin/khabar.js → dist/bundle/cli.js; `npm test` builds first) in temporary folders. */
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const BIN = join(ROOT, "bin", "khabar.js");

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Environment without colour hints, so output does not depend on the terminal running the tests. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return { ...env, ...extra };
}

export function khabar(args: string[], options: { cwd?: string; input?: string | Buffer; env?: Record<string, string> } = {}): RunResult {
  const spawnOptions: SpawnSyncOptions = { cwd: options.cwd ?? ROOT, env: cleanEnv(options.env), encoding: "utf8", maxBuffer: 256 * 1024 * 1024 };
  if (options.input !== undefined) spawnOptions.input = options.input;
  const r = spawnSync(process.execPath, [BIN, ...args], spawnOptions);
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** The same, asynchronously: for runs that must not block the test (a kill midway). */
export function khabarAsync(args: string[], cwd: string) {
  return spawn(process.execPath, [BIN, ...args], { cwd, env: cleanEnv(), stdio: ["ignore", "pipe", "pipe"] });
}

export function tempDir(name: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `khabar-${name}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/** A small, ordinary dump: a title, two paragraphs, a source line. */
export function dump(n: number, paragraphs = 2): string {
  const body = Array.from({ length: paragraphs }, (_, k) => `هذه فقرة رقم ${k + 1} من نص الخبر رقم ${n}، وهي جملة كاملة.`);
  return [`عنوان الخبر رقم ${n}`, "", ...body.flatMap((p) => [p, ""]), "المصدر: وكالات", ""].join("\n");
}

/** ndjson output → documents. */
export function docs(stdout: string): Record<string, any>[] {
  return stdout
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
}
