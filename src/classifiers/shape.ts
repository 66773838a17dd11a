/** Shapes of lines that several rules share, with their thresholds named once. */
import { endsLikeHeadline, endsSentence, endsWithStop, lineBullet, type Line } from "../text/lines.js";

/** Longest title: Arabic news headlines run 6–15 words; 20 leaves room for long wire headlines. */
export const MAX_TITLE_WORDS = 20;
/** Longest related/read-also headline in a list: longer lines are prose that ends the list. */
export const MAX_HEADLINE_WORDS = 40;
/** A headline in a list may end with a full stop only when short; a long stopped line is a sentence. */
export const MAX_STOPPED_HEADLINE_WORDS = 12;

/** Longest short label line: a dateline (`سكاي نيوز عربية - أبوظبي`), an author's name, a section's name. */
export const MAX_LABEL_WORDS = 6;

/** A label rather than prose: at most MAX_LABEL_WORDS words and no sentence end. */
export function isShortLabel(line: Line): boolean {
  return line.words <= MAX_LABEL_WORDS && !endsSentence(line.text);
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
