/**
 * The colour level for a stream: `--color`/`--no-color` first, then FORCE_COLOR, then NO_COLOR
 * (https://no-color.org: any non-empty value), then whether the stream is a terminal.
 */
import { Chalk, type ChalkInstance } from "chalk";

export type ColorLevel = 0 | 1 | 2 | 3;

export function colorLevel(flag: boolean | undefined, env: NodeJS.ProcessEnv, isTTY: boolean): ColorLevel {
  if (flag === false) return 0;
  const force = env.FORCE_COLOR;
  if (flag === undefined && force !== undefined) {
    if (force === "0" || force === "false") return 0;
    if (force === "2" || force === "3") return Number(force) as ColorLevel;
    return 1;
  }
  if (flag === undefined && env.NO_COLOR) return 0;
  if (flag === undefined && !isTTY) return 0;
  const term = env.COLORTERM === "truecolor" || env.COLORTERM === "24bit" ? 3 : /256/.test(env.TERM ?? "") ? 2 : 1;
  return term;
}

export function chalkFor(flag: boolean | undefined, stream: NodeJS.WriteStream): ChalkInstance {
  return new Chalk({ level: colorLevel(flag, process.env, Boolean(stream.isTTY)) });
}
