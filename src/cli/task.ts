/**
 * One unit of work: a batch of dump files (read here, by whoever runs the task), the bytes of one dump
 * (standard input, a pipe), or a block of records, turned into rendered documents. The same function
 * runs in a worker thread (`-j N`) or in the main thread (`-j 1`), so both give byte-identical output.
 *
 * Tag learning (`learnedTags`) is scoped so it never depends on scheduling: one fresh set per dump
 * file, one per block of records. Blocks are cut every RECORD_BLOCK records of an input by the
 * reader, whatever `-j` is.
 */
import { DumpTooBigError, emptyDocument, LearnedTags, parse, parseBuffer } from "../index.js";
import { formatBytes } from "../text/budget.js";
import type { KhabarDocument, MarkerVocabulary, ParseBufferOptions } from "../types.js";
import { renderDocument, type OutputFormat } from "../emit/index.js";
import { looksBinary } from "../encoding/index.js";
import { DumpTooLargeError, FileReader } from "../io/fileReader.js";
import { describeFsError, isFsError } from "../io/fsErrors.js";
import { InvalidBytesReport } from "../encoding/decode.js";
import { markedJson, needsMarkedJson, unmark, unmarkDump } from "../encoding/marks.js";
import type { RecordItem } from "../io/records.js";
import { resolveJsonRecord, resolveRecord, type ResolvedRecord } from "./recordFields.js";
import { countDocument, emptyDelta, type StatsDelta } from "./stats.js";

/** Records per task, and per tag-learning scope. */
export const RECORD_BLOCK = 256;

/** A text input is one dump, parsed whole; past this size it is surely many dumps and needs --split-on. */
export const MAX_DUMP_BYTES = 256 * 1024 * 1024;

/** Why a text input over MAX_DUMP_BYTES is refused (whether its size came from the walk or from the task's fstat). */
export function tooLargeMessage(size: number): string {
  return `${(size / 1e6).toFixed(0)} MB is too large for one dump; cut it with --split-on or use a record format`;
}

/** Why a dump with more lines than the heap can parse is refused (the library's DumpTooBigError). */
function tooBigMessage(err: DumpTooBigError, record: boolean): string {
  const lines = err.lines > 0 ? `over ${err.lines} lines, ` : "";
  if (err.limit === "lines") return `${lines}more lines than one dump may have; ${record ? "cut the record into several" : "cut it with --split-on or use a record format"}`;
  const cut = record ? "cut the record into several" : "cut it with --split-on, use a record format";
  return `${lines}too large for one dump in this process's memory (${formatBytes(err.budget)} for a dump); ${cut}, or give node more heap (NODE_OPTIONS=--max-old-space-size=MB)`;
}

export interface TaskSettings {
  format: OutputFormat;
  pretty: boolean;
  explain: boolean;
  stats: boolean;
  strict: boolean;
  encoding: string;
  markers?: Partial<MarkerVocabulary>;
  tagLexicon?: string[];
  textField?: string;
  idField?: string;
}

export type Task =
  /**
   * Dump files, one document each: many small files go in one task, so a thread gets them in one message.
   * With `maxBytes`, the task stops once it has read that many bytes (after the file that gets there): its
   * results are then for the first paths only, and the rest are the producer's to hand on.
   */
  | { kind: "files"; paths: string[]; maxBytes?: number }
  /** One dump already read (standard input, a pipe). */
  | { kind: "file"; path: string; bytes: Uint8Array }
  | {
      kind: "records";
      path: string;
      /** The stream's encoding, shown as each record's `input.encoding`. */
      encoding: string;
      /** The record that gets the stream's `bom` repair (the first one), if the stream had a BOM. */
      bomRecord: number | null;
      /**
       * The stream's text held marks (encoding/marks.ts) by the time the block was sent: its records' dumps get their
       * NULs back for parsing to report and their invalid bytes counted, and ids lose them. False for most inputs,
       * which then skip the work.
       */
      marked: boolean;
      items: RecordItem[];
    };

export interface Problem {
  /** The record it concerns; none for the whole input. */
  record?: number;
  message: string;
  /** A stack, when the problem is a bug in khabar rather than in the input. */
  stack?: string;
}

