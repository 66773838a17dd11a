/**
 * A streaming splitter for a JSON array of records: it finds where each top-level element begins and
 * ends (tracking strings, escapes and nesting) and yields the element's source text, so a file of any
 * size is never held whole. Each element is then parsed on its own with JSON.parse, and a malformed
 * element becomes one error record while its neighbours still parse.
 */

import { MARK_NUL } from "../encoding/marks.js";
import { MAX_RECORD_UNITS, type Overlong, RecordPieces } from "./lines.js";

export class JsonStructureError extends Error {}

// A NUL between elements (a record stream's mark for it, encoding/marks.ts) is deleted, as before: white space here.
const WS = new Set([0x20, 0x09, 0x0a, 0x0d, 0xfeff, MARK_NUL.charCodeAt(0)]);

/**
 * Each element's source text, trimmed; an element past `maxUnits` (MAX_RECORD_UNITS) is not kept: it comes as
 * an Overlong, read past in flat memory, and the elements after it as usual.
 */
export async function* jsonArrayElements(chunks: AsyncIterable<string>, maxUnits = MAX_RECORD_UNITS): AsyncGenerator<string | Overlong> {
  // before: waiting for `[`; value: waiting for an element or `]`; inside: in an element (up to its `,` or `]`).
  let phase = "before" as "before" | "value" | "inside" | "done";
  let depth = 0;
  let inString = false;
  let escaped = false;
  const pieces = new RecordPieces(maxUnits);
  const element = (): string | Overlong => {
    const out = pieces.take();
    return typeof out === "string" ? out.trim() : out;
  };
  let afterComma = false;
  let position = 0;

  for await (const chunk of chunks) {
    let elementStart = phase === "inside" ? 0 : -1;
    for (let i = 0; i < chunk.length; i++, position++) {
      const c = chunk.charCodeAt(i);
      if (phase === "inside") {
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 0x5c) escaped = true;
          else if (c === 0x22) inString = false;
          continue;
        }
        if (c === 0x22) inString = true;
        else if (c === 0x7b || c === 0x5b) depth++;
        else if ((c === 0x7d || c === 0x5d) && depth > 0) depth--;
        else if (depth === 0 && (c === 0x2c || c === 0x5d)) {
          pieces.add(chunk.slice(elementStart, i));
          yield element();
          elementStart = -1;
          phase = c === 0x2c ? "value" : "done";
          afterComma = c === 0x2c;
        }
        continue;
      }
      if (WS.has(c)) continue;
      if (phase === "before") {
        if (c !== 0x5b) throw new JsonStructureError(`expected a JSON array of records, found ${JSON.stringify(chunk[i])} at character ${position + 1}`);
        phase = "value";
        afterComma = false;
      } else if (phase === "value") {
        if (c === 0x5d && !afterComma) {
          phase = "done";
          continue;
        }
        phase = "inside";
        elementStart = i;
        depth = 0;
        i--; // read this character again as the element's first
        position--;
      } else {
        throw new JsonStructureError(`unexpected text after the array at character ${position + 1}`);
      }
    }
    if (phase === "inside" && elementStart >= 0) pieces.add(chunk.slice(elementStart));
  }
  // A truncated file: the last element may still be whole; give it its record before failing.
  if (phase === "inside") {
    const last = element();
    if (last) yield last;
  }
  if (phase !== "done") throw new JsonStructureError(phase === "before" ? "empty file: expected a JSON array of records" : "the JSON array is not closed (truncated file?)");
}
