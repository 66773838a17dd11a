/**
 * The command line as commander sees it: options, help texts, choices, subcommands. Loaded only when
 * the fast path (args.ts) does not take the command line: for --help, --version, a subcommand, or
 * anything unusual or wrong, where commander's own messages are wanted.
 */
import { readFileSync } from "node:fs";
import { Command, Option } from "commander";
import { OUTPUT_FORMATS } from "../emit/index.js";
import { INPUT_FORMATS } from "./args.js";
import type { CliFlags } from "./config.js";

export interface InspectFlags {
  encoding: string;
  markers?: string;
  tagLexicon?: string;
  color?: boolean;
  quiet?: boolean;
}

export interface RulesFlags {
  markers?: string;
  json?: boolean;
}

export interface Actions {
  main(inputs: string[], flags: CliFlags): Promise<void>;
  inspect(input: string, flags: InspectFlags): Promise<void>;
  rules(flags: RulesFlags): Promise<void>;
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export function buildProgram(actions: Actions): Command {
  const program = new Command("khabar")
    .description("Parse raw scraped Arabic news dumps into structured JSON documents.")
    .version(version(), "-V, --version")
    .enablePositionalOptions()
    .argument("[inputs...]", 'files, directories (walked recursively) or "-" for standard input (the default)')
    .addOption(new Option("-f, --format <format>", "output format").choices(OUTPUT_FORMATS).default("ndjson"))
    .option("--pretty", "indent JSON output")
    .addOption(new Option("-i, --input-format <format>", "what each input holds").choices(INPUT_FORMATS).default("text"))
    .option("--text-field <path>", "record field holding the dump (default: first of text, content, body)")
    .option("--id-field <path>", "record field carried to input.id, dotted paths allowed (default: id)")
    .option("--split-on <regex>", "a line matching REGEX separates two dumps of one text file (group 1 → input.id)")
    .option("--glob <pattern>", "files to pick in walked directories", "**/*.txt")
    .option("-o, --output <file>", "write documents to FILE instead of standard output")
    .option("--out-dir <dir>", "write one file per input under DIR, mirroring relative paths")
    .option("--skip-existing", "with --out-dir: skip inputs whose output file exists (resume a batch)")
    .option("-j, --jobs <n>", "threads that parse: the main one and N-1 workers (default: the number of cores)")
    .option("-e, --encoding <name>", "input encoding: auto, utf-8, utf-16le, windows-1256, iso-8859-6, …", "auto")
    .option("--explain", "add lines[]: each line's label, rule and block")
    .option("--markers <file>", "JSON file of extra markers, merged into the built-in vocabulary")
    .option("--tag-lexicon <file>", "extra tags, one a line (# comments), for splitting space-joined tag lines")
    .option("--strict", "exit 1 when any document carries warnings (documents are still printed)")
    .option("-q, --quiet", "no messages on standard error, except usage errors")
    .option("--progress", "show a progress bar (default: on a terminal, for big batches)")
    .option("--no-progress", "never show a progress bar")
    .option("--color", "colour output even when not on a terminal")
    .option("--no-color", "never colour output (NO_COLOR is honoured too)")
    .option("--stats", "print counters on standard error at the end: lines per rule, drops, repairs, speed")
    .action((inputs: string[], flags: CliFlags) => actions.main(inputs, flags));

  program
    .command("inspect")
    .description("show the dump line by line: line number, the label each line got (coloured), the text")
    .argument("<input>", 'a dump file, or "-" for standard input')
    .option("-e, --encoding <name>", "input encoding", "auto")
    .option("--markers <file>", "JSON file of extra markers")
    .option("--tag-lexicon <file>", "extra tags, one a line")
    .option("--color", "colour even when not on a terminal")
    .option("--no-color", "never colour (NO_COLOR is honoured too)")
    .option("-q, --quiet", "no messages on standard error")
    .action((input: string, flags: InspectFlags) => actions.inspect(input, flags));

  program
    .command("rules")
    .description("list the classifiers in pipeline order, then the marker vocabulary in force")
    .option("--markers <file>", "JSON file of extra markers, shown merged")
    .option("--json", "print as JSON")
    .action((flags: RulesFlags) => actions.rules(flags));

  return program;
}
