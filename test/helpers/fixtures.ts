/** The golden fixtures: fixtures/<case>/{input.txt, expected.json, README}. Tests read only the project's files. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const FIXTURES_DIR = fileURLToPath(new URL("../../fixtures/", import.meta.url));

export interface FixtureCase {
  name: string;
  dir: string;
  input: Buffer;
  expectedPath: string;
  /** Present when the parser is known to differ from the hand-written truth: why. Such cases count in the quality gate only. */
  xfail: string | null;
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES_DIR, d.name, "input.txt")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = join(FIXTURES_DIR, name);
      const xfailPath = join(dir, "xfail");
      return {
        name,
        dir,
        input: readFileSync(join(dir, "input.txt")),
        expectedPath: join(dir, "expected.json"),
        xfail: existsSync(xfailPath) ? readFileSync(xfailPath, "utf8").trim() : null,
      };
    });
}
