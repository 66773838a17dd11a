#!/usr/bin/env node
// khabar's benchmark harness. `npm run bench` (builds first) or `node bench/run.mjs`.
// See bench/README.md for what each number means and the BENCH_* environment variables.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { ensureCorpus, firstLeaf, writeJsonl } from "./corpus.mjs";
import { runMeasured, median, killLive } from "./measure.mjs";

const BENCH = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.dirname(BENCH);
const env = process.env;

const num = (v, d) => (v === undefined || v === "" ? d : Number(v));
const QUICK = env.BENCH_QUICK === "1";
const CFG = {
  quick: QUICK,
  seed: num(env.BENCH_SEED, 42) >>> 0,
  mb: num(env.BENCH_MB, QUICK ? 20 : 200),
  jsonlMb: num(env.BENCH_JSONL_MB, QUICK ? 100 : 1000),
  runs: Math.max(1, num(env.BENCH_RUNS, 3)),
  jsonlRuns: Math.max(1, num(env.BENCH_JSONL_RUNS, 3)),
  startupRuns: Math.max(1, num(env.BENCH_STARTUP_RUNS, 15)),
  timeoutS: num(env.BENCH_TIMEOUT_S, 600),
  repeatBudgetS: num(env.BENCH_REPEAT_BUDGET_S, 240),
  keepJsonl: env.BENCH_KEEP_JSONL === "1",
  strict: env.BENCH_STRICT === "1",
  out: env.BENCH_OUT ? path.resolve(env.BENCH_OUT) : path.join(BENCH, QUICK ? "results.quick.json" : "results.json"),
};

/** The targets the project is held to (SPEC/README): named, so results.json explains itself. */
const TARGETS = {
  throughputVsFloor: 0.5, // khabar -j1 MB/s ≥ 0.5 × floor MB/s
  scalingJ2: 1.7, // khabar -j2 MB/s ≥ 1.7 × khabar -j1 MB/s
  peakRssMiB: 200, // peak RSS of the whole process tree stays under this
  startupVsNode: 2, // khabar start-up ≤ 2 × `node -e 0`
};

const NODE = process.execPath;
// BENCH_KHABAR: another entry point to compare (an older build, a branch checkout), same flags.
const KHABAR = env.BENCH_KHABAR ? path.relative(ROOT, path.resolve(env.BENCH_KHABAR)) : "bin/khabar.js";
const FLOOR = "bench/floor.mjs";
const PAIR = "bench/pair.mjs";
const TMP = path.join(BENCH, "tmp");
const rel = (p) => path.relative(ROOT, p) || ".";
const log = (...a) => console.error(...a);

// ---------------------------------------------------------------------------------------------
// Clean-up: the 1 GB JSONL never outlives the run, and a ^C ends the command being measured.

const tempFiles = new Set();
function cleanup() {
  killLive();
  if (CFG.keepJsonl) return;
  for (const f of tempFiles) fs.rmSync(f, { force: true });
}
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => {
    log(`\nbench: ${sig}, cleaning up`);
    cleanup();
    process.exit(130);
  });
}

// ---------------------------------------------------------------------------------------------

