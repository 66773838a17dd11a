// Runs one command and measures wall time and peak RSS of its whole process tree.
//
// Node 20 cannot report a child's rusage, and /usr/bin/time may be missing, so peak RSS is sampled
// from /proc: every SAMPLE_MS we read VmRSS and VmHWM of the child and of its descendants
// (found by scanning /proc/*/stat for parent pids). The peak reported is the larger of
//   - the highest sum of VmRSS over the tree seen in one sample, and
//   - the highest VmHWM of any single process (the kernel's own high-water mark, so a spike
//     between two samples of the main process is not missed).
// Threads (worker_threads) share their process's memory and are counted once.
//
// CPU time (user + system) of the whole tree is what the kernel adds to this process's children's
// times (cutime + cstime in /proc/self/stat) when the child is reaped: it covers every thread of the
// child and every descendant the child waited for (the two processes of bench/pair.mjs). Commands are
// measured one at a time, so the difference across one run is that run's. In clock ticks (USER_HZ, 100
// on Linux), so to 0.01 s.

import fs from "node:fs";
import { spawn } from "node:child_process";

const SAMPLE_MS = 20;
/** Re-scan /proc for new descendants every this many samples (cheap, but not free on 2 cores). */
const RESCAN_EVERY = 5;
const STDERR_KEEP_WHOLE = 4000; // shorter stderr is kept whole; longer keeps its first and last bytes
const STDERR_HEAD_BYTES = 1500;
const STDERR_TAIL_BYTES = 2500;

const hasProc = fs.existsSync("/proc/self/status");
/** /proc's clock ticks per second (USER_HZ: fixed at 100 in Linux's interface to user space). */
const USER_HZ = 100;

/** CPU seconds of this process's reaped children so far, or null without /proc. */
function childrenCpuSeconds() {
  if (!hasProc) return null;
  try {
    const stat = fs.readFileSync("/proc/self/stat", "latin1");
    // Fields after "pid (comm) ": state is [0], cutime [13], cstime [14] (fields 16 and 17 of proc(5)).
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(f[13]) + Number(f[14])) / USER_HZ;
  } catch {
    return null;
  }
}

function readStatusKb(pid) {
  let s;
  try {
    s = fs.readFileSync(`/proc/${pid}/status`, "latin1");
  } catch {
    return null;
  }
  const rss = /VmRSS:\s+(\d+)/.exec(s);
  const hwm = /VmHWM:\s+(\d+)/.exec(s);
  if (!rss) return null; // a zombie has no mm
  return { rss: +rss[1], hwm: hwm ? +hwm[1] : +rss[1] };
}

function descendants(root) {
  const children = new Map();
  let entries;
  try {
    entries = fs.readdirSync("/proc");
  } catch {
    return [root];
  }
  for (const name of entries) {
    const c = name.charCodeAt(0);
    if (c < 48 || c > 57) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, "latin1");
    } catch {
      continue;
    }
    // pid (comm) state ppid …: comm may hold spaces and parentheses, so parse after the last ')'
    const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ppid = +rest[1];
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(+name);
  }
  const out = [];
  const stack = [root];
  while (stack.length) {
    const p = stack.pop();
    out.push(p);
    for (const k of children.get(p) ?? []) stack.push(k);
  }
  return out;
}

class TreeSampler {
  constructor(pid) {
    this.root = pid;
    this.pids = [pid];
    this.hwmKb = new Map();
    this.peakSumKb = 0;
    this.samples = 0;
    this.seen = new Set([pid]);
  }
  start() {
    if (!hasProc) return;
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
  }
  sample() {
    if (this.samples % RESCAN_EVERY === 0 && this.samples > 0) {
      this.pids = descendants(this.root);
      for (const p of this.pids) this.seen.add(p);
    }
    this.samples++;
    let sum = 0;
    for (const pid of this.pids) {
      const st = readStatusKb(pid);
      if (!st) continue;
      sum += st.rss;
      if (st.hwm > (this.hwmKb.get(pid) ?? 0)) this.hwmKb.set(pid, st.hwm);
    }
    if (sum > this.peakSumKb) this.peakSumKb = sum;
  }
  stop() {
    clearInterval(this.timer);
  }
  peakMiB() {
    if (!hasProc || this.samples === 0) return null;
    const maxHwm = Math.max(0, ...this.hwmKb.values());
    return Math.max(this.peakSumKb, maxHwm) / 1024;
  }
}

