/**
 * The golden fixtures: each fixtures/<case>/input.txt parses to its reviewed expected.json, validates against
 * the shipped schema, and loses no line. `UPDATE_FIXTURES=1 npm test` rewrites expected.json (review the diff).
 */
import { writeFileSync, readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeBuffer, repairText } from "../src/encoding/index.js";
import { parseBuffer } from "../src/index.js";
import { fixtureCases } from "./helpers/fixtures.js";
import { lossProblems } from "./helpers/invariants.js";
import { schemaErrors } from "./helpers/schema.js";

const update = process.env.UPDATE_FIXTURES === "1";
const cases = fixtureCases();

describe("golden fixtures", () => {
  it("has the cases the suite is built on", () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  for (const c of cases) {
    const run = c.xfail ? it.skip : it;
    run(`${c.name} parses to expected.json`, () => {
      const doc = parseBuffer(c.input, { path: "input.txt" });
      if (update) writeFileSync(c.expectedPath, JSON.stringify(doc, null, 2) + "\n");
      expect(existsSync(c.expectedPath), "expected.json exists").toBe(true);
      expect(doc).toEqual(JSON.parse(readFileSync(c.expectedPath, "utf8")));
    });

    it(`${c.name} validates against the schema`, () => {
      expect(schemaErrors(parseBuffer(c.input, { path: "input.txt", explain: true }))).toEqual([]);
      if (existsSync(c.expectedPath)) expect(schemaErrors(JSON.parse(readFileSync(c.expectedPath, "utf8")))).toEqual([]);
    });

    it(`${c.name} accounts for every line once`, () => {
      const doc = parseBuffer(c.input, { path: "input.txt", explain: true });
      // The invariant is about lines as the classifiers saw them: after decoding and repairs.
      const text = repairText(decodeBuffer(c.input).text).text;
      expect(lossProblems(doc, text)).toEqual([]);
    });
  }
});
