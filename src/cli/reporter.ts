/**
 * Every message of a run goes through here to stderr, as `khabar: <path>: <message>`. `--quiet` keeps
 * them in; a closed stdout mutes them (a `| head` run ends without a word); the progress bar steps
 * aside for each one.
 */
import type { Progress } from "./progress.js";

export class Reporter {
  progress: Progress | null = null;
  muted = false;

  constructor(
    private readonly quiet: boolean,
    private readonly stream: NodeJS.WritableStream = process.stderr,
  ) {}

  problem(path: string, message: string, stack?: string): void {
    this.say(`khabar: ${path}: ${message}${stack ? `\n${stack}` : ""}\n`);
  }

  /** Output the user asked for (`--stats`): shown even with --quiet. */
  report(text: string): void {
    if (!this.muted) this.write(text);
  }

  private say(text: string): void {
    if (this.quiet || this.muted) return;
    this.write(text);
  }

  private write(text: string): void {
    this.progress?.clear();
    this.stream.write(text);
    this.progress?.redraw();
  }
}