function machine() {
  const cpus = os.cpus();
  let commit = null;
  try {
    commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {}
  let version = null;
  try {
    version = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).version;
  } catch {}
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${process.platform}-${process.arch}`,
    kernel: os.release(),
    cpuModel: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    loadAvgAtStart: os.loadavg().map((x) => +x.toFixed(2)),
    khabarVersion: version,
    gitCommit: commit,
  };
}

const fmt = (x, d = 2) => (x === null || x === undefined || !Number.isFinite(x) ? "n/a" : x.toFixed(d));
/** `x` rounded to `d` decimals as a number, for results.json; null stays null. */
const fixed = (x, d) => (x === null || x === undefined ? null : +x.toFixed(d));
const fmtInt = (x) => (x === null || !Number.isFinite(x) ? "n/a" : Math.round(x).toLocaleString("en-US"));

function failure(r) {
  if (r.timedOut) return `timed out after ${CFG.timeoutS} s`;
  if (r.signal) return `killed by ${r.signal}`;
  return `exit ${r.code}`;
}

/** Counts ndjson documents in a file and checks each one parses and carries schema khabar/1. */
function checkNdjson(file, expected) {
  let text = "";
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {}
  const lines = text.split("\n").filter((l) => l.length > 0);
  let bad = 0;
  for (const l of lines) {
    try {
      if (JSON.parse(l).schema !== "khabar/1") bad++;
    } catch {
      bad++;
    }
  }
  return { expected, documents: lines.length, notKhabarDocuments: bad, ok: lines.length === expected && bad === 0 };
}

/** Longest argument list given to bench/pair.mjs (Linux refuses an exec past ARG_MAX, 2 MiB by default). */
const MAX_PAIR_ARGV = 512 * 1024;

/**
 * The tree's files in two halves of about equal bytes, for the two independent processes of
 * bench/pair.mjs: each directory that holds files and no directory (a leaf of the generated tree) goes
 * whole, other files one by one, largest first, to the lighter half. The halves are then walked with
 * khabar's own walk (dist/, built by `npm run bench`) and must give exactly the files the whole tree gives
 * (a glob, a link or a loop could make them differ); otherwise, or when there are fewer than two pieces or
 * too long an argument list, there is no pair row (null, and `why` says so).
 */
async function halves(tree) {
  const pieces = [];
  (function walk(dir) {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    const files = entries.filter((e) => e.isFile()).map((e) => ({ p: rel(path.join(dir, e.name)), bytes: fs.statSync(path.join(dir, e.name)).size }));
    const dirs = entries.filter((e) => e.isDirectory());
    // A directory is passed whole only when it holds no directory (khabar would walk that one twice).
    if (dirs.length === 0 && files.length > 0) pieces.push({ p: rel(dir), bytes: files.reduce((n, f) => n + f.bytes, 0) });
    else for (const f of files) pieces.push(f);
    for (const e of dirs) walk(path.join(dir, e.name));
  })(tree);
  if (pieces.length < 2) return { split: null, why: "fewer than two pieces to share out" };
  pieces.sort((a, b) => b.bytes - a.bytes || (a.p < b.p ? -1 : 1));
  const h = [
    { inputs: [], bytes: 0 },
    { inputs: [], bytes: 0 },
  ];
  for (const piece of pieces) {
    const to = h[0].bytes <= h[1].bytes ? h[0] : h[1];
    to.inputs.push(piece.p);
    to.bytes += piece.bytes;
  }
  for (const x of h) x.inputs.sort();
  const argv = h.reduce((n, x) => n + x.inputs.reduce((m, p) => m + p.length + 1, 0), 0);
  if (argv > MAX_PAIR_ARGV) return { split: null, why: `the halves' argument list would be ${argv} bytes` };
  let walkInputs;
  try {
    ({ walkInputs } = await import(path.join(ROOT, "dist", "io", "walk.js")));
  } catch (err) {
    return { split: null, why: `khabar's walk is not built (${err.message})` };
  }
  const files = (inputs) => {
    const out = [];
    for (const ref of walkInputs(inputs.map((p) => path.join(ROOT, p)), { glob: "**/*.txt", filesOnly: null, onProblem: () => {}, sizes: false })) out.push(path.resolve(ref.path));
    return out.sort();
  };
  const whole = files([rel(tree)]);
  const both = [...files(h[0].inputs), ...files(h[1].inputs)].sort();
  if (whole.length !== both.length || whole.some((f, i) => f !== both[i])) {
    return { split: null, why: `the halves give ${both.length} files where the tree gives ${whole.length} (links, or files the glob leaves out)` };
  }
  return { split: h, why: null };
}

/**
 * Untimed correctness checks on small slices, so a fast number from a CLI that silently does
 * nothing is caught: one document per input, each valid JSON; -j2 output identical to -j1.
 */
