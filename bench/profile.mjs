#!/usr/bin/env node
// CPU profile of khabar -j 1 on a slice of the benchmark corpus, summarised as the top functions
// by self time. The raw .cpuprofile files stay in bench/tmp/prof/<run>/ (open them in Chrome
// DevTools › Performance, or VS Code) until you delete them.
//
//   node bench/profile.mjs                      # first 10k dumps of the quick (20 MB) corpus
//   node bench/profile.mjs --top 40 some/dir    # any directory or file
//   node bench/profile.mjs --jsonl              # a fresh 20 MB JSONL through --input-format jsonl
//   node bench/profile.mjs --summarize DIR      # only summarise existing .cpuprofile files
//   node bench/profile.mjs some/dir -- --explain  # extra khabar flags after --

import fs from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { SourceMap } from "node:module";
import { fileURLToPath } from "node:url";
import { ensureCorpus, writeJsonl } from "./corpus.mjs";
import { devNull } from "./measure.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const env = process.env;
const KHABAR = env.BENCH_KHABAR ? path.resolve(env.BENCH_KHABAR) : path.join(ROOT, "bin", "khabar.js");

const argv = process.argv.slice(2);
const dashdash = argv.indexOf("--");
const extra = dashdash >= 0 ? argv.slice(dashdash + 1) : [];
const own = dashdash >= 0 ? argv.slice(0, dashdash) : argv;
let top = 25;
let jsonl = false;
let summarizeOnly = null;
let input = null;
for (let i = 0; i < own.length; i++) {
  if (own[i] === "--top") top = Number(own[++i]);
  else if (own[i] === "--jsonl") jsonl = true;
  else if (own[i] === "--summarize") summarizeOnly = own[++i];
  else input = own[i];
}

/**
 * Self time per function over all profiles in `dir`. Sample i lasts until sample i+1 (the last
 * one until endTime), which is how DevTools attributes time; samples of the same callFrame
 * (name + script + line + column) are summed, wherever in the tree they occur.
 */
export function selfTimes(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".cpuprofile"));
  const byKey = new Map();
  let totalUs = 0;
  for (const f of files) {
    const prof = JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
    const frames = new Map(prof.nodes.map((n) => [n.id, n.callFrame]));
    const { samples, timeDeltas } = prof;
    let t = prof.startTime;
    const stamps = timeDeltas.map((d) => (t += d));
    for (let i = 0; i < samples.length; i++) {
      const dur = Math.max(0, (i + 1 < samples.length ? stamps[i + 1] : prof.endTime) - stamps[i]);
      const cf = frames.get(samples[i]);
      const key = `${cf.functionName}\0${cf.url}\0${cf.lineNumber}\0${cf.columnNumber}`;
      let e = byKey.get(key);
      if (!e) byKey.set(key, (e = { functionName: cf.functionName || "(anonymous)", url: cf.url, line: cf.lineNumber + 1, column: cf.columnNumber, selfUs: 0 }));
      e.selfUs += dur;
      totalUs += dur;
    }
  }
  return { files: files.length, totalUs, entries: [...byKey.values()].sort((a, b) => b.selfUs - a.selfUs) };
}

const sourceMaps = new Map();

