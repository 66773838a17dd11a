#!/usr/bin/env node
/**
 * Bundles the command line into dist/bundle/, after tsc (`npm run build`), from tsc's output: the
 * bundle runs exactly the JavaScript the library ships.
 *
 *   cli.js       what bin/khabar.js imports: a re-export of khabar.js
 *   khabar.js    the CLI and the library, everything a run over dumps needs
 *   program.js   commander's view of the command line, color.js chalk's, pool.js the worker threads':
 *                loaded only by the runs that need them, with what they import
 *   worker.js    a `-j N` worker thread, the library and the task runner in one file
 *
 * Why: a one-file run is mostly start-up, and resolving, reading, compiling and linking ~90 small
 * ES modules cost about as much as Node's own start. Dependencies stay outside, loaded by what needs
 * them when it runs, as before. Files stay one folder below dist/, like tsc's dist/cli/, so paths
 * built from import.meta.url (package.json, worker.js, iconv-lite) resolve the same.
 */
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { builtinModules } from "node:module";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = "dist/bundle";
const pkg = JSON.parse(readFileSync(`${ROOT}package.json`, "utf8"));
const deps = Object.keys(pkg.dependencies ?? {});
const isExternal = (id) =>
  id.startsWith("node:") || builtinModules.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));
/**
 * Modules imported only by some runs, that import a dependency or a module Node has not loaded yet
 * (node:worker_threads) at their top: a chunk of their own, so that loads only with them.
 */
const OWN_CHUNK = /[\\/]cli[\\/](program|color|pool)\.js$/;

const common = { cwd: ROOT, external: isExternal, platform: "node", logLevel: "warn" };
await rm(`${ROOT}${OUT}`, { recursive: true, force: true });
await build({
  ...common,
  input: { cli: "dist/cli.js" },
  output: {
    dir: OUT,
    format: "esm",
    sourcemap: true,
    chunkFileNames: "[name].js",
    codeSplitting: { groups: [{ name: "khabar", test: (id) => !OWN_CHUNK.test(id) }] },
  },
});
// pool.js starts `new URL("./worker.js", import.meta.url)`: beside the bundled CLI.
await build({
  ...common,
  input: "dist/cli/worker.js",
  output: { file: `${OUT}/worker.js`, format: "esm", sourcemap: true, codeSplitting: false },
});
