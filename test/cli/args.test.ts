/** The fast path of the command line (src/cli/args.ts) against commander (src/cli/program.ts): same answer, or none. */
import { describe, expect, it } from "vitest";
import { fastArgs } from "../../src/cli/args.js";
import { buildProgram } from "../../src/cli/program.js";

async function viaCommander(args: string[]): Promise<{ inputs: string[]; flags: Record<string, unknown> } | "error"> {
  let got: { inputs: string[]; flags: Record<string, unknown> } | "error" = "error";
  const program = buildProgram({
    main: async (inputs, flags) => {
      got = { inputs, flags: { ...flags } };
    },
    inspect: async () => {},
    rules: async () => {},
  });
  const quiet = (cmd: typeof program) => {
    cmd.exitOverride().configureOutput({ writeOut: () => {}, writeErr: () => {} });
    cmd.commands.forEach(quiet);
  };
  quiet(program);
  try {
    await program.parseAsync(["node", "khabar", ...args]);
  } catch {
    return "error";
  }
  return got;
}

const TAKEN: string[][] = [
  [],
  ["a.txt"],
  ["-"],
  ["dir", "-j", "1"],
  ["-j", "2", "dir"],
  ["-j2", "dir", "b.txt", "-"],
  ["--jobs=3", "dir"],
  ["--jobs", "0", "dir"],
  ["--jobs", "two"],
  ["-f", "json", "--pretty", "x"],
  ["--format=markdown", "x"],
  ["-fjson", "x"],
  ["-i", "jsonl", "--text-field", "body", "--id-field", "meta.id", "f.jsonl"],
  ["--input-format=csv", "f.csv"],
  ["--split-on", "^=== (\\d+)", "f.txt"],
  ["--glob", "*.md", "--glob", "**/*.txt", "dir"],
  ["--glob=", "dir"],
  ["-o", "out.ndjson", "dir"],
  ["--out-dir", "out", "--skip-existing", "dir"],
  ["-e", "windows-1256", "x"],
  ["--encoding=klingon", "x"],
  ["--explain", "--stats", "--strict", "-q", "x"],
  ["--quiet", "--progress", "x"],
  ["--progress", "--no-progress", "x"],
  ["--no-progress", "--progress", "x"],
  ["--color", "x"],
  ["--no-color", "x"],
  ["--markers", "m.json", "--tag-lexicon", "t.txt", "x"],
  ["x", "inspect", "rules"],
  ["-o=out", "x"],
  ["-e", "utf-8", "-e", "auto", "x"],
];

const LEFT_TO_COMMANDER: string[][] = [
  ["--help"],
  ["-h"],
  ["-V"],
  ["--version"],
  ["inspect", "x"],
  ["rules"],
  ["help"],
  ["--", "x"],
  ["-qj2", "x"],
  ["--no-such-option", "x"],
  ["-x"],
  ["-j"],
  ["-j", "-1"],
  ["--format", "yaml", "x"],
  ["--format=yaml", "x"],
  ["-o", "-", "x"],
  ["--pretty=yes", "x"],
  ["--form", "json"],
];

describe("fastArgs", () => {
  it.each(TAKEN)("answers as commander does: %j", async (...args) => {
    const fast = fastArgs(args);
    expect(fast).not.toBeNull();
    expect(await viaCommander(args)).toEqual(fast);
  });

  it.each(LEFT_TO_COMMANDER)("leaves %j to commander", (...args) => {
    expect(fastArgs(args)).toBeNull();
  });
});