async function sanity(leafDir, leafFiles, jsonlHead, headRecords) {
  const out = {};
  const outFile = (name) => path.join(TMP, `sanity-${process.pid}-${name}.ndjson`);
  const runTo = async (name, args) => {
    const file = outFile(name);
    tempFiles.add(file);
    const fd = fs.openSync(file, "w");
    try {
      const r = await runMeasured(NODE, [KHABAR, ...args], { cwd: ROOT, stdout: fd, timeoutMs: CFG.timeoutS * 1000, sampleRss: false });
      return { r, file };
    } finally {
      fs.closeSync(fd);
    }
  };
  const dir1 = await runTo("dir-j1", ["-j", "1", rel(leafDir)]);
  out.dirJ1 = dir1.r.ok ? checkNdjson(dir1.file, leafFiles) : { ok: false, error: failure(dir1.r), stderrTail: dir1.r.stderrTail };
  const dir2 = await runTo("dir-j2", ["-j", "2", rel(leafDir)]);
  if (dir2.r.ok) {
    const same = fs.readFileSync(dir1.file).equals(fs.readFileSync(dir2.file));
    out.dirJ2 = { ...checkNdjson(dir2.file, leafFiles), identicalToJ1: same };
    out.dirJ2.ok = out.dirJ2.ok && same;
  } else out.dirJ2 = { ok: false, error: failure(dir2.r), stderrTail: dir2.r.stderrTail };
  if (jsonlHead) {
    const j = await runTo("jsonl-j1", ["-j", "1", "--input-format", "jsonl", rel(jsonlHead)]);
    out.jsonlJ1 = j.r.ok ? checkNdjson(j.file, headRecords) : { ok: false, error: failure(j.r), stderrTail: j.r.stderrTail };
  }
  for (const name of ["dir-j1", "dir-j2", "jsonl-j1"]) {
    fs.rmSync(outFile(name), { force: true });
    tempFiles.delete(outFile(name));
  }
  return out;
}

/**
 * Runs the measurements of one group in rounds (floor, khabar, floor, khabar, …) so that drift
 * in machine load hits all of them alike. A measurement that fails is not retried; one whose
 * next run would take its total past the repeat budget stops early (its median is over fewer runs).
 */
const spent = (m) => m.runs.reduce((s, x) => s + x.seconds, 0);

/**
 * `f(a's run, b's run)` for each round both measurements ran (a measurement stopped early by the repeat budget
 * ran the first rounds only), and the median: what a ratio of the two is, given that rounds are back to back.
 */
function byRound(a, b, f) {
  if (!a?.ok || !b?.ok) return { value: null, rounds: [] };
  const rounds = [];
  for (let i = 0; i < Math.min(a.runs.length, b.runs.length); i++) rounds.push(f(a.runs[i], b.runs[i]));
  if (rounds.some((x) => x === null)) return { value: null, rounds: [] };
  return { value: median(rounds), rounds: rounds.map((x) => +x.toFixed(3)) };
}

async function measureGroup(ms, runs) {
  for (let round = 0; round < runs; round++) {
    for (const m of ms) {
      if (m.stopped) continue;
      const r = await runMeasured(NODE, m.args, { cwd: ROOT, timeoutMs: CFG.timeoutS * 1000 });
      m.runs.push({
        seconds: +r.seconds.toFixed(3),
        cpuSeconds: fixed(r.cpuSeconds, 2),
        peakRssMiB: fixed(r.peakRssMiB, 1),
        ok: r.ok,
        ...(r.ok ? {} : { error: failure(r) }),
      });
      log(`  ${m.label.padEnd(22)} run ${round + 1}/${runs}: ${r.ok ? `${r.seconds.toFixed(2)} s, ${fmt(r.cpuSeconds)} s CPU, ${fmt(r.peakRssMiB, 0)} MiB` : `FAILED (${failure(r)})`}`);
      if (!r.ok) {
        m.stopped = "failed";
        m.error = failure(r);
        m.stderrTail = r.stderrTail;
      } else if (round + 1 < runs && spent(m) + spent(m) / m.runs.length > CFG.repeatBudgetS) {
        // Another run would take this measurement past its budget: keep the median of what we have.
        m.stopped = "repeat budget";
        log(`  ${m.label.padEnd(22)} one more run would pass the ${CFG.repeatBudgetS} s repeat budget: stopping here`);
      }
    }
  }
  for (const m of ms) {
    const good = m.runs.filter((r) => r.ok);
    m.ok = m.runs.length > 0 && good.length === m.runs.length;
    m.medianSeconds = m.ok ? median(good.map((r) => r.seconds)) : null;
    m.cpuSeconds = m.ok ? median(good.map((r) => r.cpuSeconds)) : null;
    m.MBps = m.ok ? m.bytes / 1e6 / m.medianSeconds : null;
    m.docsPerSec = m.ok ? m.docs / m.medianSeconds : null;
    const rss = good.map((r) => r.peakRssMiB).filter((x) => x !== null);
    m.peakRssMiB = m.ok && rss.length ? Math.max(...rss) : null;
  }
}

