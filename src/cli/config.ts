/**
 * From parsed flags to a checked run configuration. Every mistake found here is a UsageError
 * (status 2), raised before any input is read.
 */
import { readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { loadMarkersFile } from "../index.js";
import type { MarkerVocabulary } from "../types.js";
import type { OutputFormat } from "../emit/index.js";
import { isKnownEncoding, suggestEncodings } from "../encoding/index.js";
import { describeFsError } from "../io/fsErrors.js";
import { compileGlob } from "../io/glob.js";
import type { InputFormat, RunConfig } from "./batch.js";
import { UsageError } from "./exitCode.js";

/** More threads than this is a typo, not a machine. */
const MAX_JOBS = 1024;

export interface CliFlags {
  format: OutputFormat;
  pretty?: boolean;
  inputFormat: InputFormat;
  textField?: string;
  idField?: string;
  splitOn?: string;
  glob: string;
  output?: string;
  outDir?: string;
  skipExisting?: boolean;
  jobs?: string;
  encoding: string;
  explain?: boolean;
  markers?: string;
  tagLexicon?: string;
  strict?: boolean;
  quiet?: boolean;
  progress?: boolean;
  color?: boolean;
  stats?: boolean;
}

export function checkEncoding(name: string): string {
  if (!isKnownEncoding(name)) {
    throw new UsageError(`unknown encoding "${name}" (known names include: ${suggestEncodings().slice(0, 8).join(", ")})`);
  }
  return name;
}

export function parseJobs(value: string | undefined): number {
  if (value === undefined) return availableParallelism();
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_JOBS) {
    throw new UsageError(`--jobs takes a whole number of threads from 1 to ${MAX_JOBS}, not "${value}"`);
  }
  return Number(value);
}

/** A line matching the pattern separates two dumps. Unicode mode first, so `\p{…}` works; plain as a fallback. */
export function compileSplitOn(pattern: string): RegExp {
  try {
    return new RegExp(pattern, "u");
  } catch {
    try {
      return new RegExp(pattern);
    } catch (err) {
      throw new UsageError(`bad --split-on pattern: ${(err as Error).message}`);
    }
  }
}

export function loadMarkers(path: string | undefined): Partial<MarkerVocabulary> | undefined {
  if (path === undefined) return undefined;
  try {
    return loadMarkersFile(path);
  } catch (err) {
    const message = (err as { code?: unknown }).code ? describeFsError(err) : (err as Error).message;
    throw new UsageError(`cannot use this markers file: ${message}`, path);
  }
}

/** One tag a line; `#` starts a comment (tags never hold `#`: it separates them). */
export function loadTagLexicon(path: string | undefined): string[] | undefined {
  if (path === undefined) return undefined;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new UsageError(`cannot read this tag lexicon: ${describeFsError(err)}`, path);
  }
  return text
    .replace(/^\uFEFF/, "")
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/#.*/, "").trim())
    .filter(Boolean);
}

export function buildRunConfig(inputs: string[], flags: CliFlags): RunConfig {
  const recordFormat = flags.inputFormat !== "text";
  if (flags.output !== undefined && flags.outDir !== undefined) throw new UsageError("-o/--output and --out-dir cannot be used together");
  if (flags.skipExisting && flags.outDir === undefined) throw new UsageError("--skip-existing needs --out-dir");
  if (flags.splitOn !== undefined && recordFormat) throw new UsageError(`--split-on cuts text files; it does not apply to --input-format ${flags.inputFormat}`);
  if (!recordFormat && (flags.textField !== undefined || flags.idField !== undefined)) {
    throw new UsageError("--text-field and --id-field apply to --input-format jsonl, json or csv");
  }
  try {
    compileGlob(flags.glob);
  } catch (err) {
    throw new UsageError(`bad --glob pattern: ${(err as Error).message}`);
  }
  const config: RunConfig = {
    inputs,
    inputFormat: flags.inputFormat,
    glob: flags.glob,
    skipExisting: Boolean(flags.skipExisting),
    jobs: parseJobs(flags.jobs),
    defaultJobs: flags.jobs === undefined,
    quiet: Boolean(flags.quiet),
    stats: Boolean(flags.stats),
    settings: {
      format: flags.format,
      pretty: Boolean(flags.pretty),
      explain: Boolean(flags.explain),
      stats: Boolean(flags.stats),
      strict: Boolean(flags.strict),
      encoding: checkEncoding(flags.encoding),
    },
  };
  if (flags.splitOn !== undefined) config.splitOn = compileSplitOn(flags.splitOn);
  if (flags.output !== undefined) config.output = flags.output;
  if (flags.outDir !== undefined) config.outDir = flags.outDir;
  if (flags.progress !== undefined) config.progress = flags.progress;
  const markers = loadMarkers(flags.markers);
  if (markers) config.settings.markers = markers;
  const lexicon = loadTagLexicon(flags.tagLexicon);
  if (lexicon) config.settings.tagLexicon = lexicon;
  if (flags.textField !== undefined) config.settings.textField = flags.textField;
  if (flags.idField !== undefined) config.settings.idField = flags.idField;
  return config;
}
