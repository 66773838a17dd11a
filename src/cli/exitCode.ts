/**
 * How a run ends, and the one function that turns that into the exit status:
 *   2  a usage error (bad option, bad --split-on pattern, unknown encoding, unreadable --markers file);
 *   0  the reader of stdout went away (`| head`): they got what they wanted;
 *   1  an input or a record failed, the output could not be written, khabar hit a bug,
 *      or --strict and a document carried warnings;
 *   0  otherwise.
 */

/** A mistake in the command line: a message and status 2, no stack. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** What the message is about (a file name); shown as `khabar: <subject>: <message>`. */
    readonly subject?: string,
  ) {
    super(message);
  }
}

export interface RunOutcome {
  usageError: boolean;
  pipeClosed: boolean;
  /** Inputs or records that failed, and fatal errors (output unwritable, internal errors). */
  failures: number;
  /** Documents with warnings. */
  warned: number;
  strict: boolean;
}

export function emptyOutcome(strict = false): RunOutcome {
  return { usageError: false, pipeClosed: false, failures: 0, warned: 0, strict };
}

export function exitCode(outcome: RunOutcome): 0 | 1 | 2 {
  if (outcome.usageError) return 2;
  if (outcome.pipeClosed) return 0;
  if (outcome.failures > 0) return 1;
  if (outcome.strict && outcome.warned > 0) return 1;
  return 0;
}
