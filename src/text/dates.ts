/**
 * Dates as Arabic and English news pages write them, parsed on the match form (digits already ASCII,
 * hamza and ta marbuta folded): `12 مارس 2024`, `١٢ آذار ٢٠٢٤`, `12 أبريل/نيسان 2024`, `March 3, 2025`,
 * `2024-03-12`, `12/03/2024` (day first, as Arab sites write it), with an optional `10:45 م` time.
 */
import type { Line } from "./lines.js";
import { CharFlag } from "./matchForm.js";

const MONTHS: Record<string, number> = {};
function months(n: number, ...names: string[]) {
  for (const name of names) MONTHS[name] = n;
}
// Egyptian/Gulf (Gregorian transliterations), Levantine/Iraqi (Syriac names), Maghrebi (French-derived), English.
months(1, "يناير", "جانفي", "كانون الثاني", "كانون ثاني", "january", "jan");
months(2, "فبراير", "فيفري", "شباط", "february", "feb");
months(3, "مارس", "اذار", "march", "mar");
months(4, "ابريل", "افريل", "نيسان", "april", "apr");
months(5, "مايو", "ماي", "ايار", "may");
months(6, "يونيو", "يونيه", "جوان", "حزيران", "june", "jun");
months(7, "يوليو", "يوليه", "يوليوز", "جويليه", "تموز", "july", "jul");
months(8, "اغسطس", "اغسطوس", "غشت", "اوت", "اب", "august", "aug");
months(9, "سبتمبر", "شتنبر", "ايلول", "september", "sep", "sept");
months(10, "اكتوبر", "تشرين الاول", "تشرين اول", "october", "oct");
months(11, "نوفمبر", "نونبر", "تشرين الثاني", "تشرين ثاني", "november", "nov");
months(12, "ديسمبر", "دجنبر", "كانون الاول", "كانون اول", "december", "dec");

const MONTH_ALT = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
// The second name of a dual form: "أبريل/نيسان", "نيسان (أبريل)".
const MONTH = `(${MONTH_ALT})(?:\\s*[/-]\\s*(?:${MONTH_ALT})|\\s*\\((?:${MONTH_ALT})\\))?`;
const B = "(?<![\\p{L}\\p{N}])"; // word start
const E = "(?![\\p{L}\\p{N}])"; // word end

/** What the all-digit patterns hold: a separator between two digits (`2024-03`, `12/03`). */
const DIGITS_SEPARATED = /\d[-/.]\d/;

const DATE_PATTERNS: { re: RegExp; order: "ymd" | "dmy" | "dMy" | "Mdy"; gate?: RegExp }[] = [
  // ISO `2024-03-12T10:00:00Z` too: a `t` and a digit may follow the day.
  { re: new RegExp(`${B}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?:${E}|(?=t\\d))`, "u"), order: "ymd", gate: DIGITS_SEPARATED },
  { re: new RegExp(`${B}(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})${E}`, "u"), order: "dmy", gate: DIGITS_SEPARATED },
  { re: new RegExp(`${B}(\\d{1,2})\\s*(?:من\\s+)?${MONTH}\\.?\\s*,?\\s*(?:عام\\s+|سنه\\s+)?(\\d{4})`, "u"), order: "dMy" },
  // The month's alternation tried at every letter is the dearest search here: a line without what must follow
  // it (the day's last digit, then the year) is ruled out by a digit-led search first.
  { re: new RegExp(`${B}${MONTH}\\.?\\s+(\\d{1,2})\\s*,?\\s*(\\d{4})${E}`, "u"), order: "Mdy", gate: /\d\s*,?\s*\d{4}/ },
];

