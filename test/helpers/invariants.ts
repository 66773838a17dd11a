/**
 * The no-loss invariant (SPEC §2): every non-blank input line ends up in exactly one place — a field, a
 * marker the structure stands for, or dropped — and --explain names that place. Checked independently of
 * the classifiers: the line's text must really be found where its label says it went.
 */
import { BUILTIN_MARKERS } from "../../src/markerData.js";
import { matchForm } from "../../src/text/matchForm.js";
import type { Article, KhabarDocument } from "../../src/types.js";

const MARKER_LABELS = new Set(["read-also-marker", "related-marker", "tags-marker", "read-more-marker", "source-marker"]);

function articleOf(doc: KhabarDocument, block: string): Article | null {
  if (block === "article") return doc.article;
  const m = /^readAlso\[(\d+)\]$/.exec(block);
  return m ? (doc.readAlso[Number(m[1])] ?? null) : null;
}

/** Lines split as the SPEC says; returns trimmed texts by 1-based number. */
export function nonBlankLines(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const parts = text.split(/\r\n|\r|\n/);
  if (parts.length > 0 && parts[parts.length - 1] === "") parts.pop();
  parts.forEach((p, i) => {
    // Invisible-only lines (zero-width and bidi marks, tatweel, lone diacritics) are blank to a reader.
    const visible = p.replace(/[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640\u064b-\u065f\u0670\u06d6-\u06ed\u00ad]/gu, "");
    if (visible !== "") out.set(i + 1, p.trim());
  });
  return out;
}

