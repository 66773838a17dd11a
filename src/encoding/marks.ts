/**
 * Marks: how a record stream's decoder tells each record where its NUL bytes and invalid bytes were, so the record
 * that held them (and only that one) reports them on its own line numbers, as the same dump in a text file would. A
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
/**
 * Invalid bytes decoded to U+FFFD here (one a broken sequence). Not U+FFFD itself: the input may hold that, encoded
 * (EF BF BD) or as a JSON escape, and neither is an invalid byte.
 */
export const MARK_INVALID = "\uFDD2";

/** The first and last mark character: the decoder escapes any of this range the input holds. */
export const FIRST_MARK = 0xfdd0;
export const LAST_MARK = 0xfdd2;
const NUL_CODE = 0xfdd1;
const INVALID_CODE = 0xfdd2;

const ANY_MARK = /[\uFDD0-\uFDD2]/u;
const MARK_OR_ESCAPED = /\uFDD0([\s\S])|[\uFDD1\uFDD2]/gu;

export function hasMarks(text: string): boolean {
  return ANY_MARK.test(text);
}

/** Only NUL marks: what a plain decode reads as nothing at all (a line of NUL padding). */
export function onlyNulMarks(text: string): boolean {
  return ONLY_NUL_MARKS.test(text);
}

const ONLY_NUL_MARKS = /^\uFDD1+$/u;

/**
 * The text as a plain decode gives it (NULs deleted, invalid bytes as U+FFFD), for what is not a dump: an id, a
 * separator line, a column name, an error message.
 */
export function unmark(text: string): string {
  return hasMarks(text) ? text.replace(MARK_OR_ESCAPED, (mark, own: string | undefined) => own ?? (mark === MARK_NUL ? "" : "\uFFFD")) : text;
}

export interface UnmarkedDump {
  /** The dump, its NULs put back (parsing deletes and reports them, as for a text file), invalid bytes as U+FFFD. */
  text: string;
  /** [line, how many] where invalid bytes were replaced, lines 1-based and ascending, as decodeBuffer counts them. */
  invalid: [number, number][];
}

export function unmarkDump(text: string): UnmarkedDump {
  const invalid: [number, number][] = [];
  if (!hasMarks(text)) return { text, invalid };
  let out = "";
  let from = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Lines as splitLines cuts them (`\r\n`, `\r`, `\n`), with the NULs still in, as decodeBuffer counts.
    if (c === 0x0d || (c === 0x0a && text.charCodeAt(i - 1) !== 0x0d)) line++;
    else if (c === FIRST_MARK) {
      out += text.slice(from, i);
      from = ++i;
    } else if (c === NUL_CODE || c === INVALID_CODE) {
      out += text.slice(from, i) + (c === NUL_CODE ? "\0" : "\uFFFD");
      from = i + 1;
      if (c === NUL_CODE) continue;
      const last = invalid[invalid.length - 1];
      if (last && last[0] === line) last[1]++;
      else invalid.push([line, 1]);
    }
  }
  return { text: out + text.slice(from), invalid };
}

/** `json` holds a mark or a JSON escape of a mark character: only then must markedJson read it. */
export function needsMarkedJson(json: string): boolean {
  return MARK_OR_ESCAPE_IN_JSON.test(json);
}

const MARK_OR_ESCAPE_IN_JSON = /[\uFDD0-\uFDD2]|\\u[fF][dD][dD][0-2]/u;

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
      // As a plain decode reads it: an escaped mark character and U+FFFD for invalid bytes are kept, and JSON.parse
      // refuses them as it did before; a NUL is deleted.
      out += json.slice(from, i) + (c === INVALID_CODE ? "\uFFFD" : "");
      from = c === FIRST_MARK ? ++i : i + 1;
    }
  }
  return out === "" && from === 0 ? json : out + json.slice(from);
}

function isMarkCode(c: number): boolean {
  return c >= FIRST_MARK && c <= LAST_MARK;
}