// Seconds, fractions and an ISO zone (`z`, `+03:00`) may follow; the time is kept as written, zone dropped.
const TIME = /(?<![\p{N}:])(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?\s*(ص|م|صباحا|مساء|مساءا|ظهرا|am|pm|a\.m\.|p\.m\.)?(?![\p{L}\p{N}])/u;

/** Month words, for a cheap check before the month-name patterns (large alternations) run. */
const MONTH_NAMES = Object.keys(MONTHS);
const MONTH_WORDS = new Set(MONTH_NAMES.flatMap((m) => m.split(" ")));
/** 1 for the units words are cut at: white space (what `\s` matches) and / ( ) - , . ، */
const WORD_CUT = new Uint8Array(0x10000);
for (const c of "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff/()-,.\u060c") WORD_CUT[c.charCodeAt(0)] = 1;
for (let c = 0x2000; c <= 0x200a; c++) WORD_CUT[c] = 1;
/** A word's first unit and length, as one number (lengths past 31 share a key). */
const wordKey = (first: number, length: number) => first * 32 + Math.min(length, 31);
/** The keys of the month words: a word whose key is not here is no month word, and is not sliced to ask. */
const MONTH_WORD_KEYS = new Set([...MONTH_WORDS].map((w) => wordKey(w.charCodeAt(0), w.length)));

/** One of the words of `mf` (cut at white space and / ( ) - , . ،) is a month word, or a month is glued to a digit. */
export function mentionsMonth(mf: string): boolean {
  const n = mf.length;
  for (let a = 0; a < n; ) {
    if (WORD_CUT[mf.charCodeAt(a)] === 1) {
      a++;
      continue;
    }
    let b = a + 1;
    while (b < n && WORD_CUT[mf.charCodeAt(b)] === 0) b++;
    if (MONTH_WORD_KEYS.has(wordKey(mf.charCodeAt(a), b - a)) && MONTH_WORDS.has(mf.slice(a, b))) return true;
    a = b;
  }
  // "12مارس": a month glued to its day.
  return /\d\p{L}/u.test(mf) && MONTH_NAMES.some((m) => mf.includes(m));
}

export interface FoundDate {
  iso: string;
  /** The date's span in the searched string. */
  start: number;
  end: number;
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function valid(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 2200) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

/** The first date in `mf` (a match form), as ISO `YYYY-MM-DD`. */
export function findDate(mf: string): FoundDate | null {
  let best: FoundDate | null = null;
  const named = mentionsMonth(mf);
  // The all-digit patterns share one gate: it is searched once for both.
  let lastGate: RegExp | undefined;
  let gateHolds = false;
  for (const { re, order, gate } of DATE_PATTERNS) {
    if (!named && (order === "dMy" || order === "Mdy")) continue;
    // A necessary condition of the pattern, found by a cheaper search first.
    if (gate !== undefined) {
      if (gate !== lastGate) {
        lastGate = gate;
        gateHolds = gate.test(mf);
      }
      if (!gateHolds) continue;
    }
    const m = re.exec(mf);
    if (!m) continue;
    let y: number, mo: number, d: number;
    if (order === "ymd") [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (order === "dmy") [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
    else if (order === "dMy") [d, mo, y] = [Number(m[1]), MONTHS[m[2]!]!, Number(m[3])];
    else [mo, d, y] = [MONTHS[m[1]!]!, Number(m[2]), Number(m[3])];
    if (!valid(y, mo, d)) continue;
    if (best === null || m.index < best.start) best = { iso: `${y}-${pad(mo)}-${pad(d)}`, start: m.index, end: m.index + m[0].length };
  }
  return best;
}

export interface FoundTime {
  hhmm: string;
  start: number;
  end: number;
}

export function findTime(mf: string): FoundTime | null {
  // Every time holds a colon: one native search spares most date lines the expression.
  if (!mf.includes(":")) return null;
  const m = TIME.exec(mf);
  if (!m) return null;
  let h = Number(m[1]);
  const min = Number(m[2]);
  const half = m[3];
  if (half === "م" || half === "مساء" || half === "مساءا" || half === "pm" || half === "p.m.") {
    if (h < 12) h += 12;
  } else if (half === "ظهرا") {
    if (h < 11) h += 12;
  } else if ((half === "ص" || half === "صباحا" || half === "am" || half === "a.m.") && h === 12) h = 0;
  if (h > 23 || min > 59) return null;
  return { hhmm: `${pad(h)}:${pad(min)}`, start: m.index, end: m.index + m[0].length };
}

/** Words a date line may carry besides its date and time: prefixes, weekdays, time-zone notes. */
const FILLER = new Set(
  [
    "نشر", "نشرت", "تم النشر", "في", "بتاريخ", "تاريخ", "التاريخ", "الخبر", "النشر", "اخر", "تحديث", "التحديث", "تم", "محدث", "اخر تحديث",
    "published", "updated", "last", "on", "at", "date", "posted",
    "الساعه", "الموافق", "يوم", "بتوقيت", "توقيت", "مكه", "المكرمه", "القاهره", "غرينتش", "جرينتش", "gmt", "utc", "gst", "ast", "eet", "eest", "cet", "cest", "bst", "msk", "ت", "غ", "م", "هـ", "ه",
    "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "اثنين", "ثلاثاء", "اربعاء", "خميس", "جمعه", "سبت", "احد",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sun", "mon", "tue", "wed", "thu", "fri", "sat",
    // A Hijri date beside the Gregorian one ("13 ذو القعدة 1445 هـ - 21 مايو 2024"): its words are filler.
    "محرم", "صفر", "ربيع", "الاول", "الاخر", "الثاني", "جمادي", "الاولي", "الاخره", "رجب", "شعبان", "رمضان", "شوال", "ذو", "ذي", "القعده", "الحجه",
    // ISO date-times: `t` between date and time, `z` for UTC.
    "t", "z",
  ],
);

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
/** `^\d{1,2}$`, by char code. */
function isDayNumber(t: string): boolean {
  return (t.length === 1 || (t.length === 2 && isDigit(t.charCodeAt(1)))) && isDigit(t.charCodeAt(0));
}
/** `^1[34]\d\d$` (a Hijri year, 13xx or 14xx), by char code. */
function isHijriYear(t: string): boolean {
  return t.length === 4 && t.charCodeAt(0) === 0x31 && (t.charCodeAt(1) === 0x33 || t.charCodeAt(1) === 0x34) && isDigit(t.charCodeAt(2)) && isDigit(t.charCodeAt(3));
}

/** Every date pattern holds a four-digit year: a cheap test before the real ones. */
function hasYear(mf: string): boolean {
  // The match form's digits are ASCII: a run of four is enough, read by char code (no expression per line).
  let run = 0;
  for (let i = 0; i < mf.length; i++) {
    const c = mf.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (++run === 4) return true;
    } else run = 0;
  }
  return false;
}

/** Upper bound on a lone date line's words: a sentence that mentions a date is prose, not a date line. */
export const MAX_DATE_LINE_WORDS = 14;
/** A line with a published and an updated date, their prefixes, weekdays and times, runs longer. */
const MAX_TWO_DATE_LINE_WORDS = 20;

/** loneDate of a line's match form, cached on the line (the title look-ahead and the date rule ask about the same lines). */
export function lineDate(line: Line): string | null {
  // Every date holds a digit, and a date line is short: the fold's flags and the word count rule most lines
  // out before a scan for a year, and before the match form is read: a long line's form is made only when asked for.
  if (line.dateIso === undefined) line.dateIso = (line.flags & CharFlag.DIGIT) === 0 || line.words > MAX_TWO_DATE_LINE_WORDS ? null : loneDate(line.mf, line.words);
  return line.dateIso;
}

/** The ISO date (or date-time) of a line that is only a date, perhaps with a time and a prefix; else null. */
export function loneDate(mf: string, words: number): string | null {
  // Past the one-date cap only a line with the word for an update is tried (years in prose are common).
  if (words > (words > MAX_DATE_LINE_WORDS && mentionsUpdate(mf) ? MAX_TWO_DATE_LINE_WORDS : MAX_DATE_LINE_WORDS) || !hasYear(mf)) return null;
  const date = findDate(mf);
  if (!date) return null;
  let rest = without(mf, date);
  const time = findTime(rest);
  if (time) rest = without(rest, time);
  let iso = time ? `${date.iso}T${time.hhmm}` : date.iso;
  // "نشر في: 12 مايو 2024 - 10:15 ص | آخر تحديث: 12 مايو 2024 - 11:40 ص": published and updated on one line, in
  // either order; published is the earlier. Two dates without the word for an update are a range, not a date line.
  const second = mentionsUpdate(rest) ? findDate(rest) : null;
  if (second) {
    rest = without(rest, second);
    const secondTime = findTime(rest);
    if (secondTime) rest = without(rest, secondTime);
    const other = secondTime ? `${second.iso}T${secondTime.hhmm}` : second.iso;
    if (other < iso) iso = other;
  }
  return allFiller(rest) ? iso : null;
}

/** `s` with the span found in it (a date, a time) replaced by a space. */
function without(s: string, span: { start: number; end: number }): string {
  return s.slice(0, span.start) + " " + s.slice(span.end);
}

/** The line (a match form) holds the word for an update: `تحديث`, `محدث`, `updated`. */
function mentionsUpdate(mf: string): boolean {
  return mf.includes("تحديث") || mf.includes("محدث") || mf.includes("updated");
}

/** Every word of what is left of a date line is filler: a prefix, a weekday, a zone, a Hijri date, a stray number. */
function allFiller(rest: string): boolean {
  let zone = false;
  for (const token of rest.split(/[\s,;:|/()\-–—.+]+/u)) {
    // Stray day numbers, a Hijri year (13xx/14xx, "1445هـ" glued), seconds and zone offsets are filler too, and
    // the place a time is given in ("بتوقيت القدس").
    if (token === "" || FILLER.has(token) || isDayNumber(token) || isHijriYear(token) || (token.length === 5 && token.charCodeAt(4) === 0x0647 && isHijriYear(token.slice(0, 4))) || zone) {
      zone = token === "بتوقيت" || token === "توقيت";
      continue;
    }
    return false;
  }
  return true;
}

/**
 * The `HH:MM` of a line that is only a time of day: with `ص`/`م` (AM/PM), or `الساعة`, or a zone; else null. A bare
 * `03:45` may be a video's length as well.
 */
export function loneTime(mf: string, words: number): string | null {
  if (words > MAX_DATE_LINE_WORDS) return null;
  const time = findTime(mf);
  if (!time) return null;
  const rest = without(mf, time);
  if (!allFiller(rest)) return null;
  // ص/م or AM/PM in the time's own match, or a word beside it (الساعة, a zone, a weekday).
  const marked = /\p{L}/u.test(mf.slice(time.start, time.end)) || /\p{L}/u.test(rest);
  return marked ? time.hhmm : null;
}

const TIME_AGO = /^(?:منذ|قبل)\s+\d+\s+(?:ثانيه|ثواني|ثوان|دقيقه|دقايق|دقيقتين|ساعه|ساعات|ساعتين|يوم|ايام|يومين|اسبوع|اسابيع|شهر|اشهر|شهور)$|^\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago$/u;
const VIEWS = /^(?:عدد\s+)?(?:المشاهدات|مشاهدات|القراءات|قراءات|views)\s*:?\s*[\d,.]+$|^[\d,.]+\s+(?:مشاهده|مشاهدات|قراءه|قراءات|views)$/u;

/**
 * What a page prints by a headline about when and how often it was seen, not what it says: `منذ 3 ساعات`,
 * `قبل ٥ دقائق` ("date"), `1,245 مشاهدة`, `عدد المشاهدات: 1234` ("chrome"); else null. Taken only where such
 * lines stand (near the top of an article, in a related list): in the body `منذ 3 أشهر` may be an answer.
 */
export function pageStamp(line: Line): "date" | "chrome" | null {
  if ((line.flags & CharFlag.DIGIT) === 0 || line.words > 4) return null;
  const mf = line.mf;
  return TIME_AGO.test(mf) ? "date" : VIEWS.test(mf) ? "chrome" : null;
}
