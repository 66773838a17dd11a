/**
 * khabar's command line: arguments → checked options → the library → writers. The only module that
 * knows about a terminal, stdout, stderr and exit codes.
 *
 *   khabar [options] [inputs...]    parse dumps (batch.ts)
 *   khabar inspect <input>          the dump line by line, each line coloured by its label (cli/inspect.ts)
 *   khabar rules                    the classifiers in pipeline order and the marker vocabulary (cli/rules.ts)
 *
 * Expected errors print one message; bugs print a stack. The exit status comes from exitCode().
 *
 * Start-up time counts (a one-file run is mostly start-up): what a command needs is imported when it
 * runs. A plain `khabar [options] [inputs...]` is read by cli/args.ts without commander, and never loads
 * chalk, csv-parse or the worker pool; commander (cli/program.ts) reads everything else.
 */
import { fastArgs } from "./cli/args.js";
import type { CliFlags } from "./cli/config.js";
import { emptyOutcome, exitCode, UsageError, type RunOutcome } from "./cli/exitCode.js";
import type { Actions, InspectFlags, RulesFlags } from "./cli/program.js";
import { Reporter } from "./cli/reporter.js";
import { OutputError, PipeClosedError, StreamSink } from "./io/output.js";

function actions(setOutcome: (o: RunOutcome) => void): Actions {
  return {
    async main(inputs: string[], flags: CliFlags) {
      const [{ buildRunConfig }, { runBatch }] = await Promise.all([import("./cli/config.js"), import("./cli/batch.js")]);
      const config = buildRunConfig(inputs, flags);
      setOutcome(await runBatch(config, new Reporter(config.quiet)));
    },
    async inspect(input: string, flags: InspectFlags) {
      const [{ checkEncoding, loadMarkers, loadTagLexicon }, { inspect }, { chalkFor }] = await Promise.all([
        import("./cli/config.js"),
        import("./cli/inspect.js"),
        import("./cli/color.js"),
      ]);
      const markers = loadMarkers(flags.markers);
      const tagLexicon = loadTagLexicon(flags.tagLexicon);
      const options = { encoding: checkEncoding(flags.encoding), ...(markers ? { markers } : {}), ...(tagLexicon ? { tagLexicon } : {}) };
      const sink = StreamSink.stdout();
      const ok = await inspect(input, options, sink, chalkFor(flags.color, process.stdout), new Reporter(Boolean(flags.quiet)));
      await sink.close();
      setOutcome({ ...emptyOutcome(), failures: ok ? 0 : 1 });
    },
    async rules(flags: RulesFlags) {
      const [{ loadMarkers }, { renderRules }] = await Promise.all([import("./cli/config.js"), import("./cli/rules.js")]);
      const sink = StreamSink.stdout();
      await sink.write(renderRules(loadMarkers(flags.markers), Boolean(flags.json)));
      await sink.close();
      setOutcome(emptyOutcome());
    },
  };
}

/** Runs the command line and returns the exit status; never throws. */
export async function run(argv: string[]): Promise<number> {
  let outcome: RunOutcome = emptyOutcome();
  const act = actions((o) => (outcome = o));
  try {
    const fast = fastArgs(argv.slice(2));
    if (fast) {
      await act.main(fast.inputs, fast.flags);
      return exitCode(outcome);
    }
    const { CommanderError } = await import("commander");
    const { buildProgram } = await import("./cli/program.js");
    const program = buildProgram(act);
    const applyToAll = (cmd: typeof program) => {
      cmd.exitOverride().configureOutput({
        outputError: (str, write) => write(`khabar: ${str.replace(/^error: /, "").trimEnd()} (see khabar --help)\n`),
      });
      cmd.commands.forEach(applyToAll);
    };
    applyToAll(program);
    try {
      await program.parseAsync(argv);
    } catch (err) {
      // Help and --version "exit" through here too, with status 0.
      if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
      throw err;
    }
    return exitCode(outcome);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`khabar: ${err.subject ? `${err.subject}: ` : ""}${err.message}\n`);
      return 2;
    }
    if (err instanceof PipeClosedError) return 0;
    // inspect and rules: their output could not be written (the main run reports this itself).
    if (err instanceof OutputError) {
      process.stderr.write(`khabar: ${err.path}: cannot write the output: ${err.message}\n`);
      return 1;
    }
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
