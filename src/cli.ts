/**
 * khabar's command line: commander → checked options → the library → writers. The only module that
 * knows about a terminal, stdout, stderr and exit codes.
 *
 *   khabar [options] [inputs...]    parse dumps (batch.ts)
 *   khabar inspect <input>          the dump line by line, each line coloured by its label (cli/inspect.ts)
 *   khabar rules                    the classifiers in pipeline order and the marker vocabulary (cli/rules.ts)
 *
 * Expected errors print one message; bugs print a stack. The exit status comes from exitCode().
 */
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { OUTPUT_FORMATS } from "./emit/index.js";
import { PipeClosedError, StreamSink } from "./io/output.js";
import { runBatch } from "./cli/batch.js";
import { chalkFor } from "./cli/color.js";
import { buildRunConfig, checkEncoding, loadMarkers, loadTagLexicon, type CliFlags } from "./cli/config.js";
import { emptyOutcome, exitCode, UsageError, type RunOutcome } from "./cli/exitCode.js";
import { inspect } from "./cli/inspect.js";
import { Reporter } from "./cli/reporter.js";
import { renderRules } from "./cli/rules.js";

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

function buildProgram(setOutcome: (o: RunOutcome) => void): Command {
  const program = new Command("khabar")
    .description("Parse raw scraped Arabic news dumps into structured JSON documents.")
    .version(version(), "-V, --version")
    .enablePositionalOptions()
    .argument("[inputs...]", 'files, directories (walked recursively) or "-" for standard input (the default)')
    .addOption(new Option("-f, --format <format>", "output format").choices(OUTPUT_FORMATS).default("ndjson"))
    .option("--pretty", "indent JSON output")
    .addOption(new Option("-i, --input-format <format>", "what each input holds").choices(["text", "jsonl", "json", "csv"]).default("text"))
    .option("--text-field <path>", "record field holding the dump (default: first of text, content, body)")
    .option("--id-field <path>", "record field carried to input.id, dotted paths allowed (default: id)")
    .option("--split-on <regex>", "a line matching REGEX separates two dumps of one text file (group 1 → input.id)")
    .option("--glob <pattern>", "files to pick in walked directories", "**/*.txt")
    .option("-o, --output <file>", "write documents to FILE instead of standard output")
    .option("--out-dir <dir>", "write one file per input under DIR, mirroring relative paths")
    .option("--skip-existing", "with --out-dir: skip inputs whose output file exists (resume a batch)")
    .option("-j, --jobs <n>", "parallel worker threads (default: the number of cores)")
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
    .action(async (inputs: string[], flags: CliFlags) => {
      const config = buildRunConfig(inputs, flags);
      setOutcome(await runBatch(config, new Reporter(config.quiet)));
    });

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
    .action(async (input: string, flags: { encoding: string; markers?: string; tagLexicon?: string; color?: boolean; quiet?: boolean }) => {
      const markers = loadMarkers(flags.markers);
      const tagLexicon = loadTagLexicon(flags.tagLexicon);
      const options = { encoding: checkEncoding(flags.encoding), ...(markers ? { markers } : {}), ...(tagLexicon ? { tagLexicon } : {}) };
      const ok = await inspect(input, options, StreamSink.stdout(), chalkFor(flags.color, process.stdout), new Reporter(Boolean(flags.quiet)));
      setOutcome({ ...emptyOutcome(), failures: ok ? 0 : 1 });
    });

  program
    .command("rules")
    .description("list the classifiers in pipeline order, then the marker vocabulary in force")
    .option("--markers <file>", "JSON file of extra markers, shown merged")
    .option("--json", "print as JSON")
    .action(async (flags: { markers?: string; json?: boolean }) => {
      await StreamSink.stdout().write(renderRules(loadMarkers(flags.markers), Boolean(flags.json)));
      setOutcome(emptyOutcome());
    });

  return program;
}

/** Runs the command line and returns the exit status; never throws. */
export async function run(argv: string[]): Promise<number> {
  let outcome: RunOutcome = emptyOutcome();
  const program = buildProgram((o) => (outcome = o));
  const applyToAll = (cmd: Command) => {
    cmd.exitOverride().configureOutput({
      outputError: (str, write) => write(`khabar: ${str.replace(/^error: /, "").trimEnd()} (see khabar --help)\n`),
    });
    cmd.commands.forEach(applyToAll);
  };
  applyToAll(program);
  try {
    await program.parseAsync(argv);
    return exitCode(outcome);
  } catch (err) {
    if (err instanceof CommanderError) {
      // Help and --version "exit" through here too, with status 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`khabar: ${err.subject ? `${err.subject}: ` : ""}${err.message}\n`);
      return 2;
    }
    if (err instanceof PipeClosedError) return 0;
    process.stderr.write(`khabar: internal error (a bug in khabar; please report it with this trace):\n${(err as Error)?.stack ?? String(err)}\n`);
    return 1;
  }
}

export async function main(argv: string[]): Promise<void> {
  // A closed stdout is handled where we write; this keeps a late EPIPE from surfacing as a crash.
  process.stdout.on("error", () => {});
  const code = await run(argv);
  process.exitCode = code;
}
