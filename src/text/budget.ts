/**
 * How much one dump may hold while it is parsed. A parse holds a few hundred bytes of heap a line, so a file of
 * millions of (blank) lines — a scraper's runaway output, many dumps run together — would run the heap out, and
 * V8 ends the process on that (and on an array grown past its length limit), taking every later input with it.
 * Such a dump is refused, with DumpTooBigError, before it is cut into lines: an input error the batch survives.
 */
import { createRequire } from "node:module";

/**
 * The heap a parse holds at its peak, per line and per code unit of the text, rounded up from the worst shapes
 * measured (peak heap under --trace-gc, everything from decoding to the rendered document): 10 M blank lines
 * ~230 B a line; 3.3 M one-letter lines, each a paragraph, ~415 B a line; 100 MB of news dumps ~7.5 B a unit
 * besides their lines. `--explain` adds a record and its JSON to each line: the budget is then two thirds.
 */
export const BLANK_LINE_HEAP = 256;
export const LINE_HEAP = 512;
export const UNIT_HEAP = 8;
/** Share of the free old generation one dump may take (the rest: garbage not yet collected, the run's own state). */
const HEAP_SHARE = 0.75;
/** V8's young generation with Node's defaults (3 × 16 MiB), part of heap_size_limit but no room for a dump. */
const YOUNG_GENERATION = 48 * 1024 * 1024;

/**
 * Most lines one dump may have, whatever the heap: the line records are a plain array of numbers (9 a line; a
 * typed array measured ~2.5% slower), and the repair passes cut a text with `split`; such arrays cannot grow
 * past V8's element limit (~134 M, and they grow by half again), which ends the process rather than throwing.
 */
export const MAX_DUMP_LINES = 8 * 1024 * 1024;

/** A dump with more lines than this process's heap can parse, or than MAX_DUMP_LINES. */
export class DumpTooBigError extends RangeError {
  constructor(
    /** Lines counted when the limit was reached. */
    readonly lines: number,
    /** "memory": the heap budget ran out (raise it with --max-old-space-size); "lines": MAX_DUMP_LINES. */
    readonly limit: "memory" | "lines",
    /** The heap the dump could have used, in bytes. */
    readonly budget: number,
  ) {
    const over = lines > 0 ? `over ${lines} lines: ` : "";
    super(
      limit === "lines"
        ? `${over}more lines than one dump may have; cut it into several dumps`
        : `${over}more than one dump can hold in this process's memory (${formatBytes(budget)} for a dump); cut it into several dumps`,
    );
    this.name = "DumpTooBigError";
  }
}

/** `512 MiB`, `1.5 GiB`. */
export function formatBytes(bytes: number): string {
  return bytes < 2 ** 30 ? `${Math.floor(bytes / 2 ** 20)} MiB` : `${(bytes / 2 ** 30).toFixed(1)} GiB`;
}

let v8: typeof import("node:v8") | undefined;

/**
 * The heap a dump may use now: a share of what the old generation has left (a worker thread has its own heap).
 * node:v8 is loaded on first need, not at import: it adds ~3 ms to every start, and most runs never need it.
 */
export function dumpHeapBudget(): number {
  v8 ??= createRequire(import.meta.url)("node:v8") as typeof import("node:v8");
  const heap = v8.getHeapStatistics();
  return Math.max(0, Math.floor((heap.heap_size_limit - YOUNG_GENERATION - heap.used_heap_size) * HEAP_SHARE));
}

/**
 * A text this short fits any heap Node runs in (32 MiB) even if every unit were a line: it is split without
 * asking the heap. That is nearly every dump (up to ~64 K characters).
 */
const SURELY_FITS = 32 * 1024 * 1024;

/** The budget for a text of `units` (Infinity when it surely fits); two thirds of it with `--explain`. */
export function budgetFor(units: number, explain = false): number {
  if (units * (UNIT_HEAP + LINE_HEAP) + LINE_HEAP <= SURELY_FITS) return Infinity;
  const budget = dumpHeapBudget();
  return explain ? Math.floor((budget * 2) / 3) : budget;
}

/**
 * Throws DumpTooBigError when `text` surely has more lines than `budget` can parse (each line at least a blank
 * one) or than MAX_DUMP_LINES: counted by search, before any pass cuts the text into lines. splitLines then
 * checks each line at its real cost.
 */
export function checkDumpSize(text: string, budget: number): void {
  if (budget === Infinity) return;
  let left = budget - UNIT_HEAP * text.length;
  if (left < 0) throw new DumpTooBigError(0, "memory", budget);
  let lines = 0;
  const count = (): void => {
    lines++;
    left -= BLANK_LINE_HEAP;
    if (left < 0) throw new DumpTooBigError(lines - 1, "memory", budget);
    if (lines > MAX_DUMP_LINES) throw new DumpTooBigError(MAX_DUMP_LINES, "lines", budget);
  };
  // Line breaks: `\n`, and `\r` not followed by `\n` (a `\r\n` is one).
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count();
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 0x0a) count();
}
