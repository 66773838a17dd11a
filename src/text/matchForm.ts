/**
 * The match form of a string (SPEC §1): the normalised text that markers and rules are matched on.
 * The output keeps the original text; this form is for deciding only.
 *
 * One pass over the UTF-16 code units through a lazily built 64K table, so a line of any length costs
 * one table look-up per character and no regular expression can backtrack.
 */

const DROP = 0xffff;
const SPACE = 0x20;
/** Marks a code unit whose NFKC expansion is longer than one unit (ligature presentation forms). */
const EXPAND = 0xfffe;

const expansions = new Map<number, string>();
/** The longest expansion (ﷺ folds to 18 units): the most one input unit can add to a match form. */
let maxExpansion = 1;

function inRange(c: number, lo: number, hi: number): boolean {
  return c >= lo && c <= hi;
}

/** What one code unit becomes, before the presentation-form expansion is folded again (exported for tests). */
export function foldOne(c: number): number {
  if (c === 0x0640) return DROP; // tatweel
  if (inRange(c, 0x064b, 0x065f) || c === 0x0670 || inRange(c, 0x06d6, 0x06ed)) return DROP; // diacritics, Quranic marks
  if (inRange(c, 0x200b, 0x200f) || inRange(c, 0x202a, 0x202e) || inRange(c, 0x2066, 0x2069) || c === 0xfeff) return DROP;
  if (c === 0x00ad) return DROP; // soft hyphen: invisible in the page, splits words in the dump
  switch (c) {
    case 0x0623: case 0x0625: case 0x0622: case 0x0671: return 0x0627; // أ إ آ ٱ → ا
    case 0x0649: return 0x064a; // ى → ي
    case 0x0629: return 0x0647; // ة → ه
    case 0x0624: return 0x0648; // ؤ → و
    case 0x0626: return 0x064a; // ئ → ي
    case 0x060c: return 0x2c; // ، → ,
    case 0x061b: return 0x3b; // ؛ → ;
    case 0x061f: return 0x3f; // ؟ → ?
    case 0xff1a: return 0x3a; // ： → :
    case 0x09: case 0x0a: case 0x0b: case 0x0c: case 0x0d: case 0xa0: case 0x1680: case 0x202f: case 0x205f: case 0x3000: return SPACE;
  }
  if (inRange(c, 0x2000, 0x200a)) return SPACE;
  if (inRange(c, 0x0660, 0x0669)) return 0x30 + (c - 0x0660);
  if (inRange(c, 0x06f0, 0x06f9)) return 0x30 + (c - 0x06f0);
  if (inRange(c, 0x41, 0x5a)) return c + 0x20;
  if (inRange(c, 0xc0, 0x24f)) {
    const lower = String.fromCharCode(c).toLowerCase();
    return lower.length === 1 ? lower.charCodeAt(0) : c;
  }
  return c;
}

/**
 * The packed table (see packedTable), built once per process (and per worker thread), so its cost is start-up:
 * every unit folds to itself but in the ranges foldOne treats, folded here range by range (a test checks the
 * table against foldOne over all 64K units), and the presentation forms are normalised in one call (each form
 * followed by a line break, which composes with nothing, so the call gives each form's NFKC on its own). One
 * loop over the 64K units, run by the interpreter: the rest is by range.
 */
