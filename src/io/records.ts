/**
 * Record streams: one text stream (a file or stdin) becomes a sequence of records, read as it arrives.
 *   jsonl     — one JSON value a line; every line is a record (a blank line too: it becomes an error
 *               record, so output lines stay aligned with input lines);
 *   json      — a JSON array, split element by element without loading the file (jsonArray.ts);
 *   csv       — a header row, then records (csv-parse: quoted fields with newlines, BOM; `,` `;` or tab
 *               picked from the header line);
 *   --split-on — a text file of many dumps; a line matching the pattern is a separator that belongs to
 *               neither dump, and starts the next one.
 * JSON text is parsed later, in the worker, so the main thread only reads and cuts.
 */
import { pipeline, Readable } from "node:stream";
import { onlyNulMarks, unmark } from "../encoding/marks.js";
import { jsonArrayElements } from "./jsonArray.js";
import { MAX_RECORD_UNITS, rawLines, RecordPieces, stripEol, textLines } from "./lines.js";

export type RecordItem =
  | { record: number; json: string }
  | { record: number; fields: Record<string, unknown> }
  | { record: number; text: string; id?: string | null }
  /** A record the reader could not take (past MAX_RECORD_UNITS): its error document. */
  | { record: number; error: string; id?: string | null };

export type RecordFormat = "jsonl" | "json" | "csv" | "split";

/** The CSV reader found the input malformed (csv-parse's CsvError, with its message). */
export class CsvInputError extends Error {}

export interface RecordReaderOptions {
  splitOn?: RegExp;
  /** Longest record (line, JSON element) taken: MAX_RECORD_UNITS but in tests. */
  maxRecordUnits?: number;
}

/** Why a record past the longest line is not read. */
function overlong(what: string, units: number): string {
  return `${what} of ${units} characters is too large for one dump (at most ${MAX_RECORD_UNITS / 2 ** 20} Mi characters); cut it into several`;
}

export async function* readRecords(format: RecordFormat, chunks: AsyncIterable<string>, options: RecordReaderOptions = {}): AsyncGenerator<RecordItem> {
  let n = 0;
  switch (format) {
    case "jsonl":
      for await (const line of rawLines(chunks, options.maxRecordUnits)) {
        // NUL padding after the last line break was no line when NULs were deleted first; it is none now either.
        if (typeof line === "string" && onlyNulMarks(line)) continue;
        yield typeof line === "string" ? { record: ++n, json: stripEol(line) } : { record: ++n, error: overlong("record", line.length), id: null };
      }
      return;
    case "json":
      for await (const element of jsonArrayElements(chunks, options.maxRecordUnits)) {
        yield typeof element === "string" ? { record: ++n, json: element } : { record: ++n, error: overlong("record", element.length), id: null };
      }
      return;
    case "csv":
      for await (const fields of csvRecords(chunks, options.maxRecordUnits)) yield { record: ++n, fields };
      return;
    case "split":
      // Literals, not a spread of the dump: V8 copies a spread object the slow way (~2–4 µs a record).
      for await (const dump of splitDumps(chunks, options.splitOn!, options.maxRecordUnits)) {
        yield "text" in dump ? { record: ++n, text: dump.text, id: dump.id } : { record: ++n, error: dump.error, id: dump.id };
      }
      return;
  }
}

/**
 * The text before the first separator is a dump only when it holds something besides white space (a file
 * usually starts with a separator); after each separator comes exactly one dump, empty or not, so the
 * number of documents is the number of separators. A capture group in the pattern names the dump:
 * group 1 of its separator line becomes `input.id`.
 */
export async function* splitDumps(
  chunks: AsyncIterable<string>,
  pattern: RegExp,
  maxRecordUnits = MAX_RECORD_UNITS,
): AsyncGenerator<{ text: string; id?: string | null } | { error: string; id?: string | null }> {
  const hasGroup = new RegExp(`${pattern.source}|`, pattern.flags).exec("")!.length > 1;
  // The dump's lines; past the longest record they are let go and only counted (its text is never held).
  const body = new RecordPieces(maxRecordUnits);
  let id: string | null | undefined = hasGroup ? null : undefined;
  let seenSeparator = false;
  function* dump() {
    const blank = body.blank;
    const text = body.take();
    if (!seenSeparator && blank) return;
    // An id left undefined (a pattern without a group) is the same to the reader as none.
    yield typeof text === "string" ? { text, id } : { error: overlong("dump", text.length), id };
  }
  // Lines as a dump has them (a lone CR ends one too); each dump is its lines joined back, line ends and all.
  for await (const line of textLines(chunks, maxRecordUnits)) {
    // A line past the longest record is no separator; it makes its dump one too.
    // The separator as a plain decode gives it: a NUL on it deleted, as before, and reported on no dump.
    const m = typeof line === "string" ? pattern.exec(unmark(stripEol(line))) : null;
    if (!m) {
      if (typeof line === "string") body.add(line);
      else body.skip(line.length);
      continue;
    }
    yield* dump();
    seenSeparator = true;
    id = hasGroup ? (m[1] ?? null) : undefined;
  }
  yield* dump();
}

const DELIMITERS = [",", ";", "\t"] as const;

/** The delimiter used most often outside quotes in the header line; `,` when the line has none. */
export function detectDelimiter(headerLine: string): string {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const c of headerLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (DELIMITERS as readonly string[]).includes(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let best = ",";
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const k = counts.get(d) ?? 0;
    if (k > bestCount) {
      best = d;
      bestCount = k;
    }
  }
  return best;
}

async function* csvRecords(chunks: AsyncIterable<string>, maxRecordUnits = MAX_RECORD_UNITS): AsyncGenerator<Record<string, unknown>> {
  const iterator = chunks[Symbol.asyncIterator]();
  // Read up to the end of the header line to pick the delimiter, then hand everything to csv-parse.
  const head: string[] = [];
  let headText = "";
  while (!headText.includes("\n")) {
    const next = await iterator.next();
    if (next.done) break;
    head.push(next.value);
    headText += next.value;
  }
  const delimiter = detectDelimiter(headText.split("\n", 1)[0]!);
  async function* all(): AsyncGenerator<string> {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  // Loaded here: most runs never read CSV, and every module is paid for at start-up.
  const { parse: csvParse, CsvError } = await import("csv-parse");
  // A record past the longest record ends the input with csv-parse's message (it cannot skip one and go on),
  // instead of growing its buffer until V8's longest string. A quote inside an unquoted field is kept as it is
  // (relax_quotes): scraped text quotes names (`قال "الشرق الأوسط" أمس`), and strict RFC 4180 ended the whole input
  // there, with the records csv-parse had read but not yet handed on.
  // Column names without marks (encoding/marks.ts): a NUL in the header is deleted, as before.
  const parser = csvParse({ bom: true, columns: (header: string[]) => header.map(unmark), delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: maxRecordUnits });
  // pipeline (not pipe) so a read error upstream ends the loop below with that error.
  pipeline(Readable.from(all()), parser, () => {});
  try {
    for await (const row of parser) {
      // A line of NULs alone (padding) was an empty line, skipped, when NULs were deleted first: it still is.
      const values = Object.values(row as Record<string, unknown>);
      if (values.length === 1 && typeof values[0] === "string" && onlyNulMarks(values[0])) continue;
      yield row as Record<string, unknown>;
    }
  } catch (err) {
    throw err instanceof CsvError ? new CsvInputError(err.message) : err;
  }
}
