/** Shapes of lines that several rules share, with their thresholds named once. */
import { endsLikeHeadline, endsSentence, endsWithStop, lineBullet, type Line } from "../text/lines.js";

/** Longest title: Arabic news headlines run 6–15 words; 20 leaves room for long wire headlines. */
export const MAX_TITLE_WORDS = 20;
/** Longest related/read-also headline in a list: longer lines are prose that ends the list. */
export const MAX_HEADLINE_WORDS = 40;
/** A headline in a list may end with a full stop only when short; a long stopped line is a sentence. */
export const MAX_STOPPED_HEADLINE_WORDS = 12;

/** Longest dateline line: `سكاي نيوز عربية - أبوظبي`, `عمان - الغد`. */
const MAX_DATELINE_WORDS = 6;

/**
 * A dateline on a line of its own: a place and an outlet (or an outlet and a place) set apart by a spaced dash,
 * short, no sentence end. It is no prose: the byline or date under it is still read near the top.
 */
export function isDatelineLabel(line: Line): boolean {
  if (line.words > MAX_DATELINE_WORDS || endsSentence(line.text)) return false;
  const t = line.text;
  return t.includes(" - ") || t.includes(" – ") || t.includes(" — ");
}

/** A short line that does not end a sentence: a title, subheading or list headline. */
export function isTitleShaped(line: Line): boolean {
  return line.words > 0 && line.words <= MAX_TITLE_WORDS && !endsSentence(line.text) && lineBullet(line) === 0;
}

/**
 * A headline line in a list of read-also links without bullets: title-shaped, or ending in `؟` `!` or `…` as
 * a linked headline may ("هل يتجه البنك إلى خفض الفائدة؟"). A title never ends so (SPEC), a link may.
 */
export function isLinkShaped(line: Line): boolean {
  return line.words > 0 && line.words <= MAX_TITLE_WORDS && lineBullet(line) === 0 && (!endsSentence(line.text) || endsLikeHeadline(line.text));
}

/** A line that can stand in a headline list (related, read-also links). */
export function isListHeadline(line: Line): boolean {
  if (line.words === 0) return false;
  if (lineBullet(line) > 0) return line.words <= MAX_HEADLINE_WORDS * 2;
  if (line.words > MAX_HEADLINE_WORDS) return false;
  return !(endsWithStop(line.text) && line.words > MAX_STOPPED_HEADLINE_WORDS);
}