function buildPacked(): Uint32Array {
  const flagOf = new Uint8Array(0x10000);
  for (const [flag, units] of FLAG_UNITS) for (const u of units) flagOf[u.charCodeAt(0)] |= flag;
  /** The entry of a unit that folds to `m`. */
  const entryOf = (m: number): number => {
    const kind = unitKind(m);
    // A ligature's entry has no step bits: a line that holds one is folded again unit by unit (add()).
    if (kind === 3) return m | EXPAND_BIT;
    return m | (stepBits(kind, 0) << STEP_SHIFT) | (stepBits(kind, 1) << (STEP_SHIFT + 3)) | (flagOf[m]! << FLAG_SHIFT);
  };
  const p = new Uint32Array(0x10000);
  // Outside the ranges below a unit is kept as itself (kind 0); the space and the flagged ones are set after.
  const kept = entryOf(0x61) & ~0xffff; // the step bits of a kept unit ("a": no flag)
  for (let c = 0; c < 0x10000; c++) p[c] = c | kept;
  for (const [, units] of FLAG_UNITS) for (const u of units) p[u.charCodeAt(0)] = entryOf(u.charCodeAt(0));
  p[SPACE] = entryOf(SPACE);
  const fold = (lo: number, hi: number) => {
    for (let c = lo; c <= hi; c++) p[c] = entryOf(foldOne(c));
  };
  fold(0x09, 0x0d);
  fold(0x41, 0x5a);
  fold(0xa0, 0x24f);
  fold(0x0600, 0x06ff);
  fold(0x1680, 0x1680);
  fold(0x2000, 0x206f);
  fold(0x3000, 0x3000);
  fold(0xfeff, 0xfeff);
  fold(0xff1a, 0xff1a);
  const presentation: number[] = [];
  for (let c = 0xfb50; c <= 0xfdff; c++) presentation.push(c);
  for (let c = 0xfe70; c <= 0xfefe; c++) if (c !== 0xfeff) presentation.push(c);
  const nfkc = presentation.map((c) => `${String.fromCharCode(c)}\n`).join("").normalize("NFKC").split("\n");
  presentation.forEach((c, k) => {
    const form = nfkc[k]!;
    if (form === String.fromCharCode(c)) return;
    let folded = "";
    for (let i = 0; i < form.length; i++) {
      const f = foldOne(form.charCodeAt(i));
      if (f !== DROP) folded += String.fromCharCode(f);
    }
    if (folded.length === 1) p[c] = entryOf(folded.charCodeAt(0));
    else if (folded.length === 0) p[c] = entryOf(DROP);
    else {
      p[c] = entryOf(EXPAND);
      expansions.set(c, folded);
      if (folded.length > maxExpansion) maxExpansion = folded.length;
    }
  });
  // The two noncharacters would read as the DROP and EXPAND sentinels: they match as U+FFFD.
  p[0xfffe] = entryOf(0xfffd);
  p[0xffff] = entryOf(0xfffd);
  return p;
}

/** The match form of `s`: folded, stripped of invisible marks, spaces collapsed, trimmed. */
export function matchForm(s: string): string {
  const t = packedTable();
  const n = s.length;
  // Fast path: text that is its own match form (every unit folds to itself, single inner spaces, no
  // space at either end) is returned as it is — one read-only scan, no copy.
  let i = 0;
  let prev = SPACE;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((t[c]! & 0xffff) !== c || (c === SPACE && prev === SPACE)) break;
    prev = c;
  }
  if (i === n && prev !== SPACE) return s;
  own.add(s, 0, n);
  return own.finish();
}

/** Whether anything of `text` is left in its match form (not only spaces, tatweel, diacritics, bidi marks). */
export function foldsToNothing(text: string): boolean {
  const t = packedTable();
  for (let i = 0; i < text.length; i++) {
    const m = t[text.charCodeAt(i)]! & 0xffff;
    if (m !== DROP && m !== SPACE) return false;
  }
  return true;
}

/** What each unit folds to (DROP, EXPAND for a ligature): the low 16 bits of the packed table (for tests). */
export function foldTable(): Uint16Array {
  return Uint16Array.from(packedTable(), (x) => x & 0xffff);
}

/**
 * The first cut `p` (1 ≤ p ≤ text.length, where `isCut(text, p)`) at which matchForm(text.slice(0, p)) equals
 * `target`; -1 when there is none. One pass: the form of a prefix is what folding emitted before `p` (a
 * pending space is not emitted until a word follows it), so forms of longer prefixes only extend it, and
 * the walk stops as soon as the emitted units part from `target`.
 */
export function prefixCut(text: string, target: string, isCut: (text: string, p: number) => boolean): number {
  const t = packedTable();
  const n = text.length;
  let len = 0;
  let pendingSpace = false;
  let any = false;
  for (let p = 0; ; p++) {
    if (p >= 1 && isCut(text, p)) {
      if (len === target.length) return p;
      if (len > target.length) return -1;
    }
    if (p === n) return -1;
    const m = t[text.charCodeAt(p)]! & 0xffff;
    if (m === DROP) continue;
    if (m === SPACE) {
      pendingSpace = any;
      continue;
    }
    if (pendingSpace) {
      if (target.charCodeAt(len) !== SPACE) return -1;
      len++;
      pendingSpace = false;
    }
    any = true;
    if (m !== EXPAND) {
      if (target.charCodeAt(len) !== m) return -1;
      len++;
      continue;
    }
    const e = expansions.get(text.charCodeAt(p))!;
    for (let k = 0; k < e.length; k++) {
      if (target.charCodeAt(len) !== e.charCodeAt(k)) return -1;
      len++;
    }
  }
}

