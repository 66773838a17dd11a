/**
 * How much a decoded text looks like Arabic prose: the yardstick auto-detection uses to pick between
 * readings of the same bytes (UTF-8 with replacement characters, Windows-1256, ISO-8859-6, UTF-16).
 */
import { isArabicLetter, isArabicMark, isLatin1Letter, isStrayControl } from "./chars.js";
import { encodeCp1256 } from "./codepages.js";

/**
 * Function words of news prose. A wrong code page still yields Arabic letters (Windows-1256 and ISO-8859-6
 * share 0xC1–0xDA), but it garbles the words; these are frequent enough to show up in any paragraph.
 */
const COMMON_WORDS = new Set([
  "في", "من", "على", "إلى", "الى", "أن", "ان", "إن", "التي", "الذي", "عن", "مع", "هذا", "هذه", "كان",
  "قد", "لا", "ما", "بعد", "بين", "كما", "ذلك", "أو", "او", "حيث", "قال", "خلال", "منذ", "حتى", "لم",
  "لن", "كل", "وفي", "ومن", "وقال", "عند", "غير", "ثم", "أي", "هو", "هي",
]);

/** A common word is worth several letters: a wrong code page scrambles words even where letters survive. */
const COMMON_WORD_BONUS = 5;
/** A word starting with the article `ال` (Windows-1256 `C7 E1`; ISO-8859-6 reads those bytes as `اف`). */
const ARTICLE_BONUS = 2;
/** A replacement character, a control, a private-use character: signs the reading is wrong. */
const BROKEN_PENALTY = 5;
/**
 * UTF-8 Arabic read as Windows-1256 is still "Arabic letters": every letter becomes `ط` or `ظ` (lead bytes
 * D8, D9) and a continuation byte's character (`§ „ ® پ گ …`). Such a pair scores as a broken character.
 */
const PAIR_PENALTY = 3;
/** Latin letters and Latin-1 symbols (¢ ¤ § ¨ …) are what a wrong code page makes of Arabic. */
const ODD_PENALTY = 1;

function isOddSymbol(c: number): boolean {
  // « » ° · and NBSP are ordinary in Arabic news; the rest of 0xA1–0xBF is what misread bytes look like.
  return c >= 0xa1 && c <= 0xbf && c !== 0xab && c !== 0xbb && c !== 0xb0 && c !== 0xb7;
}

function isCp1256Continuation(c: number): boolean {
  if (!(c >= 0x80)) return false;
  const b = encodeCp1256(c);
  return b >= 0x80 && b <= 0xbf;
}

export function scoreArabicText(text: string): number {
  let score = 0;
  let wordStart = -1;
  const endWord = (end: number): void => {
    if (wordStart < 0) return;
    if (end - wordStart >= 2) {
      const word = text.slice(wordStart, end);
      if (COMMON_WORDS.has(word)) score += COMMON_WORD_BONUS;
      else if (end - wordStart >= 3 && word.startsWith("ال")) score += ARTICLE_BONUS;
    }
    wordStart = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0637 && c <= 0x063a && isCp1256Continuation(text.charCodeAt(i + 1))) {
      endWord(i);
      score -= PAIR_PENALTY;
      i++;
      continue;
    }
    if (isArabicLetter(c) || isArabicMark(c)) {
      if (wordStart < 0) wordStart = i;
      if (isArabicLetter(c)) score += 1;
      continue;
    }
    endWord(i);
    if (c === 0xfffd || isStrayControl(c) || (c >= 0xe000 && c <= 0xf8ff)) score -= BROKEN_PENALTY;
    else if (isLatin1Letter(c) || isOddSymbol(c)) score -= ODD_PENALTY;
  }
  endWord(text.length);
  return score;
}
