/**
 * The fast path of the command line: `khabar [options] [inputs...]` with only well-formed, known options
 * is read here, without loading commander (a one-file run is mostly start-up, and commander is a good
 * part of it). Anything else — help, --version, a subcommand, `--`, clustered short flags, an unknown
 * option, a missing or dash-leading value, a value outside its choices — returns null, and commander
 * (program.ts) reads the command line with its own messages. When this path answers, it answers what
 * commander would (test/cli/units.test.ts holds the two side by side).
 */
import { OUTPUT_FORMATS } from "../emit/index.js";
import type { CliFlags } from "./config.js";

export const INPUT_FORMATS = ["text", "jsonl", "json", "csv"] as const;

/** First operands that commander would take as a command. */
const COMMANDS = new Set(["inspect", "rules", "help"]);

type ValueKey = "format" | "inputFormat" | "textField" | "idField" | "splitOn" | "glob" | "output" | "outDir" | "jobs" | "encoding" | "markers" | "tagLexicon";
type SwitchKey = "pretty" | "skipExisting" | "explain" | "strict" | "quiet" | "progress" | "color" | "stats";

const VALUES: Record<string, ValueKey> = {
  "-f": "format",
  "--format": "format",
  "-i": "inputFormat",
  "--input-format": "inputFormat",
  "--text-field": "textField",
  "--id-field": "idField",
  "--split-on": "splitOn",
  "--glob": "glob",
  "-o": "output",
  "--output": "output",
  "--out-dir": "outDir",
  "-j": "jobs",
  "--jobs": "jobs",
  "-e": "encoding",
  "--encoding": "encoding",
  "--markers": "markers",
  "--tag-lexicon": "tagLexicon",
};

const SWITCHES: Record<string, [SwitchKey, boolean]> = {
  "--pretty": ["pretty", true],
  "--skip-existing": ["skipExisting", true],
  "--explain": ["explain", true],
  "--strict": ["strict", true],
  "-q": ["quiet", true],
  "--quiet": ["quiet", true],
  "--progress": ["progress", true],
  "--no-progress": ["progress", false],
  "--color": ["color", true],
  "--no-color": ["color", false],
  "--stats": ["stats", true],
};

const CHOICES: Partial<Record<ValueKey, readonly string[]>> = { format: OUTPUT_FORMATS, inputFormat: INPUT_FORMATS };

/** The inputs and flags of `khabar [options] [inputs...]`, or null when commander should read the line. */
export function fastArgs(args: readonly string[]): { inputs: string[]; flags: CliFlags } | null {
  const flags: Record<string, string | boolean> = { format: "ndjson", inputFormat: "text", glob: "**/*.txt", encoding: "auto" };
  const inputs: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === "-" || !arg.startsWith("-")) {
      if (!inputs.length && COMMANDS.has(arg)) return null;
      inputs.push(arg);
      continue;
    }
    let key: ValueKey | undefined;
    let value: string | undefined;
    const eq = arg.startsWith("--") ? arg.indexOf("=") : -1;
    if (eq > 0) {
      key = VALUES[arg.slice(0, eq)];
      value = arg.slice(eq + 1);
    } else if (Object.hasOwn(SWITCHES, arg)) {
      const [name, on] = SWITCHES[arg]!;
      flags[name] = on;
      continue;
    } else if (Object.hasOwn(VALUES, arg)) {
      key = VALUES[arg];
      value = args[++i];
      if (value === undefined || value.startsWith("-")) return null;
    } else if (!arg.startsWith("--") && arg.length > 2) {
      // -j2, -fjson: a short option with its value attached.
      key = VALUES[arg.slice(0, 2)];
      value = arg.slice(2);
    }
    if (key === undefined || value === undefined) return null;
    const choices = CHOICES[key];
    if (choices && !choices.includes(value)) return null;
    flags[key] = value;
  }
  return { inputs, flags: flags as unknown as CliFlags };
}