/** What a folded unit is to the batch: 0 a unit that stands for itself, 1 a space, 2 dropped, 3 an expansion. */
function unitKind(m: number): number {
  return m === SPACE ? 1 : m === DROP ? 2 : m === EXPAND ? 3 : 0;
}
/**
 * What the batch does with a unit, for each `last` (1 after a kept space or at the start): bit 0 the unit is
 * kept, bit 1 it is a kept space, bit 2 `last` after it. A space is kept only after a word; a dropped unit
 * changes nothing; an expansion is folded unit by unit (EXPAND_BIT).
 */
function stepBits(kind: number, last: number): number {
  if (kind === 0) return 1; // kept; last = 0
  if (kind === 1) return last === 1 ? 4 : 1 | 2 | 4; // a space: skipped after a space or at the start
  return last === 1 ? 4 : 0; // dropped: nothing changes
}
const EXPAND_BIT = 1 << 16;
/** Where the step bits for last = 0 and last = 1 sit in a packed entry. */
const STEP_SHIFT = 17;
/** Where a folded unit's CharFlag bits sit in a packed entry: bits 23–30 (bit 31 stays clear: an entry stays a small integer to V8). */
const FLAG_SHIFT = 23;

/**
 * Character classes a line's match form holds, gathered by the fold at no extra cost (an OR of the packed
 * entries it reads anyway): rules test a flag before searching the line for characters it rarely holds.
 * A flag says only "the form holds one of these units", never more; a clear flag rules the search out.
 */
export const CharFlag = {
  /** 0–9 (digits of every script are ASCII in the match form). */
  DIGIT: 1,
  COPYRIGHT: 2, // ©
  /** The separators of navigation crumbs: > » › | / < « ‹ */
  CRUMB: 4,
  /** Letters of the cookie-notice words (see classifiers/boilerplate.ts): each holds k, or ط and ف, or ز and ك. */
  K: 8,
  TAH: 16,
  FEH: 32,
  ZAIN: 64,
  KAF: 128,
} as const;
/** Every flag set: what a line whose form was not folded eagerly reports (it may hold anything). */
export const ALL_CHAR_FLAGS = 0xff;
const FLAG_UNITS: [number, string][] = [
  [CharFlag.DIGIT, "0123456789"],
  [CharFlag.COPYRIGHT, "©"],
  [CharFlag.CRUMB, ">»›|/<«‹"],
  [CharFlag.K, "k"],
  [CharFlag.TAH, "ط"],
  [CharFlag.FEH, "ف"],
  [CharFlag.ZAIN, "ز"],
  [CharFlag.KAF, "ك"],
];

/** The CharFlag bits of `s`'s units (for tests, and what the batch's flags must equal on a match form). */
export function charFlags(s: string): number {
  let flags = 0;
  for (const [flag, units] of FLAG_UNITS) for (const u of units) if (s.includes(u)) flags |= flag;
  return flags;
}

let packed: Uint32Array | null = null;

/**
 * The fold table and what to do with each unit in one read: folded unit in bits 0–15, EXPAND_BIT, the step bits
 * for last = 0 and 1, the CharFlag bits. Built on first use.
 */
function packedTable(): Uint32Array {
  return (packed ??= buildPacked());
}

/** The placeholder buffer a batch holds until its constructor sets its own. */
const NO_UNITS = new Uint16Array(0);

/** Past this many units a batch gives its buffer back after finish() (one huge dump must not pin memory). */
const BATCH_KEEP_UNITS = 1 << 20;

/**
 * The match forms of many ranges of one string (the lines of a dump), built into one buffer and read back as
 * one string: one native call a dump instead of one a line, and each line's form is then a slice of it.
 * add() gives each range's form exactly as matchForm would (same table, same spaces, same trim).
 * Not re-entrant: one batch at a time per buffer (parses are synchronous).
 */
export class MatchFormBatch {
  private buf: Uint16Array = NO_UNITS;
  /** The buffer's bytes, read back as UTF-16LE (little-endian hosts, as Node runs them) in one native call. */
  private bytes: Buffer = Buffer.from(NO_UNITS.buffer);
  private len = 0;
  /** Set by add(): the words of the form just added (0 when empty). */
  words = 0;
  /** Set by add(): where the form's first word ends (before a space, `:` or `/`), as a batch offset. */
  firstEnd = 0;
  /** Set by add(): the CharFlag bits of the form just added. */
  flags = 0;

