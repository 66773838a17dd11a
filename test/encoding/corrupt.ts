/**
 * Test helpers that make broken text the way the world does, with iconv-lite — independently of the code
 * under test, so a repair is checked against text nobody derived from the repairer.
 */
import iconv from "iconv-lite";

export const utf8 = (text: string): Buffer => Buffer.from(text, "utf8");

/** Bytes read as Windows-1252 the way browsers do: the five undefined bytes become C1 controls. */
export function readAsWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (const b of bytes) {
    const c = iconv.decode(Buffer.from([b]), "windows-1252");
    out += c === "\uFFFD" ? String.fromCharCode(b) : c;
  }
  return out;
}

/** `ط§ظ„`: UTF-8 read as Windows-1256. */
export const asCp1256Mojibake = (text: string): string => iconv.decode(utf8(text), "windows-1256");
/** `Ø§Ù„`: UTF-8 read as Windows-1252 by a browser. */
export const asLatin1Mojibake = (text: string): string => readAsWindows1252(utf8(text));
/** `Ø§Ù„` with C1 controls: UTF-8 read as ISO-8859-1. */
export const asIsoLatin1Mojibake = (text: string): string => iconv.decode(utf8(text), "latin1");
/** UTF-8 read as Windows-1252 by iconv-lite / Python `errors="replace"`: undefined bytes become U+FFFD. */
export const asLossy1252Mojibake = (text: string): string => iconv.decode(utf8(text), "windows-1252");
/** `ÇáãÕÏÑ`: Windows-1256 bytes read as Windows-1252. */
export const asLegacyCp1256 = (text: string): string => readAsWindows1252(iconv.encode(text, "windows-1256"));

/** Arabic news prose, every character held by Windows-1256 and ISO-8859-6 alike. */
export const PROSE = [
  "قال وزير الخارجية إن المحادثات التي جرت في العاصمة كانت بناءة، وإن الجانبين اتفقا على مواصلة الحوار.",
  "وأشار إلى أن الحكومة ستعلن عن حزمة من الإجراءات الاقتصادية خلال الأسبوع المقبل.",
  "وتأتي هذه الخطوة بعد أشهر من التوتر بين البلدين على خلفية النزاع الحدودي.",
];

/** Deterministic pseudo-random bytes (a linear congruential generator), for binary-looking data. */
export function noise(length: number, seed = 1): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}
