/**
 * Producers: each input becomes tasks for the executor, pushed in input order into the ordered window.
 *   text files — one dump each, read whole (a dump is one page) by the task itself, many files a task
 *   (batch.ts groups them);
 *   standard input or a pipe given by name — one dump, read here, one task;
 *   a record input (jsonl, json, csv, or text cut by --split-on) — read as a stream and sent in blocks of
 *   RECORD_BLOCK records, so a single huge file is spread over the threads too.
 * A problem with the input ends it with a message; records read before it still count.
 * Loaded only by runs that need it: a run over dump files has its files read by the tasks themselves.
 */
import { createReadStream } from "node:fs";
import { DumpTooLargeError } from "../io/fileReader.js";
import { describeFsError, isFsError } from "../io/fsErrors.js";
import { JsonStructureError } from "../io/jsonArray.js";
import { BinaryInputError, openBytes, openText } from "../io/lines.js";
import { CsvInputError, readRecords, type RecordFormat, type RecordItem } from "../io/records.js";
import type { InputState } from "./batch.js";
import { StopRun } from "./ordered.js";
import { MAX_DUMP_BYTES, RECORD_BLOCK, tooLargeMessage, type Task, type TaskSettings } from "./task.js";

export type Submit = (st: InputState, task: Task, bytes: number) => Promise<void>;
export type End = (st: InputState, problem?: { message: string; stack?: string }) => Promise<void>;

/** A text input read here (standard input, a pipe, a file too large): one dump, read whole, parsed in one task. */
export async function produceDump(st: InputState, submit: Submit, end: End): Promise<void> {
  const { ref } = st;
  if (ref.size !== null && ref.size > MAX_DUMP_BYTES) {
    return end(st, { message: tooLargeMessage(ref.size) });
  }
  let bytes: Uint8Array;
  try {
    // A pipe given by name is read like standard input: as a stream, refused past the limit.
    bytes = await readAll(ref.stdin ? process.stdin : createReadStream(ref.path));
  } catch (err) {
    return end(st, problemOf(err));
  }
  await submit(st, { kind: "file", path: ref.path, bytes }, bytes.byteLength);
  await end(st);
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    size += b.byteLength;
    if (size > MAX_DUMP_BYTES) throw new DumpTooLargeError(size);
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** A record input (jsonl, json, csv, or text cut by --split-on): read as a stream, sent in blocks. */
export async function produceRecords(
  st: InputState,
  format: RecordFormat,
  settings: TaskSettings,
  splitOn: RegExp | undefined,
  submit: Submit,
  end: End,
): Promise<void> {
  const { ref } = st;
  let block: RecordItem[] = [];
  let counted = 0;
  let source: ReturnType<typeof openText> | null = null;
  const flush = async () => {
    if (!block.length || !source) return;
    const items = block;
    block = [];
    const bytes = source.bytesRead - counted;
    counted = source.bytesRead;
    const repairs = source.decoder.repairs;
    await submit(
      st,
      {
        kind: "records",
        path: ref.path,
        encoding: source.decoder.encoding,
        bomRecord: repairs.includes("bom") ? 1 : null,
        marked: source.decoder.marked,
        items,
      },
      bytes,
    );
  };
  let problem: { message: string; stack?: string } | undefined;
  try {
    source = openText(openBytes(ref.path, ref.stdin), settings.encoding);
    const options = splitOn ? { splitOn } : {};
    for await (const item of readRecords(format, source.chunks, options)) {
      block.push(item);
      if (block.length === RECORD_BLOCK) await flush();
    }
  } catch (err) {
    if (err instanceof StopRun) throw err;
    problem = problemOf(err);
  }
  // Records read before a failure are still good documents.
  await flush();
  await end(st, problem);
}

export function problemOf(err: unknown): { message: string; stack?: string } {
  if (err instanceof BinaryInputError) return { message: err.message };
  // A stream read here is refused once it passes the limit: its size is what was read by then.
  if (err instanceof DumpTooLargeError) return { message: `over ${tooLargeMessage(Math.floor(err.size / 1e6) * 1e6)}` };
  if (err instanceof JsonStructureError) return { message: `not a JSON array of records: ${err.message}` };
  if (err instanceof CsvInputError) return { message: `CSV: ${err.message}` };
  if (isFsError(err)) return { message: describeFsError(err) };
  const e = err instanceof Error ? err : new Error(String(err));
  return { message: `internal error: ${e.message}`, stack: e.stack };
}