export interface TaskResult {
  outputs: string[];
  problems: Problem[];
  /** Documents that carried warnings (`--strict` fails on them); with --strict, their text. */
  warned: number;
  warnings: string[];
  documents: number;
  stats: StatsDelta | null;
  /** Bytes of input read by the task (a "files" task reads its files itself). */
  bytes: number;
}

export function emptyResult(settings: Pick<TaskSettings, "stats">): TaskResult {
  return { outputs: [], problems: [], warned: 0, warnings: [], documents: 0, stats: settings.stats ? emptyDelta() : null, bytes: 0 };
}

/**
 * The results of a task: one per file of a "files" task, in order (for the first paths only when the
 * task's maxBytes cut it short); one for the others.
 */
export function runTask(task: Task, settings: TaskSettings): TaskResult[] {
  if (task.kind === "files") return runFiles(task.paths, settings, task.maxBytes);
  if (task.kind === "file") return [runDump(task.path, task.bytes, settings)];
  return [runRecords(task, settings)];
}

/**
 * One reader per thread (each worker has its own copy of this module). Tasks run synchronously: a task reads
 * its files as one group, then parses and renders them, and the next task's group reuses the buffer.
 */
const reader = new FileReader();

/**
 * Bytes a group of files holds before it is parsed, whatever the task's own limit: a thread's task has none (its
 * batch was cut by the sizes the walk saw, which files may outgrow before they are read).
 */
const GROUP_BYTES = 256 * 1024;

/**
 * Dump files read in order until `maxBytes` have been read (the file that gets there is the last), and parsed,
 * one result each. The size comes from the file's own fstat: a file over `maxDumpBytes` is not read, and fails
 * with the same message as when the walk knew its size.
 */
export function runFiles(
  paths: readonly string[],
  settings: TaskSettings,
  maxBytes = Infinity,
  maxDumpBytes = MAX_DUMP_BYTES,
  groupBytes = GROUP_BYTES,
): TaskResult[] {
  const results: TaskResult[] = [];
  let readBytes = 0;
  let next = 0;
  while (next < paths.length && !(readBytes >= maxBytes && results.length > 0)) {
    // A group: all its reads first, then all its parses (system calls in a row are cheaper, see io/fileReader.ts).
    reader.nextGroup();
    const first = next;
    const group: (Uint8Array | Problem)[] = [];
    const groupStart = readBytes;
    for (; next < paths.length; next++) {
      if (group.length > 0 && (readBytes >= maxBytes || readBytes - groupStart >= groupBytes)) break;
      try {
        const bytes = reader.read(paths[next]!, maxDumpBytes);
        readBytes += bytes.byteLength;
        group.push(bytes);
      } catch (err) {
        group.push(err instanceof DumpTooLargeError ? { message: tooLargeMessage(err.size) } : isFsError(err) ? { message: describeFsError(err) } : bug(err));
      }
    }
    group.forEach((got, k) => {
      if (got instanceof Uint8Array) {
        results.push(runDump(paths[first + k]!, got, settings));
        return;
      }
      const result = emptyResult(settings);
      result.problems.push(got);
      results.push(result);
    });
  }
  return results;
}

/**
 * The parse options of one dump or record, made whole in one literal of one shape. Spreading a base object
 * and adding `path`, `record` and `id` to the copy took V8's slow copy: 2–4 µs a document, ~3% of a run over
 * the benchmark corpus. An option left undefined is the same to parse as one left out.
 */
function parseOptions(settings: TaskSettings, learnedTags: LearnedTags, path: string, record?: number, id?: string | null): ParseBufferOptions {
  return {
    explain: settings.explain || settings.stats,
    learnedTags,
    markers: settings.markers,
    tagLexicon: settings.tagLexicon,
    path,
    record,
    id,
    encoding: settings.encoding,
  };
}

