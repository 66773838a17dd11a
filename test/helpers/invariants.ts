/**
 * The no-loss invariant (SPEC §2): every non-blank input line ends up in exactly one place — a field, a
 * marker the structure stands for, or dropped — and --explain names that place. Checked independently of
 * the classifiers: the line's text must really be found where its label says it went.
 */
import type { Article, KhabarDocument } from "../../src/types.js";

const MARKER_LABELS = new Set(["read-also-marker", "related-marker", "tags-marker", "read-more-marker"]);

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
 * `line` gave `value` (both folded): the value is in the line (a marker or bullet before it), or the line in the
 * value (the rest of a line a text browser cut, joined to it), or the line's second half opens the value (the
 * first line of a cut headline or tags line, after its marker).
 */
function gave(line: string, value: string): boolean {
  if (value === "") return false;
  if (line.includes(value) || value.includes(line)) return true;
  for (let k = line.indexOf(" "); k >= 0 && k <= line.length / 2; k = line.indexOf(" ", k + 1)) {
    if (value.startsWith(line.slice(k + 1))) return true;
  }
  return false;
}

/** Problems found; empty when every line is accounted for once and where its label says. */
export function lossProblems(doc: KhabarDocument, text: string): string[] {
  const problems: string[] = [];
  if (!doc.lines) return ["document has no lines[] (parse with explain)"];
  const expected = nonBlankLines(text);
  const seen = new Set<number>();
  for (const e of doc.lines) {
    if (seen.has(e.n)) problems.push(`line ${e.n} accounted for twice`);
    seen.add(e.n);
    const raw = expected.get(e.n);
    if (raw === undefined) {
      problems.push(`line ${e.n} is blank or out of range but labelled ${e.label}`);
      continue;
    }
    const line = fold(raw);
    const art = articleOf(doc, e.block);
    const inArt = (pick: (a: Article) => string[]) => (art ? pick(art).some((v) => gave(line, fold(v))) : false);
    let ok = true;
    switch (e.label) {
      case "paragraph":
        ok = inArt((a) => a.paragraphs);
        break;
      case "title": {
        // A headline the text browser cut: its first line opens the title, the rest is in it.
        const t = art?.title == null ? null : fold(art.title);
        ok = t !== null && (t === line || t.startsWith(`${line} `) || (e.rule === "wrap-continuation" && t.includes(line)));
        break;
      }
      case "byline":
        ok = inArt((a) => (a.byline ? [a.byline] : []));
        break;
      case "published":
        ok = art?.published != null;
        break;
      case "read-more":
      case "read-also-link":
        ok = inArt((a) => a.readMore);
        break;
      case "source":
        ok = inArt((a) => a.sources);
        break;
      case "tags":
      case "tag":
        ok = art !== null && art.tagsText !== null && art.tagsText.split("\n").some((t) => gave(line, fold(t)));
        break;
      case "related-item":
        ok = doc.related.some((r) => gave(line, fold(r)));
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
  return problems;
}
