/** Decoding bytes to text and repairing messy text (SPEC §2 repairs, §3 encodings). STUB: the encoding work replaces this. */
import type { Warning } from "../types.js";

export interface Decoded {
  text: string;
  /** The encoding the bytes were decoded with, as `input.encoding` shows it (`utf-8`, `windows-1256`, …). */
  encoding: string;
  /** Repairs done while decoding, SPEC names: `bom`, `nul`, `invalid-bytes`. */
  repairs: string[];
  warnings: Warning[];
}

export interface Repaired {
  text: string;
  /** SPEC names: `mojibake-cp1256`, `mojibake-latin1`, `legacy-cp1256`, `html-entities`, `presentation-forms`, `nul`. */
  repairs: string[];
  warnings: Warning[];
}

export function isKnownEncoding(name: string): boolean {
  return name === "auto" || name === "utf-8" || name === "utf8";
}

export function decodeBuffer(bytes: Uint8Array, encoding = "auto"): Decoded {
  void encoding;
  let b = bytes;
  const repairs: string[] = [];
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    b = b.subarray(3);
    repairs.push("bom");
  }
  return { text: new TextDecoder("utf-8").decode(b), encoding: "utf-8", repairs, warnings: [] };
}

/** Text-level repairs, for text however it arrived (bytes or a string given to `parse`). */
export function repairText(text: string): Repaired {
  return { text, repairs: [], warnings: [] };
}
