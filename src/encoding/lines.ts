/** Lines as the line splitter sees them (`\r\n`, `\r`, `\n`), and the repair log that turns affected lines into warnings. */
import type { Warning } from "../types.js";

/** A text cut into lines, keeping each break so the text can be put back byte for byte. */
export interface SplitText {
  lines: string[];
  /** `breaks[i]` follows `lines[i]`; one fewer than `lines`. */
  breaks: string[];
}

export function splitLines(text: string): SplitText {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  const breaks: string[] = [];
  for (let i = 0; i < parts.length; i++) (i % 2 === 0 ? lines : breaks).push(parts[i]!);
  return { lines, breaks };
}

export function joinLines({ lines, breaks }: SplitText): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    if (i < breaks.length) out.push(breaks[i]!);
  }
  return out.join("");
}

/** Beyond this many ranges a warning lists the first ones and a count: a 100 000-line dump must not make a 1 MB message. */
const MAX_LISTED_RANGES = 12;

/**
 * Line numbers added in ascending order, kept as at most MAX_LISTED_RANGES ranges plus a count, so memory
 * stays flat however many lines a stream reports.
 */
export class LineSet {
  readonly #ranges: [number, number][] = [];
  #count = 0;
  #last = 0;
  #truncated = false;

  add(line: number): void {
    if (line <= this.#last) return;
    const previous = this.#last;
    this.#last = line;
    this.#count++;
    const tail = this.#ranges[this.#ranges.length - 1];
    if (!this.#truncated && tail && tail[1] === previous && previous + 1 === line) tail[1] = line;
    else if (this.#ranges.length < MAX_LISTED_RANGES && !this.#truncated) this.#ranges.push([line, line]);
    else this.#truncated = true;
  }

  get size(): number {
    return this.#count;
  }

  get first(): number | null {
    return this.#ranges[0]?.[0] ?? null;
  }

  /** `line 3`, `lines 3-7, 12`, `lines 1, 3, …, 40 (57 lines in all)`. */
  describe(): string {
    if (this.#count === 1) return `line ${this.#last}`;
    const listed = this.#ranges.map(([a, b]) => (a === b ? `${a}` : `${a}-${b}`)).join(", ");
    return `lines ${listed}${this.#truncated ? `, … (${this.#count} lines in all)` : ""}`;
  }
}

/** `line 3`, `lines 3-7, 12`; `lines` sorted ascending, 1-based. */
export function describeLines(lines: readonly number[]): string {
  const set = new LineSet();
  for (const line of lines) set.add(line);
  return set.describe();
}

/** What each repair did, worded for a warning; the key is the SPEC name shown in `input.repairs`. */
export const REPAIR_DESCRIPTIONS = {
  bom: "byte-order mark stripped",
  nul: "NUL characters deleted",
  "invalid-bytes": "invalid bytes replaced by U+FFFD",
  "mojibake-cp1256": "mojibake (UTF-8 read as Windows-1256) repaired",
  "mojibake-latin1": "mojibake (UTF-8 read as Latin-1/Windows-1252) repaired",
  "legacy-cp1256": "Windows-1256 text read as Windows-1252 repaired",
  "html-entities": "HTML entities decoded",
  "presentation-forms": "Arabic presentation forms folded (NFKC)",
} as const;

export type RepairName = keyof typeof REPAIR_DESCRIPTIONS;

/** Collects, per repair, the lines it touched; repairs keep the order they were first applied in. */
export class RepairLog {
  readonly #lines = new Map<RepairName, LineSet>();

  /** `line` is 1-based; each pass walks the text top down, so lines arrive in ascending order per repair. */
  add(repair: RepairName, line: number): void {
    let set = this.#lines.get(repair);
    if (!set) this.#lines.set(repair, (set = new LineSet()));
    set.add(line);
  }

  get repairs(): string[] {
    return [...this.#lines.keys()];
  }

  /** One warning per repair: `line` is the first line it touched, the message lists them all. */
  warnings(): Warning[] {
    return [...this.#lines].map(([code, lines]) => ({
      line: lines.first,
      code,
      message: `${REPAIR_DESCRIPTIONS[code]} on ${lines.describe()}`,
    }));
  }
}
