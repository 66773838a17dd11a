#!/usr/bin/env node
// Show how the built parser's output differs from each fixture's expected.json (after `npm run build`).
// Usage: node scripts/fixture-diff.mjs [case-name-substring…]
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBuffer } from "../dist/index.js";

const root = new URL("../fixtures/", import.meta.url).pathname;
const filters = process.argv.slice(2);
let differing = 0;
for (const name of readdirSync(root).sort()) {
  if (filters.length && !filters.some((f) => name.includes(f))) continue;
  const dir = join(root, name);
  if (!existsSync(join(dir, "input.txt")) || !existsSync(join(dir, "expected.json"))) continue;
  const got = parseBuffer(readFileSync(join(dir, "input.txt")), { path: "input.txt" });
  const exp = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
  const diffs = [];
  const cmp = (a, b, path) => {
    if (a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b) && (!Array.isArray(a) || a.length === b.length)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) cmp(a[k], b[k], `${path}.${k}`);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      diffs.push(`  ${path}\n    got ${JSON.stringify(a)?.slice(0, 300)}\n    exp ${JSON.stringify(b)?.slice(0, 300)}`);
    }
  };
  cmp(got, exp, "");
  if (diffs.length) {
    differing++;
    console.log(`${name}: ${diffs.length} differences\n${diffs.join("\n")}`);
  }
}
console.log(`${differing} fixture(s) differ`);
process.exitCode = differing ? 1 : 0;