async function startup(file) {
  const node0 = { label: "node -e 0", args: ["-e", "0"], times: [] };
  const kh = { label: "khabar <one file>", args: [KHABAR, rel(file)], times: [] };
  const once = async (x) => runMeasured(NODE, x.args, { cwd: ROOT, timeoutMs: 60_000, sampleRss: false });
  // Warm the file cache for node's and khabar's own modules before timing.
  await once(node0);
  let error = null;
  const warm = await once(kh);
  if (!warm.ok) error = warm;
  // Interleaved, so a burst of load elsewhere on the machine hits both alike.
  for (let i = 0; i < CFG.startupRuns; i++) {
    node0.times.push((await once(node0)).seconds);
    if (error) continue;
    const r = await once(kh);
    if (!r.ok) error = r;
    else kh.times.push(r.seconds);
  }
  const n = median(node0.times);
  const k = error ? null : median(kh.times);
  return {
    file: rel(file),
    command: `node ${kh.args.join(" ")}`,
    runs: CFG.startupRuns,
    nodeMs: +(n * 1000).toFixed(1),
    khabarMs: k === null ? null : +(k * 1000).toFixed(1),
    ratio: k === null ? null : +(k / n).toFixed(3),
    ...(error ? { error: failure(error), stderrTail: error.stderrTail } : {}),
  };
}

function target(id, description, value, op, threshold) {
  const pass = value === null || value === undefined ? null : op === ">=" ? value >= threshold : op === "<" ? value < threshold : value <= threshold;
  return { id, description, value: value === null || value === undefined ? null : +value.toFixed(3), op, threshold, status: pass === null ? "n/a" : pass ? "pass" : "fail" };
}

