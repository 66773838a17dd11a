#!/usr/bin/env node
// Parser A/B by instruction count, for a machine too noisy to time a few-% change: the parser alone, in
// memory, under valgrind (callgrind counts instructions executed; its count does not depend on what else the
// machine does). V8 runs single-threaded with fixed hash and random seeds, and both builds are copied to paths
// of the same length (a path's length alone moved the count ~1.5%). What is left is V8's own variation: the
// same build, measured against itself, gave steady-round ratios from 0.986 to 1.007 — a change under ~3%
// needs several runs (or a micro-benchmark of the code it touches) before it is believed.
//
// Steady state: each build runs twice, parsing every Kth dump of the quick corpus for 2 and for 10 rounds;
// (count10 - count2) / 8 is a round of warm parsing — start-up, reading the dumps and the first rounds (the
// JIT's warm-up, interpreter and compiler) cancel out. The warm-up is shown too: a change can trade one for
// the other. Instructions are not time (a mispredicted branch costs more than several instructions): use this
// to see small changes, and bench:parser or the full bench to see what they are worth.
//
//   node bench/instructions.mjs /tmp/dist-before            # that build (a copy of dist/) against dist/
//   node bench/instructions.mjs /tmp/dist-a /tmp/dist-b     # two builds
//   K=10 node bench/instructions.mjs /tmp/dist-before       # every 10th dump instead of every 20th
//
// Needs valgrind (Debian: valgrind). Four valgrind runs of about a minute each, two at a time.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawn } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureCorpus } from "./corpus.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const [aArg, bArg] = process.argv.slice(2);
if (!aArg || aArg.startsWith("-")) {
  console.error("usage: node bench/instructions.mjs DIST_A [DIST_B]   (DIST_B defaults to dist/)");
  process.exit(2);
}
const K = Number(process.env.K ?? 20);

// The workload, run by valgrind'd node: parseBuffer over every Kth dump, ROUNDS times.
const workload = `
import fs from "node:fs"; import path from "node:path";
const [dist, tree, k, rounds] = process.argv.slice(2);
const { parseBuffer } = await import(${JSON.stringify(pathToFileURL("/").href)} + dist.slice(1) + "/index.js");
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (p.endsWith(".txt")) files.push(p); } })(tree);
const dumps = files.filter((_, i) => i % Number(k) === 0).map((f) => fs.readFileSync(f));
for (let r = 0; r < Number(rounds); r++) for (const b of dumps) parseBuffer(b);
`;

const corpus = ensureCorpus({ root: ROOT, corpusRoot: path.join(BENCH, "corpus"), seed: 42, mb: 20, log: (m) => process.stderr.write(`${m}\n`) });
const work = fs.mkdtempSync(path.join(os.tmpdir(), "khabar-instr-"));
const script = path.join(work, "workload.mjs");
fs.writeFileSync(script, workload);
// Same-length paths for both builds.
const copies = { a: path.join(work, "a", "dist"), b: path.join(work, "b", "dist") };
fs.cpSync(path.resolve(aArg), copies.a, { recursive: true });
fs.cpSync(path.resolve(bArg ?? path.join(ROOT, "dist")), copies.b, { recursive: true });

function count(dist, rounds) {
  return new Promise((resolve, reject) => {
    const args = ["--tool=callgrind", "--callgrind-out-file=/dev/null", process.execPath, "--single-threaded", "--hash-seed=42", "--random-seed=42", script, dist, corpus.tree, String(K), String(rounds)];
    const child = spawn("valgrind", args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => {
      const m = /Collected : (\d+)/.exec(err);
      if (code !== 0 || !m) reject(new Error(`valgrind failed (exit ${code}):\n${err.slice(-2000)}`));
      else resolve(Number(m[1]));
    });
  });
}

try {
  process.stderr.write(`instructions: every ${K}th dump of ${corpus.tree}, 2 and 10 rounds, two builds (four valgrind runs)…\n`);
  const [a2, a10] = await Promise.all([count(copies.a, 2), count(copies.a, 10)]);
  const [b2, b10] = await Promise.all([count(copies.b, 2), count(copies.b, 10)]);
  const steady = { a: (a10 - a2) / 8, b: (b10 - b2) / 8 };
  const M = (n) => `${(n / 1e6).toFixed(1)}M`;
  console.log(`steady round   A ${M(steady.a)}   B ${M(steady.b)}   B/A ${(steady.b / steady.a).toFixed(4)}`);
  console.log(`whole 2-round  A ${M(a2)}   B ${M(b2)}   B/A ${(b2 / a2).toFixed(4)}   (start-up, reading, warm-up included)`);
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
