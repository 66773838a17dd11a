/**
 * Marks: how a record stream's decoder tells each record where its NUL bytes were, so the record that held
 * them (and only that one) reports them on its own line numbers, as the same dump in a text file would. A
 * stream is decoded before it is cut into records (JSONL lines, JSON elements, CSV rows, `--split-on` dumps),
 * so line numbers and counts over the stream mean nothing to a record; a mark travels inside the text instead,
 * through the record readers and JSON.parse or csv-parse, which keep every character of a string value, and
 * across postMessage at no cost. The marks are Unicode noncharacters (reserved for a program's internal use); one
 * the input itself holds is written after MARK_ESCAPE, so every mark is the decoder's.
 */

/** The character after it is the input's own. */
export const MARK_ESCAPE = "\uFDD0";
/** A NUL byte stood here. */
export const MARK_NUL = "\uFDD1";

/** The first and last mark character: the decoder escapes any of this range the input holds. */
export const FIRST_MARK = 0xfdd0;
export const LAST_MARK = 0xfdd1;

const ANY_MARK = /[\uFDD0\uFDD1]/u;
const MARK_OR_ESCAPED = /\uFDD0([\s\S])|\uFDD1/gu;

export function hasMarks(text: string): boolean {
  return ANY_MARK.test(text);
}

/** The text as a plain decode gives it (NULs deleted), for what is not a dump: an id, a separator line, a column name. */
export function unmark(text: string): string {
  return hasMarks(text) ? text.replace(MARK_OR_ESCAPED, (_, own: string | undefined) => own ?? "") : text;
}

/** A dump with its NULs put back, so that parsing deletes and reports them on their lines, as for a text file. */
export function unmarkDump(text: string): string {
  return hasMarks(text) ? text.replace(MARK_OR_ESCAPED, (_, own: string | undefined) => own ?? "\0") : text;
}

/**
 * A JSON record read for JSON.parse: a mark between tokens resolved as a plain decode would (a NUL deleted), and
 * a JSON escape of a mark character (`\ufdd1`) put after MARK_ESCAPE, so that every mark in a parsed string value
 * is one the decoder made. Marks inside strings stay for the record's dump.
 */
export function markedJson(json: string): string {
  let out = "";
  let from = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x22) inString = false;
      else if (c === 0x5c) {
        if (json.charCodeAt(i + 1) === 0x75 && isMarkCode(parseInt(json.slice(i + 2, i + 6), 16))) {
          out += `${json.slice(from, i)}\\ufdd0`;
          from = i;
        }
        i++;
      }
    } else if (c === 0x22) inString = true;
    else if (isMarkCode(c)) {
      // An escaped mark character is kept (it is the input's, and JSON.parse will refuse it as it refused it before).
      out += json.slice(from, i);
      from = c === FIRST_MARK ? ++i : i + 1;
    }
  }
  return out === "" && from === 0 ? json : out + json.slice(from);
}

function isMarkCode(c: number): boolean {
  return c >= FIRST_MARK && c <= LAST_MARK;
}
