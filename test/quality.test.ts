/**
 * The quality gate (as trafilatura keeps one): per-field precision/recall/F1 of the parser over every fixture,
 * xfail cases included, and over the tag-segmentation judge set; each F1 must stay at or above its floor in
 * test/quality-floors.json. Raising a floor is a normal commit; lowering one needs a reason in that file.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBuffer } from "../src/index.js";
import { splitTags } from "../src/tags/segment.js";
import { metrics, scoreDocument, scoreTags } from "../scripts/quality-lib.mjs";
import { FIXTURES_DIR, fixtureCases } from "./helpers/fixtures.js";

interface Floors {
  floors: Record<string, number>;
  lowered: { field: string; from: number; to: number; reason: string }[];
}

const floorsFile: Floors = JSON.parse(readFileSync(new URL("./quality-floors.json", import.meta.url), "utf8"));

function measure(): Record<string, { tp: number; fp: number; fn: number }> {
  const fields = {};
  for (const c of fixtureCases()) {
    if (!existsSync(c.expectedPath)) continue;
    scoreDocument(fields, parseBuffer(c.input, { path: "input.txt" }), JSON.parse(readFileSync(c.expectedPath, "utf8")));
  }
  const judge = join(FIXTURES_DIR, "tags-segmentation", "cases.json");
  for (const t of JSON.parse(readFileSync(judge, "utf8")) as { text: string; tags: string[] }[]) {
    scoreTags(fields, "tagSegmentation", splitTags(t.text).map((p) => p.tag), t.tags);
  }
  return fields;
}

describe("quality gate", () => {
  const fields = measure();

  it("measures every field that has a floor", () => {
    for (const field of Object.keys(floorsFile.floors)) expect(fields, field).toHaveProperty(field);
  });

  for (const [field, floor] of Object.entries(floorsFile.floors)) {
    it(`${field} F1 ≥ ${floor}`, () => {
      const c = fields[field];
      expect(c, `no measurements for ${field}`).toBeDefined();
      expect(metrics(c!).f1).toBeGreaterThanOrEqual(floor);
    });
  }

  it("every lowered floor says why", () => {
    for (const l of floorsFile.lowered) expect(l.reason.trim().length, `${l.field}`).toBeGreaterThan(20);
  });
});