let devNullFd = null;
/** One shared fd on /dev/null: floor and khabar write to exactly the same kind of sink. */
export function devNull() {
  if (devNullFd === null) devNullFd = fs.openSync("/dev/null", "w");
  return devNullFd;
}

/** The process group of the command being measured, so ^C on the harness can end it. */
const live = new Set();
export function killLive() {
  for (const pid of live) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {}
  }
}

/**
 * Runs `cmd args` with stdin ignored, stdout on `stdout` (default /dev/null), stderr captured.
 * Returns { ok, code, signal, timedOut, seconds, cpuSeconds, peakRssMiB, processes, stderrTail }.
 * `cpuSeconds` is right only if no other child of this process ends meanwhile: await each call before the next.
 */
export function runMeasured(cmd, args, { cwd, env, stdout, timeoutMs = 600_000, sampleRss = true } = {}) {
  return new Promise((resolve) => {
    const cpu0 = childrenCpuSeconds();
    const t0 = process.hrtime.bigint();
    // detached: the child leads its own process group, so a timeout can kill its whole tree.
    const child = spawn(cmd, args, { cwd, env, stdio: ["ignore", stdout ?? devNull(), "pipe"], detached: true });
    let t1 = null;
    let head = "";
    let tail = "";
    let total = 0;
    let timedOut = false;
    let spawnError = null;
    live.add(child.pid);
    const sampler = new TreeSampler(child.pid);
    if (sampleRss && child.pid) sampler.start();
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (d) => {
      if (head.length < STDERR_KEEP_WHOLE) head += d.slice(0, STDERR_KEEP_WHOLE - head.length);
      tail = (tail + d).slice(-STDERR_TAIL_BYTES);
      total += d.length;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {}
    }, timeoutMs);
    child.on("error", (e) => {
      spawnError = e;
    });
    child.on("exit", () => {
      t1 = process.hrtime.bigint();
      sampler.stop();
    });
    child.on("close", (code, signal) => {
      if (t1 === null) t1 = process.hrtime.bigint();
      sampler.stop();
      clearTimeout(timer);
      live.delete(child.pid);
      const cpu1 = childrenCpuSeconds();
      let peak = sampleRss ? sampler.peakMiB() : null;
      // Forward-compatible: should a Node version give child rusage, prefer the kernel's number.
      if (sampleRss && typeof child.resourceUsage === "function") {
        try {
          const ru = child.resourceUsage();
          if (ru && ru.maxRSS) peak = Math.max(peak ?? 0, ru.maxRSS / 1024);
        } catch {}
      }
      resolve({
        ok: code === 0 && !timedOut && !spawnError,
        code,
        signal,
        timedOut,
        seconds: Number(t1 - t0) / 1e9,
        cpuSeconds: cpu0 === null || cpu1 === null ? null : cpu1 - cpu0,
        peakRssMiB: peak,
        processes: sampler.seen.size,
        stderrTail: summarizeStderr(total <= STDERR_KEEP_WHOLE ? head : head.slice(0, STDERR_HEAD_BYTES) + "\n" + tail, spawnError),
      });
    });
  });
}

/** A Node stack trace's message is at the top: keep the first and the last lines of stderr. */
function summarizeStderr(text, spawnError) {
  if (spawnError) text += `\n${spawnError.message}`;
  const lines = text.split("\n").map((l) => l.trimEnd()).filter((l) => l && !/^\s+at /.test(l));
  if (lines.length <= 12) return lines.join("\n");
  return [...lines.slice(0, 5), "…", ...lines.slice(-6)].join("\n");
}

export function median(xs) {
  const v = xs.filter((x) => typeof x === "number" && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}
