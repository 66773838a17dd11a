/** Character classes the encoding heuristics count, on UTF-16 code units (every class here is in the BMP). */

/** Arabic-script letters: Arabic, and the Persian/Urdu extensions (پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ ہ …). */
export function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0620 && c <= 0x063f) ||
    (c >= 0x0641 && c <= 0x064a) ||
    c === 0x066e ||
    c === 0x066f ||
    (c >= 0x0671 && c <= 0x06d3) ||
    c === 0x06d5 ||
    c === 0x06ee ||
    c === 0x06ef ||
    (c >= 0x06fa && c <= 0x06fc) ||
    c === 0x06ff
  );
}

/** Harakat, superscript alef, Quranic marks, tatweel: they ride on letters, never stand alone. */
export function isArabicMark(c: number): boolean {
  return c === 0x0640 || (c >= 0x064b && c <= 0x065f) || c === 0x0670 || (c >= 0x06d6 && c <= 0x06ed);
}

/** Arabic comma, semicolon, question mark, and the Arabic-Indic / Persian digits. */
export function isArabicPunctOrDigit(c: number): boolean {
  return c === 0x060c || c === 0x061b || c === 0x061f || (c >= 0x0660 && c <= 0x066d) || (c >= 0x06f0 && c <= 0x06f9);
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** À–ÿ without × and ÷: the letters a Latin-1 / Windows-1252 reader shows for high bytes. */
export function isLatin1Letter(c: number): boolean {
  return c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7;
}

/** Control characters no dump holds on purpose: C0 except tab, LF, FF, CR (NUL is counted apart), DEL, C1. */
export function isStrayControl(c: number): boolean {
  return (c < 0x20 && c !== 0 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}
