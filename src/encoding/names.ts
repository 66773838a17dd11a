/** Encoding names: which ones we accept, and the one spelling `input.encoding` shows. */
import { iconv } from "./iconv.js";

/** The spellings `input.encoding` uses for the encodings auto-detection can pick, by iconv-lite's squashed key. */
const CANONICAL: Record<string, string> = {
  utf8: "utf-8",
  unicode11utf8: "utf-8",
  utf16le: "utf-16le",
  ucs2: "utf-16le",
  utf16be: "utf-16be",
  utf16: "utf-16",
  windows1256: "windows-1256",
  win1256: "windows-1256",
  cp1256: "windows-1256",
  "1256": "windows-1256",
  iso88596: "iso-8859-6",
  iso885961987: "iso-8859-6",
  arabic: "iso-8859-6",
  asmo708: "iso-8859-6",
  windows1252: "windows-1252",
  cp1252: "windows-1252",
  latin1: "iso-8859-1",
  iso88591: "iso-8859-1",
};

/** iconv-lite's own key for a name: lower case, only letters and digits (so `UTF_8`, `utf-8`, `Utf8` are one). */
function squash(name: string): string {
  return name.toLowerCase().replace(/[^0-9a-z]/g, "");
}

/** True for `auto` and for any name iconv-lite can decode. */
export function isKnownEncoding(name: string): boolean {
  if (typeof name !== "string" || name.length === 0 || name.length > 64) return false;
  if (name.toLowerCase() === "auto") return true;
  // iconv-lite looks names up in a plain object: keep prototype keys (`constructor`, `__proto__`) out.
  if (Object.prototype.hasOwnProperty.call(Object.prototype, squash(name))) return false;
  try {
    return iconv().encodingExists(name);
  } catch {
    return false;
  }
}

/** The name shown in `input.encoding`: lower case, canonical for the common ones, else as given (lower-cased). */
export function canonicalEncodingName(name: string): string {
  const key = squash(name);
  if (key === "auto") return "auto";
  return CANONICAL[key] ?? name.trim().toLowerCase();
}

/** A few valid names to show in a usage error. */
export function suggestEncodings(): string[] {
  return ["auto", "utf-8", "utf-16le", "utf-16be", "windows-1256", "iso-8859-6"];
}
