#!/usr/bin/env node
// Per-field precision/recall/F1 of the built parser over every fixture and the tag-segmentation judge set.
// Usage: npm run build && node scripts/quality.mjs
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseBuffer } from "../dist/index.js";
import { splitTags } from "../dist/tags/segment.js";
import { metrics, scoreDocument, scoreTags } from "./quality-lib.mjs";

const root = new URL("../fixtures/", import.meta.url).pathname;
const fields = {};
for (const name of readdirSync(root).sort()) {
  const dir = join(root, name);
  if (!existsSync(join(dir, "input.txt")) || !existsSync(join(dir, "expected.json"))) continue;
  const got = parseBuffer(readFileSync(join(dir, "input.txt")), { path: "input.txt" });
  scoreDocument(fields, got, JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")));
}
const cases = join(root, "tags-segmentation", "cases.json");
if (existsSync(cases)) {
  for (const c of JSON.parse(readFileSync(cases, "utf8"))) scoreTags(fields, "tagSegmentation", splitTags(c.text).map((p) => p.tag), c.tags);
}
console.log("field".padEnd(18), "P".padStart(6), "R".padStart(6), "F1".padStart(6), "  tp/fp/fn");
for (const [k, c] of Object.entries(fields)) {
  const m = metrics(c);
  console.log(k.padEnd(18), m.precision.toFixed(3).padStart(6), m.recall.toFixed(3).padStart(6), m.f1.toFixed(3).padStart(6), `  ${c.tp}/${c.fp}/${c.fn}`);
}