// Bidi and zero-width marks at a line's edges are trimmed along with spaces (SPEC: output text is trimmed).
const EDGES = /^[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+|[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]+$/gu;
const fold = (s: string) => s.replace(EDGES, "").replace(/\s+/gu, " ");

/**
 * The values of one field that lines have claimed: each value is given by one line (or one group of lines a text
 * browser cut), so a second line that "finds" its text in an already claimed value is lost, not accounted for.
 */
const CLOSERS = ` )]»"”’'›.`;

/** The match form of what stands before or after a value, its decoration and separators taken off. */
function bareForm(s: string): string {
  return matchForm(s.replace(DECORATION, " ")).trim();
}
const DECORATION = /[\s:：/|\-–—….»«()[\]•·◦▪■●▫□○►▶✓✔*>›←↓⬅⬇⤵\ufe0f\u{1f447}-\u{1f449}\u{1f53b}\u{1f3fb}-\u{1f3ff}"“”'‘’]+/gu;
/** Bidi and zero-width marks, tatweel: nothing to a reader, nor between a list number and its value. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u0640]/gu;
/** A list number with its punctuation at the end of a value's lead: `1-`, `١)`, `٢٫`, `(3)`. */
const LIST_NUMBER_AT_END = /(?:^|\s)(?:[0-9\u0660-\u0669\u06f0-\u06f9]{1,3}\s*[-.)\u066b]|\([0-9\u0660-\u0669]{1,3}\))\s*$/u;
const MARKER_FORMS = (kind: keyof typeof BUILTIN_MARKERS) => BUILTIN_MARKERS[kind].map((m) => matchForm(m));
const MARKERS_BY_LABEL: Record<string, string[]> = {
  "read-more": [...MARKER_FORMS("readAlso"), ...MARKER_FORMS("readMore")],
  source: MARKER_FORMS("source"),
  tags: MARKER_FORMS("tags"),
};
const TRAILING = new Set(MARKER_FORMS("readMoreTrailing"));

class Claims {
  private readonly taken = new Map<readonly string[], Set<number>>();
  /** Claims the first unclaimed value of `values` that `fits`; false when none does. */
  claim(values: readonly string[], fits: (v: string) => boolean): boolean {
    let taken = this.taken.get(values);
    if (!taken) this.taken.set(values, (taken = new Set()));
    for (let k = 0; k < values.length; k++) {
      if (taken.has(k)) continue;
      const v = fold(values[k]!);
      if (v !== "" && fits(v)) {
        taken.add(k);
        return true;
      }
    }
    return false;
  }
}

/**
 * Problems found; empty when every line is accounted for once and where its label says. A line and the
 * `wrap-continuation` lines right after it with its label are one group (a line a text browser cut): the group's
 * text, joined by single spaces, must give the value — the whole paragraph or title, or hold the whole read-more,
 * source, tags text or related headline after its marker or bullet — and each value is claimed by one group only.
 */
export function lossProblems(doc: KhabarDocument, text: string): string[] {
  const problems: string[] = [];
  if (!doc.lines) return ["document has no lines[] (parse with explain)"];
  const expected = nonBlankLines(text);
  const seen = new Set<number>();
  const claims = new Claims();
  const entries = doc.lines;
  for (let g = 0; g < entries.length; ) {
    const e = entries[g]!;
    // The group: e and the continuations of its label right after it.
    let end = g + 1;
    while (end < entries.length && entries[end]!.rule === "wrap-continuation" && entries[end]!.label === e.label && e.rule !== "wrap-continuation") end++;
    const texts: string[] = [];
    for (let k = g; k < end; k++) {
      const n = entries[k]!.n;
      if (seen.has(n)) problems.push(`line ${n} accounted for twice`);
      seen.add(n);
      const raw = expected.get(n);
      if (raw === undefined) problems.push(`line ${n} is blank or out of range but labelled ${entries[k]!.label}`);
      else texts.push(fold(raw));
    }
    g = end;
    if (texts.length === 0) continue;
    const line = texts.join(" ");
    // The value is the whole line after a marker of its kind or a bullet (closing brackets, quotes and stops
    // aside), or, for a read-more, the whole teaser before a trailing marker: nothing of the text is missing.
    const markers = MARKERS_BY_LABEL[e.label] ?? [];
    const after = (v: string) => {
      if (e.label === "read-more" && line.startsWith(v) && TRAILING.has(bareForm(line.slice(v.length)))) return true;
      for (let end = line.length; ; end--) {
        const head = line.slice(0, end).trimEnd();
        if (head.endsWith(v)) {
          // A list number after the marker or alone is a bullet, taken off the value too (`للمزيد ١) …`): with its
          // punctuation only (`5 أطعمة …` that lost its 5 is a value cut short).
          const lead = bareForm(head.slice(0, head.length - v.length).replace(INVISIBLE, "").replace(LIST_NUMBER_AT_END, ""));
          if (lead === "" || markers.includes(lead)) return true;
        }
        if (end === 0 || !CLOSERS.includes(line[end - 1]!)) return false;
      }
    };
    const art = articleOf(doc, e.block);
    let ok: boolean;
    switch (e.label) {
      case "paragraph":
        ok = art !== null && claims.claim(art.paragraphs, (v) => v === line);
        break;
      case "title":
        ok = art?.title != null && fold(art.title) === line;
        break;
      case "byline":
        ok = art?.byline != null && line.includes(fold(art.byline));
        break;
      case "published":
        ok = art?.published != null;
        break;
      case "read-more":
      case "read-also-link":
        ok = art !== null && claims.claim(art.readMore, after);
        break;
      case "source":
        ok = art !== null && claims.claim(art.sources, after);
        break;
      case "tags":
      case "tag":
        ok = art !== null && art.tagsText !== null && claims.claim(art.tagsText.split("\n"), after);
        break;
      case "related-item":
        ok = claims.claim(doc.related, after);
        break;
      case "tweet-text":
        ok = art !== null && art.tweets.some((t) => line.split(/\s+/u).every((w) => t.text.includes(w) || t.urls.some((u) => u.includes(w))));
        break;
      case "tweet-attribution":
        ok = art !== null && art.tweets.some((t) => t.handle !== null && line.includes(t.handle));
        break;
      case "tweet-url":
        ok = art !== null && art.tweets.some((t) => t.urls.includes(line));
        break;
      case "dropped":
        ok = doc.dropped.some((d) => d.line === e.n && fold(d.text) === line);
        break;
      default:
        ok = MARKER_LABELS.has(e.label);
    }
    if (!ok) problems.push(`line ${e.n} labelled ${e.label} (${e.rule}) in ${e.block} is not found there: ${line.slice(0, 60)}`);
  }
  for (const n of expected.keys()) if (!seen.has(n)) problems.push(`line ${n} is lost: ${expected.get(n)!.slice(0, 60)}`);
  // Every tag comes from its article's tags text (a hashtag's # aside).
  for (const art of [doc.article, ...doc.readAlso]) {
    const raw = fold(art.tagsText ?? "");
    for (const tag of art.tags) if (!raw.includes(fold(tag))) problems.push(`tag "${tag}" is not in its tagsText`);
  }
  return problems;
}
