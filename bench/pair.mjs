#!/usr/bin/env node
// The machine's own scaling, for reading the -j 2 row: two independent `khabar -j 1` processes at once,
// each on its half of the corpus (the halves are given by bench/run.mjs, balanced by bytes).
// Nothing is shared between them — no messages, no ordering, no common heap — so the time they take
// together is about the best any -j 2 could do on this machine with this workload.
//
//   node bench/pair.mjs <khabar entry> <inputs of half A…> -- <inputs of half B…>
//
// Both write to the standard output they inherit (the harness gives /dev/null); exit status is the
// first non-zero one of the two.

import { spawn } from "node:child_process";

const [khabar, ...rest] = process.argv.slice(2);
const cut = rest.indexOf("--");
if (!khabar || cut <= 0 || cut === rest.length - 1) {
  console.error("usage: node bench/pair.mjs <khabar entry> <inputs A…> -- <inputs B…>");
  process.exit(2);
}
const halves = [rest.slice(0, cut), rest.slice(cut + 1)];
const codes = await Promise.all(
  halves.map(
    (inputs) =>
      new Promise((resolve) => {
        const child = spawn(process.execPath, [khabar, "-j", "1", ...inputs], { stdio: ["ignore", "inherit", "inherit"] });
        child.on("error", (err) => {
          console.error(`pair: ${err.message}`);
          resolve(1);
        });
        child.on("exit", (code, signal) => resolve(signal ? 1 : (code ?? 1)));
      }),
  ),
);
process.exit(codes.find((c) => c !== 0) ?? 0);
