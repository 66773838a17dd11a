/**
 * Which marker a line carries, if any — shared by the marker classifiers and by the rules that must stop at a
 * marker (tweet text, title look-ahead, list regions). Pure and cheap: one look-up per marker table.
 */
import { afterMarkerUnits, leadLength, markerFirstWord, trailingMarker, type CompiledMarkers, type MarkerMatch, type MarkerTable } from "../markers.js";
import { endsSentence, endsWithStop, type Line } from "../text/lines.js";
import { textAfter } from "../text/slice.js";

export type MarkerLineKind = "read-also" | "related" | "source" | "tags" | "read-more" | "read-more-alone" | null;

/** A headline has letters: "اقرأ أيضاً ✨" points at a link the dump lost, it names no headline. */
const HAS_LETTER = /\p{L}/u;

/** Longest read-more headline: longer text after a marker is a sentence that happens to start with one. */
export const MAX_READ_MORE_WORDS = 30;

/** Which marker `line` carries (cached on the line: rules ask about the same line many times). */
export function markerLineKind(m: CompiledMarkers, line: Line): MarkerLineKind {
  if (line.markerKind === undefined) line.markerKind = computeKind(m, line);
  return line.markerKind as MarkerLineKind;
}

/**
 * The leading marker's match of `line` in the first of `tables` that has one (null: none, or a trailing read-more
 * marker), for the rule that takes the line. The match that decided the line's kind is reused when it is the one
 * the rule would make (its own decoration and first word, `MarkerTable.match`'s defaults); the kind is decided
 * with other ones when the first word is all decoration (`** للمزيد: …`), and then the line is matched again.
 */
export function markerMatch(m: CompiledMarkers, line: Line, ...tables: MarkerTable[]): MarkerMatch | null {
  markerLineKind(m, line);
  if (line.markerMatch !== undefined) return line.markerMatch;
  for (const table of tables) {
    const match = table.match(line.mf);
    if (match !== null) return match;
  }
  return null;
}

/** `kind`, with the match it was decided on kept on the line when it is the one the rule would make (markerMatch). */
function decide(line: Line, kind: MarkerLineKind, match: MarkerMatch | null, sameAsRule: boolean): MarkerLineKind {
  if (sameAsRule) line.markerMatch = match;
  return kind;
}

function computeKind(m: CompiledMarkers, line: Line): MarkerLineKind {
  if (line.words === 0) return null;
  // "• اقرأ أيضاً: …", "(اقرأ أيضاً)": the marker's first word comes after the decoration.
  const decorated = leadLength(line.first) > 0 || line.first.length === 1;
  const lead = decorated ? leadLength(line.mf) : 0;
  const first = decorated ? markerFirstWord(line.mf, lead) : line.first;
  if (!m.firstWords.has(first)) {
    return line.words <= MAX_READ_MORE_WORDS + 4 && trailingMarker(m.readMoreTrailing, line.mf) > 0 ? "read-more" : null;
  }
  const mf = line.mf;
  // The rule that takes the line matches with the defaults: a decorated line's lead and first word are those.
  const same = decorated || (leadLength(mf) === 0 && markerFirstWord(mf, 0) === first);
  // Each table is matched once: "alone" is a match that takes the whole line.
  const ra = m.readAlso.match(mf, lead, first);
  if (ra !== null && ra.rest === mf.length) return decide(line, "read-also", ra, same);
  const rel = m.related.match(mf, lead, first);
  if (rel !== null && rel.rest === mf.length) return decide(line, "related", rel, same);
  const src = m.source.match(mf, lead, first);
  if (src && (src.sep === ":" || src.sep === "/") && src.rest < mf.length) return decide(line, "source", src, same);
  const tags = m.tags.match(mf, lead, first);
  // Without a colon, "الوسوم …" still opens a tags line unless the line reads as a sentence.
  if (tags && (tags.sep !== "" || tags.rest === mf.length || !endsWithStop(mf))) return decide(line, "tags", tags, same);
  const more = m.readMore.match(mf, lead, first);
  if (more !== null && more.rest === mf.length) return decide(line, "read-more-alone", more, same);
  // "للمزيد من التفاصيل اتصل بالرقم…." is a sentence: without a colon the headline must not end like one.
  const rm = ra ?? more;
  if (rm && rm.rest < mf.length && line.words <= MAX_READ_MORE_WORDS && HAS_LETTER.test(mf.slice(rm.rest)) && (rm.sep !== "" || !endsSentence(mf))) {
    return decide(line, "read-more", rm, same);
  }
  // A trailing marker's line keeps the leading match, if any (read-more takes its headline from it first).
  if (trailingMarker(m.readMoreTrailing, mf) > 0 && line.words <= MAX_READ_MORE_WORDS + 4) return decide(line, "read-more", rm, same);
  return null;
}

/**
 * The original text after a marker's match: past the separators and decoration that follow the marker
 * (`اقرأ أيضاً.. `, `للمزيد 👈 `, `: » `). When the decoration is glued to the value (`اقرأ أيضاً..خبر`: no word
 * boundary to cut at), the cut is after the marker's words and the decoration is taken off the value's start.
 */
export function markerValue(line: Line, m: MarkerMatch): string | null {
  if (m.rest > m.end) {
    const past = textAfter(line.text, line.mf.slice(0, m.rest).trimEnd());
    if (past !== null) return past;
  }
  const value = textAfter(line.text, line.mf.slice(0, m.end));
  if (value === null) return null;
  // Only dots and arrows: a quote (`»الأهرام«`), a minus sign or a bracket glued to the value is the value's.
  let k = 0;
  for (let n = afterMarkerUnits(value, 0); n > 0 && !KEPT_GLUED.includes(value[k]!); n = afterMarkerUnits(value, k)) k += n;
  return k === 0 ? value : value.slice(k).trimStart();
}

const KEPT_GLUED = "»)]-–—|:/";