function printTable(ms, st) {
  const head = ["measurement", "runs", "seconds", "CPU s", "MB/s", "docs/s", "peak RSS MiB", "ratio"];
  const rows = ms.map((m) => {
    if (!m.ok) return [m.label, `${m.runs.length}`, "n/a", "n/a", "n/a", "n/a", "n/a", `n/a (${m.error ?? "not run"})`];
    return [m.label, `${m.runs.length}`, fmt(m.medianSeconds), fmt(m.cpuSeconds), fmt(m.MBps, 1), fmtInt(m.docsPerSec), fmt(m.peakRssMiB, 0), m.ratioText ?? ""];
  });
  if (st) {
    rows.push(["start-up: node -e 0", `${st.runs}`, fmt(st.nodeMs / 1000, 3), "", "", "", "", ""]);
    rows.push(["start-up: khabar 1 file", st.khabarMs === null ? "0" : `${st.runs}`, st.khabarMs === null ? "n/a" : fmt(st.khabarMs / 1000, 3), "", "", "", "", st.ratio !== null ? `${fmt(st.ratio)}× node -e 0` : `n/a (${st.error})`]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd();
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const t0 = Date.now();
  const mach = machine();
  log(`bench: node ${mach.node}, ${mach.cpuModel} ×${mach.cores}, load ${mach.loadAvgAtStart.join(" ")}${CFG.quick ? " (quick)" : ""}`);
  if (!env.BENCH_KHABAR && !fs.existsSync(path.join(ROOT, "dist", "cli.js"))) log("bench: dist/cli.js is missing — khabar runs will fail (n/a). Run `npm run build` (or `npm run bench`).");
  fs.mkdirSync(TMP, { recursive: true });

  const corpus = ensureCorpus({ root: ROOT, corpusRoot: path.join(BENCH, "corpus"), seed: CFG.seed, mb: CFG.mb, log });
  let jsonl = null;
  if (CFG.jsonlMb > 0) {
    const file = path.join(TMP, `bench-${process.pid}-seed${CFG.seed}-${CFG.jsonlMb}mb.jsonl`);
    const headFile = path.join(TMP, `bench-${process.pid}-head.jsonl`);
    tempFiles.add(file);
    tempFiles.add(headFile);
    jsonl = writeJsonl({ root: ROOT, file, seed: CFG.seed, mb: CFG.jsonlMb, headFile, log });
  }

  log("bench: sanity checks on small slices (untimed)…");
  const leaf = firstLeaf(corpus.tree);
  const leafFiles = fs.readdirSync(leaf).filter((f) => f.endsWith(".txt")).length;
  const checks = await sanity(leaf, leafFiles, jsonl?.headFile, jsonl?.headRecords);
  for (const [k, v] of Object.entries(checks)) log(`  ${k}: ${v.ok ? "ok" : "FAILED"} ${v.error ? `(${v.error})` : `(${v.documents}/${v.expected} documents${v.identicalToJ1 === false ? ", differs from -j1" : ""})`}`);

  const tree = rel(corpus.tree);
  const { split, why } = await halves(corpus.tree);
  if (!split) log(`bench: no pair row: ${why}`);
  const dirMs = [
    { key: "floor-dir", label: "floor      dir", args: [FLOOR, tree] },
    { key: "khabar-j1-dir", label: "khabar -j1 dir", args: [KHABAR, "-j", "1", tree] },
    { key: "khabar-j2-dir", label: "khabar -j2 dir", args: [KHABAR, "-j", "2", tree] },
    ...(split ? [{ key: "pair-j1-dir", label: "2 × khabar -j1, halves", args: [PAIR, KHABAR, ...split[0].inputs, "--", ...split[1].inputs] }] : []),
  ].map((m) => ({ ...m, bytes: corpus.bytes, docs: corpus.files, runs: [] }));
  const jsonlMs = jsonl
    ? [
        { key: "floor-jsonl", label: "floor      jsonl", args: [FLOOR, "--input-format", "jsonl", rel(jsonl.file)] },
        { key: "khabar-j1-jsonl", label: "khabar -j1 jsonl", args: [KHABAR, "-j", "1", "--input-format", "jsonl", rel(jsonl.file)] },
      ].map((m) => ({ ...m, bytes: jsonl.bytes, docs: jsonl.records, runs: [] }))
    : [];

  log("bench: warming the page cache (floor over the directory, untimed)…");
  await runMeasured(NODE, [FLOOR, tree], { cwd: ROOT, sampleRss: false, timeoutMs: CFG.timeoutS * 1000 });
  log(`bench: directory, ${corpus.files} dumps, ${(corpus.bytes / 1e6).toFixed(1)} MB, ${CFG.runs} run(s) each`);
  await measureGroup(dirMs, CFG.runs);
  if (jsonl) {
    log(`bench: JSONL, ${jsonl.records} records, ${(jsonl.bytes / 1e6).toFixed(1)} MB, ${CFG.jsonlRuns} run(s) each`);
    await measureGroup(jsonlMs, CFG.jsonlRuns);
  }
  if (jsonl && !CFG.keepJsonl) {
    fs.rmSync(jsonl.file, { force: true });
    fs.rmSync(jsonl.headFile, { force: true });
  }

  const startupFile = [path.join(ROOT, "fixtures", "rt-libya-base", "input.txt"), path.join(leaf, "n000000.txt")].find((f) => fs.existsSync(f));
  log(`bench: start-up, ${CFG.startupRuns} runs each…`);
  const st = await startup(startupFile);

  const by = Object.fromEntries([...dirMs, ...jsonlMs].map((m) => [m.key, m]));
  /**
   * a's MB/s over b's, round by round (a round runs each measurement once, back to back), and the median of
   * those. The machine's speed drifts by ±20% over a run (other tenants): within a round both saw about the
   * same machine, while a ratio of the two medians can set one's slow round against the other's fast one.
   */
  const ratio = (a, b) => byRound(a, b, (x, y) => ((y.seconds / x.seconds) * a.bytes) / b.bytes);
  /** The same for CPU: a's CPU seconds over b's, round by round, and the median. */
  const cpuRatio = (a, b) => byRound(a, b, (x, y) => (x.cpuSeconds === null || y.cpuSeconds === null ? null : x.cpuSeconds / y.cpuSeconds));
  for (const m of [...dirMs, ...jsonlMs]) {
    const floor = m.key.endsWith("jsonl") ? by["floor-jsonl"] : by["floor-dir"];
    ({ value: m.vsFloor, rounds: m.vsFloorRounds } = ratio(m, floor));
    m.ratioText = m.vsFloor === null ? "" : `${fmt(m.vsFloor)}× floor`;
  }
  const j2 = ratio(by["khabar-j2-dir"], by["khabar-j1-dir"]);
  const j2vsj1 = j2.value;
  if (j2vsj1 !== null) by["khabar-j2-dir"].ratioText += `, ${fmt(j2vsj1)}× -j1`;
  // The machine's ceiling for -j 2: two processes that share nothing, against one.
  const pair = ratio(by["pair-j1-dir"], by["khabar-j1-dir"]);
  const pairVsJ1 = pair.value;
  if (pairVsJ1 !== null) by["pair-j1-dir"].ratioText += `, ${fmt(pairVsJ1)}× -j1`;
  const j2VsPair = ratio(by["khabar-j2-dir"], by["pair-j1-dir"]);
  const j2Cpu = cpuRatio(by["khabar-j2-dir"], by["khabar-j1-dir"]);
  const pairCpu = cpuRatio(by["pair-j1-dir"], by["khabar-j1-dir"]);
  const scaling = {
    description: "-j 2 against the machine's own scaling: two independent khabar -j 1 processes at once, each on half of the directory (bench/pair.mjs)",
    j2VsJ1: fixed(j2vsj1, 3),
    pairVsJ1: fixed(pairVsJ1, 3),
    j2VsPair: fixed(j2VsPair.value, 3),
    rounds: { j2VsJ1: j2.rounds, pairVsJ1: pair.rounds, j2VsPair: j2VsPair.rounds },
    // The CPU each spent on the same bytes: two cores can give -j 2 at most twice -j 1's wall time in CPU, so
    // what -j 2 (or the pair) spends past -j 1's CPU comes straight off its speed-up.
    cpuSeconds: {
      j1: fixed(by["khabar-j1-dir"]?.cpuSeconds, 2),
      j2: fixed(by["khabar-j2-dir"]?.cpuSeconds, 2),
      pair: fixed(by["pair-j1-dir"]?.cpuSeconds, 2),
    },
    cpuVsJ1: {
      j2: fixed(j2Cpu.value, 3),
      pair: fixed(pairCpu.value, 3),
      rounds: { j2: j2Cpu.rounds, pair: pairCpu.rounds },
    },
    halves: split ? split.map((x) => ({ inputs: x.inputs, bytes: x.bytes })) : null,
  };

  const targets = [
    target("dir-throughput", `khabar -j1 on the directory ≥ ${TARGETS.throughputVsFloor}× floor MB/s`, by["khabar-j1-dir"].vsFloor, ">=", TARGETS.throughputVsFloor),
    target("jsonl-throughput", `khabar -j1 on the JSONL ≥ ${TARGETS.throughputVsFloor}× floor MB/s`, by["khabar-j1-jsonl"]?.vsFloor ?? null, ">=", TARGETS.throughputVsFloor),
    target("j2-scaling", `khabar -j2 ≥ ${TARGETS.scalingJ2}× khabar -j1 MB/s on the directory`, j2vsj1, ">=", TARGETS.scalingJ2),
    target("rss-jsonl", `peak RSS < ${TARGETS.peakRssMiB} MiB, khabar -j1 on the ${(jsonl?.bytes / 1e6 || 0).toFixed(0)} MB JSONL`, by["khabar-j1-jsonl"]?.peakRssMiB ?? null, "<", TARGETS.peakRssMiB),
    target("rss-dir-j1", `peak RSS < ${TARGETS.peakRssMiB} MiB, khabar -j1 on the ${(corpus.bytes / 1e6).toFixed(0)} MB directory`, by["khabar-j1-dir"].peakRssMiB, "<", TARGETS.peakRssMiB),
    target("rss-dir-j2", `peak RSS < ${TARGETS.peakRssMiB} MiB, khabar -j2 on the ${(corpus.bytes / 1e6).toFixed(0)} MB directory (whole process tree)`, by["khabar-j2-dir"].peakRssMiB, "<", TARGETS.peakRssMiB),
    target("startup", `khabar start-up on one small file ≤ ${TARGETS.startupVsNode}× node -e 0`, st.ratio, "<=", TARGETS.startupVsNode),
  ];

  console.log("");
  printTable([...dirMs, ...jsonlMs], st);
  console.log("");
  for (const t of targets) console.log(`${t.status.toUpperCase().padEnd(4)}  ${t.description}: ${t.value === null ? "n/a" : t.value}`);
  if (scaling.pairVsJ1 !== null) console.log(`      (this machine's own scaling, two independent -j1 processes on halves: ${fmt(scaling.pairVsJ1)}× -j1; -j2 reached ${fmt(scaling.j2VsPair)} of it)`);
  const cpu = scaling.cpuSeconds;
  if (cpu.j1 !== null && cpu.j2 !== null) {
    const more = (x, r) => (x === null ? "n/a" : `${fmt(x)} s (${r === null ? "n/a" : `${r >= 1 ? "+" : ""}${fmt(100 * (r - 1), 0)}%`})`);
    const { j2: rj2, pair: rpair } = scaling.cpuVsJ1;
    console.log(`      (CPU for the directory: -j1 ${fmt(cpu.j1)} s, -j2 ${more(cpu.j2, rj2)}, the two halves' processes ${more(cpu.pair, rpair)}; % by round)`);
  }
  const failed = [...dirMs, ...jsonlMs].filter((m) => !m.ok && m.stderrTail !== undefined);
  if (st.error) failed.push({ label: "start-up khabar", error: st.error, stderrTail: st.stderrTail });
  const shown = new Map();
  for (const m of failed) {
    const label = m.label.replace(/\s+/g, " ");
    const text = m.stderrTail || "(empty)";
    if (shown.has(text)) {
      console.log(`${label}: ${m.error}; stderr as for ${shown.get(text)}`);
      continue;
    }
    shown.set(text, label);
    console.log(`\n${label}: ${m.error}; stderr:`);
    console.log(text.replace(/^/gm, "  | "));
  }

  const results = {
    schema: "khabar-bench/1",
    date: new Date().toISOString(),
    quick: CFG.quick,
    machine: mach,
    config: { seed: CFG.seed, runs: CFG.runs, jsonlRuns: CFG.jsonlRuns, startupRuns: CFG.startupRuns, timeoutS: CFG.timeoutS, repeatBudgetS: CFG.repeatBudgetS },
    units: {
      MB: "10^6 bytes",
      MiB: "2^20 bytes",
      seconds: "median wall time of the runs",
      cpuSeconds: "median over runs of the process tree's CPU time, user + system (all threads, and the processes it waited for)",
      peakRssMiB: "max over runs of the process tree's peak RSS",
      vsFloor: "median over rounds of the MB/s ratio within one round (each round runs every measurement of its group once, back to back); so are scaling's ratios",
    },
    corpus: {
      path: rel(corpus.dir),
      seed: corpus.seed,
      targetMB: corpus.mb,
      files: corpus.files,
      bytes: corpus.bytes,
      largestDump: corpus.largestDump,
      generator: corpus.generator,
      fixtures: corpus.fixtures,
      fixtureCount: corpus.fixtureCount,
      reused: corpus.reused,
    },
    jsonl: jsonl ? { targetMB: CFG.jsonlMb, records: jsonl.records, bytes: jsonl.bytes, seed: (CFG.seed + 1) >>> 0 } : null,
    sanity: checks,
    measurements: Object.fromEntries(
      [...dirMs, ...jsonlMs].map((m) => [
        m.key,
        {
          command: `node ${m.args.join(" ")}`,
          bytes: m.bytes,
          documents: m.docs,
          status: m.ok ? "ok" : "n/a",
          seconds: fixed(m.medianSeconds, 3),
          cpuSeconds: fixed(m.cpuSeconds, 2),
          MBps: fixed(m.MBps, 2),
          docsPerSec: m.docsPerSec === null ? null : Math.round(m.docsPerSec),
          peakRssMiB: fixed(m.peakRssMiB, 1),
          vsFloor: m.vsFloor === null || m.key.startsWith("floor") ? null : +m.vsFloor.toFixed(3),
          ...(m.key.startsWith("floor") ? {} : { vsFloorRounds: m.vsFloorRounds }),
          runs: m.runs,
          ...(m.stopped === "repeat budget" ? { note: `stopped after ${m.runs.length} run(s): repeat budget ${CFG.repeatBudgetS} s` } : {}),
          ...(m.ok ? {} : { error: m.error ?? "not run", stderrTail: m.stderrTail ?? "" }),
        },
      ]),
    ),
    startup: st,
    scaling,
    targets,
    summary: {
      pass: targets.filter((t) => t.status === "pass").length,
      fail: targets.filter((t) => t.status === "fail").length,
      na: targets.filter((t) => t.status === "n/a").length,
    },
    wallSeconds: Math.round((Date.now() - t0) / 1000),
  };
  fs.writeFileSync(CFG.out, JSON.stringify(results, null, 2) + "\n");
  console.log(`\nwrote ${rel(CFG.out)} (${results.summary.pass} pass, ${results.summary.fail} fail, ${results.summary.na} n/a) in ${results.wallSeconds} s`);
  return CFG.strict && results.summary.fail + results.summary.na > 0 ? 1 : 0;
}

let code = 1;
try {
  code = await main();
} finally {
  cleanup();
}
process.exit(code);