/** The source map beside a built file (the CLI bundle's maps to dist/, tsc's to src/), or null. */
function sourceMapOf(file) {
  if (!sourceMaps.has(file)) {
    let map = null;
    try {
      map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {}
    sourceMaps.set(file, map);
  }
  return sourceMaps.get(file);
}

/**
 * Where a function is, in khabar's sources when the source maps lead there: a frame in the CLI
 * bundle (dist/bundle/) maps to the module tsc built (dist/…/x.js), and that to src/…/x.ts.
 */
function where(e) {
  if (!e.url) return "";
  let u = e.url.startsWith("file://") ? fileURLToPath(e.url) : e.url;
  let line = e.line - 1;
  let column = e.column ?? 0;
  for (let hops = 0; hops < 2 && u.startsWith(ROOT + path.sep); hops++) {
    const found = sourceMapOf(u)?.findEntry(line, column);
    if (!found?.originalSource) break;
    u = found.originalSource.startsWith("file://") ? fileURLToPath(found.originalSource) : path.resolve(path.dirname(u), found.originalSource);
    line = found.originalLine;
    column = found.originalColumn;
  }
  if (u.startsWith(ROOT + path.sep)) u = path.relative(ROOT, u);
  return `${u}:${line + 1}`;
}

function category(e) {
  if (!e.url) return e.functionName.startsWith("(") ? e.functionName : "native/builtin";
  if (e.url.startsWith("node:")) return "node internals";
  if (e.url.includes("/node_modules/")) return "dependencies";
  if (e.url.includes("/dist/") || e.url.includes("/src/")) return "khabar";
  return "other";
}

function report(dir) {
  const { files, totalUs, entries: frames } = selfTimes(dir);
  // The main thread's bundle and the worker's hold the same functions: one row each, by source location.
  const merged = new Map();
  for (const e of frames) {
    const key = `${e.functionName}\0${where(e)}`;
    const m = merged.get(key);
    if (m) m.selfUs += e.selfUs;
    else merged.set(key, { ...e });
  }
  const entries = [...merged.values()].sort((a, b) => b.selfUs - a.selfUs);
  if (files === 0) {
    console.log(`no .cpuprofile in ${dir}`);
    return 1;
  }
  const ms = (us) => (us / 1000).toFixed(1).padStart(9);
  const pct = (us) => ((100 * us) / totalUs).toFixed(1).padStart(5);
  console.log(`\n${files} profile(s), ${(totalUs / 1e6).toFixed(2)} s sampled — top ${top} by self time\n`);
  console.log(`${"self ms".padStart(9)}  ${"%".padStart(5)}  function  (location)`);
  const short = (n) => (n.length > 80 ? n.slice(0, 77) + "…" : n); // RegExp frames carry their whole source
  for (const e of entries.slice(0, top)) console.log(`${ms(e.selfUs)}  ${pct(e.selfUs)}  ${short(e.functionName)}  ${where(e) ? `(${where(e)})` : ""}`);
  const cats = new Map();
  for (const e of entries) cats.set(category(e), (cats.get(category(e)) ?? 0) + e.selfUs);
  console.log("\nby origin:");
  for (const [c, us] of [...cats].sort((a, b) => b[1] - a[1])) console.log(`${ms(us)}  ${pct(us)}  ${c}`);
  return 0;
}

async function main() {
  if (summarizeOnly) return report(path.resolve(summarizeOnly));
  const tmp = path.join(BENCH, "tmp");
  const mb = Number(env.BENCH_MB || 20);
  const seed = Number(env.BENCH_SEED || 42) >>> 0;
  let target = input ? path.resolve(input) : null;
  let cleanup = null;
  if (!target && jsonl) {
    target = path.join(tmp, `profile-${process.pid}.jsonl`);
    writeJsonl({ root: ROOT, file: target, seed, mb, log: console.error });
    cleanup = target;
  } else if (!target) {
    const corpus = ensureCorpus({ root: ROOT, corpusRoot: path.join(BENCH, "corpus"), seed, mb, log: console.error });
    target = path.join(corpus.tree, "g000"); // the first ≤ 10 000 dumps
  }
  const profDir = path.join(tmp, "prof", new Date().toISOString().replace(/[:.]/g, "-"));
  fs.mkdirSync(profDir, { recursive: true });
  const args = [
    "--cpu-prof",
    `--cpu-prof-dir=${profDir}`,
    ...(env.PROF_INTERVAL_US ? [`--cpu-prof-interval=${env.PROF_INTERVAL_US}`] : []),
    KHABAR,
    "-j",
    "1",
    ...(jsonl ? ["--input-format", "jsonl"] : []),
    ...extra,
    path.relative(ROOT, target),
  ];
  console.error(`profile: node ${args.map((a) => a.split(ROOT + path.sep).join("")).join(" ")} > /dev/null`);
  const t0 = Date.now();
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ["ignore", devNull(), "inherit"] });
    child.on("error", (e) => {
      console.error(e.message);
      resolve(127);
    });
    child.on("close", (c) => resolve(c ?? 1));
  });
  if (cleanup) fs.rmSync(cleanup, { force: true });
  console.error(`profile: khabar exited ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s; profiles in ${path.relative(ROOT, profDir)}`);
  const r = report(profDir);
  return code === 0 ? r : 1;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