function runDump(path: string, bytes: Uint8Array, settings: TaskSettings): TaskResult {
  const result = emptyResult(settings);
  result.bytes = bytes.byteLength;
  if (looksBinary(bytes)) {
    result.problems.push({ message: "binary file, skipped (not a text dump)" });
    return result;
  }
  try {
    emit(result, parseBuffer(bytes, parseOptions(settings, new LearnedTags(), path)), settings);
  } catch (err) {
    result.problems.push(err instanceof DumpTooBigError ? { message: tooBigMessage(err, false) } : bug(err));
  }
  return result;
}

function runRecords(task: Extract<Task, { kind: "records" }>, settings: TaskSettings): TaskResult {
  const result = emptyResult(settings);
  // One tag-learning scope for the block (see the top of this file). A LearnedTags keeps its look-up trie from
  // record to record; a plain Set's is checked against the set at each tags line.
  const learnedTags = new LearnedTags();

  for (const item of task.items) {
    let resolved: ResolvedRecord =
      "json" in item
        ? resolveJsonRecord(task.marked && needsMarkedJson(item.json) ? markedJson(item.json) : item.json, settings.textField, settings.idField)
        : "fields" in item
          ? resolveRecord(item.fields, settings.textField, settings.idField)
          : "error" in item
            ? { error: item.error, id: item.id ?? null }
            : { text: item.text, id: item.id ?? null };
    // Where invalid bytes were replaced in this record's dump: [line, how many].
    let invalid: [number, number][] = [];
    if (task.marked) {
      const id = resolved.id === null ? null : unmark(resolved.id);
      if (resolved.error !== undefined) resolved = { error: unmark(resolved.error), id };
      else {
        const dump = unmarkDump(resolved.text);
        resolved = { text: dump.text, id };
        invalid = dump.invalid;
      }
    }
    // A dump cut by --split-on has an id only when the pattern captures one.
    const hasId = "json" in item || "fields" in item || item.id !== undefined;
    const options = parseOptions(settings, learnedTags, task.path, item.record, hasId ? resolved.id : undefined);
    let doc: KhabarDocument;
    if (resolved.error !== undefined) {
      doc = emptyDocument(options);
      doc.input.encoding = task.encoding;
      doc.error = resolved.error;
      result.problems.push({ record: item.record, message: resolved.error });
    } else {
      try {
        doc = parse(resolved.text, options);
        doc.input.encoding = task.encoding;
        const repairs: string[] = [];
        if (task.bomRecord === item.record) repairs.push("bom");
        if (invalid.length > 0) {
          // As parseBuffer reports them: before the repairs parsing made, on the record's own lines.
          const report = new InvalidBytesReport(task.encoding);
          for (const [line, count] of invalid) report.add(line, count);
          repairs.push("invalid-bytes");
          doc.warnings = [...report.warnings(), ...doc.warnings];
        }
        if (repairs.length) doc.input.repairs = [...repairs, ...doc.input.repairs.filter((r) => !repairs.includes(r))];
      } catch (err) {
        // A record too big for the heap is an input error; anything else is a bug in khabar.
        const problem = err instanceof DumpTooBigError ? { message: tooBigMessage(err, true) } : bug(err);
        result.problems.push({ ...problem, record: item.record });
        doc = emptyDocument(options);
        doc.input.encoding = task.encoding;
        doc.error = problem.message;
      }
    }
    emit(result, doc, settings);
  }
  return result;
}

function bug(err: unknown): Problem {
  const e = err instanceof Error ? err : new Error(String(err));
  return { message: `internal error: ${e.message}`, stack: e.stack ?? e.message };
}

function emit(result: TaskResult, doc: KhabarDocument, settings: TaskSettings): void {
  result.documents++;
  if (result.stats) countDocument(result.stats, doc);
  if (!settings.explain) delete doc.lines;
  if (doc.warnings.length) {
    result.warned++;
    if (settings.strict) {
      const where = doc.input.record !== undefined ? `record ${doc.input.record}: ` : "";
      for (const w of doc.warnings) result.warnings.push(`${where}${w.line !== null ? `line ${w.line}: ` : ""}warning ${w.code}: ${w.message}`);
    }
  }
  const rendered = renderDocument(doc, settings.format, settings.pretty);
  if (rendered !== null) result.outputs.push(rendered);
}