  constructor() {
    // The buffer is set a second time on purpose. V8 treats a field no one has written twice as a constant
    // and builds it into the optimized code of every caller that inlines a batch's methods; the first
    // grow() (a dump past 16K units) then throws all that code away — the classifiers' tests, the line
    // splitter, about a dozen functions — and compiles it again, ~0.3 s of CPU per thread on the benchmark corpus.
    this.setBuffer(new Uint16Array(1 << 14));
  }

  /** Appends the match form of `s` from `a` to `b`; returns where it starts (it ends at `end`). */
  add(s: string, a: number, b: number): number {
    const t = packedTable();
    if (this.len + (b - a) * maxExpansion > this.buf.length) this.grow(this.len + (b - a) * maxExpansion);
    const buf = this.buf;
    const start = this.len;
    let len = start;
    // Branch-free: every unit is stored, and kept (len advances) as its table entry says; `last` is 1 after
    // a kept space or at the start, so runs of spaces and leading spaces are not kept. The entries are ORed:
    // their flags are the line's, and a ligature among them (no step bits of its own) sends the line to
    // addExpanding, which folds it again unit by unit.
    let last = 1;
    let spaces = 0;
    let seen = 0;
    for (let i = a; i < b; i++) {
      const x = t[s.charCodeAt(i)]!;
      seen |= x;
      const st = (x >>> (STEP_SHIFT + 3 * last)) & 7;
      buf[len] = x; // the store keeps the low 16 bits: the folded unit
      len += st & 1;
      spaces += (st >> 1) & 1;
      last = st >> 2;
    }
    if ((seen & EXPAND_BIT) !== 0) return this.addExpanding(s, a, b);
    this.close(start, len, last, spaces, seen >>> FLAG_SHIFT);
    return start;
  }

  /**
   * add() for a range that holds a ligature: each expands to its folded units (ﷺ to 18), and they go through the
   * table like typed ones (a folded unit folds to itself; ﷺ's spaces are kept like typed spaces).
   */
  private addExpanding(s: string, a: number, b: number): number {
    const t = packedTable();
    const buf = this.buf;
    const start = this.len;
    let len = start;
    let last = 1;
    let spaces = 0;
    let flags = 0;
    for (let i = a; i < b; i++) {
      const c = s.charCodeAt(i);
      const expansion = (t[c]! & EXPAND_BIT) !== 0 ? expansions.get(c)! : null;
      const n = expansion === null ? 1 : expansion.length;
      for (let k = 0; k < n; k++) {
        const x = t[expansion === null ? c : expansion.charCodeAt(k)]!;
        const st = (x >>> (STEP_SHIFT + 3 * last)) & 7;
        buf[len] = x;
        len += st & 1;
        spaces += (st >> 1) & 1;
        last = st >> 2;
        flags |= x >>> FLAG_SHIFT;
      }
    }
    this.close(start, len, last, spaces, flags);
    return start;
  }

  /** Ends the form added from `start`: trims a trailing space, finds the first word, sets words and flags. */
  private close(start: number, len: number, last: number, spaces: number, flags: number): void {
    // A kept space at the end is a trailing one: the form is trimmed.
    if (last === 1 && len > start) {
      len--;
      spaces--;
    }
    // The first word ends at the first space, `:` or `/` of the form: a short walk from its start.
    const buf = this.buf;
    let firstEnd = start;
    while (firstEnd < len) {
      const u = buf[firstEnd]!;
      if (u === SPACE || u === 0x3a || u === 0x2f) break;
      firstEnd++;
    }
    this.len = len;
    this.words = len > start ? spaces + 1 : 0;
    this.firstEnd = firstEnd;
    this.flags = flags;
  }

  /** Drops the forms added since the last finish() (a split that failed), without reading them back. */
  reset(): void {
    this.len = 0;
    if (this.buf.length > BATCH_KEEP_UNITS) this.setBuffer(new Uint16Array(1 << 14));
  }

  /** Where the last form added ends. */
  get end(): number {
    return this.len;
  }

  /** Every form added since the last finish(), as one string (offsets from add() index into it). */
  finish(): string {
    const out = this.bytes.toString("utf16le", 0, this.len * 2);
    this.reset();
    return out;
  }

  private grow(units: number): void {
    let size = this.buf.length * 2;
    while (size < units) size *= 2;
    const next = new Uint16Array(size);
    next.set(this.buf.subarray(0, this.len));
    this.setBuffer(next);
  }

  private setBuffer(buf: Uint16Array): void {
    this.buf = buf;
    this.bytes = Buffer.from(buf.buffer);
  }
}

/** matchForm's own batch, for what its fast path cannot return as is (one string, no chunking). */
const own = new MatchFormBatch();
