#!/usr/bin/env node
// The parser alone, in memory: the quick corpus's dumps are read once, then parsed and stringified in
// rounds against an in-memory floor (decode, split lines, JSON.stringify of the lines — the floor program's
// work without its I/O). No process start, no file system, no output: the least noisy view of parser speed,
// for comparing two builds of src/ while optimising. Fresh-process CLI figures stay `npm run bench`'s job.
//
//   node bench/parser.mjs                 # built dist/ (run `npm run build` first), 8 rounds
//   node bench/parser.mjs --rounds 12     # more rounds (the minimum of each is reported)
//   node bench/parser.mjs --dist /tmp/old # another build of dist/, e.g. a copy made before a change

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureCorpus } from "./corpus.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const rounds = Number(opt("--rounds", 8));
const dist = path.resolve(opt("--dist", path.join(ROOT, "dist")));

const { parseBuffer } = await import(pathToFileURL(path.join(dist, "index.js")).href);
const corpus = ensureCorpus({ root: ROOT, corpusRoot: path.join(BENCH, "corpus"), seed: 42, mb: 20, log: (m) => process.stderr.write(`${m}\n`) });
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith(".txt")) files.push(p);
  }
})(corpus.tree);
const dumps = files.map((f) => fs.readFileSync(f));
const bytes = dumps.reduce((n, b) => n + b.length, 0);

const decoder = new TextDecoder("utf-8");
const LINE_RE = /\r\n|\r|\n/;
const work = {
  floor: () => {
    let n = 0;
    for (const b of dumps) n += JSON.stringify(decoder.decode(b).split(LINE_RE)).length;
    return n;
  },
  khabar: () => {
    let n = 0;
    for (const b of dumps) n += JSON.stringify(parseBuffer(b)).length;
    return n;
  },
};
const best = { floor: Infinity, khabar: Infinity };
const first = {};
for (let r = 0; r < rounds; r++) {
  for (const [name, run] of Object.entries(work)) {
    const t0 = performance.now();
    run();
    const ms = performance.now() - t0;
    first[name] ??= ms;
    best[name] = Math.min(best[name], ms);
  }
}
const mbps = (ms) => (bytes / 1e6 / (ms / 1000)).toFixed(1);
console.log(`${dumps.length} dumps, ${(bytes / 1e6).toFixed(1)} MB, ${rounds} rounds (best of each; first round in brackets)`);
console.log(`floor   ${mbps(best.floor).padStart(7)} MB/s   [${mbps(first.floor)}]`);
console.log(`khabar  ${mbps(best.khabar).padStart(7)} MB/s   [${mbps(first.khabar)}]   ${(best.floor / best.khabar).toFixed(2)}× floor`);
