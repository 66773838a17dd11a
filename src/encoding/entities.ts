/**
 * HTML character references left in scraped text (`&#1575;`, `&#x627;`, `&amp;`, `&laquo;`). Numeric ones
 * are always decoded, named ones only from the table below and only with their `;` — so a bare `&` in prose
 * (`AT&T`, `أ & ب`, `R&D`) stays as written. One pass, as a browser does: `&amp;lt;` becomes `&lt;`.
 */
import { CP1252_C1 } from "./codepages.js";

/** HTML 4's Latin-1 entities, for U+00A0…U+00FF in order. */
const LATIN1_NAMES = (
  "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr " +
  "deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest " +
  "Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml " +
  "ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig " +
  "agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml " +
  "eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml"
).split(" ");

/** The other named references news sites emit: markup escapes, typography, bidi and joiner controls. */
const OTHER_NAMES: Record<string, number> = {
  quot: 0x22, QUOT: 0x22, amp: 0x26, AMP: 0x26, apos: 0x27, lt: 0x3c, LT: 0x3c, gt: 0x3e, GT: 0x3e,
  OElig: 0x152, oelig: 0x153, Scaron: 0x160, scaron: 0x161, Yuml: 0x178, fnof: 0x192, circ: 0x2c6, tilde: 0x2dc,
  ensp: 0x2002, emsp: 0x2003, thinsp: 0x2009, zwnj: 0x200c, zwj: 0x200d, lrm: 0x200e, rlm: 0x200f,
  ndash: 0x2013, mdash: 0x2014, lsquo: 0x2018, rsquo: 0x2019, sbquo: 0x201a, ldquo: 0x201c, rdquo: 0x201d,
  bdquo: 0x201e, dagger: 0x2020, Dagger: 0x2021, bull: 0x2022, hellip: 0x2026, permil: 0x2030, prime: 0x2032,
  Prime: 0x2033, lsaquo: 0x2039, rsaquo: 0x203a, oline: 0x203e, frasl: 0x2044, euro: 0x20ac, trade: 0x2122,
  larr: 0x2190, uarr: 0x2191, rarr: 0x2192, darr: 0x2193, harr: 0x2194, minus: 0x2212, lowast: 0x2217,
  COPY: 0xa9, REG: 0xae, period: 0x2e, comma: 0x2c, colon: 0x3a, semi: 0x3b,
  excl: 0x21, quest: 0x3f, num: 0x23, percnt: 0x25, lpar: 0x28, rpar: 0x29, sol: 0x2f, bsol: 0x5c,
  hyphen: 0x2010, dash: 0x2010, horbar: 0x2015, star: 0x2606, starf: 0x2605, check: 0x2713, hearts: 0x2665,
};

let named: Map<string, string> | null = null;

function namedEntities(): Map<string, string> {
  if (!named) {
    named = new Map(Object.entries(OTHER_NAMES).map(([name, code]) => [name, String.fromCharCode(code)]));
    LATIN1_NAMES.forEach((name, i) => named!.set(name, String.fromCharCode(0xa0 + i)));
  }
  return named;
}

/**
 * Numeric references: always decoded (`;` optional, as browsers do). Named: letters and digits then `;`.
 * Digit runs are unbounded but linear; the value is checked after.
 */
const REFERENCE = /&(?:#([0-9]+);?|#[xX]([0-9A-Fa-f]+);?|([A-Za-z][A-Za-z0-9]{1,31});)/g;

/** The HTML rules for a numeric reference: NUL, surrogates and out-of-range become U+FFFD; 0x80–0x9F mean Windows-1252. */
function fromCodePoint(digits: string, radix: number): string {
  // More than 8 significant digits is out of range whatever they are (and would lose precision).
  const trimmed = digits.replace(/^0+/, "");
  const value = trimmed.length > 8 ? Infinity : parseInt(trimmed || "0", radix);
  if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return "\uFFFD";
  if (value >= 0x80 && value <= 0x9f) return CP1252_C1[value - 0x80]!;
  return String.fromCodePoint(value);
}

/** Decodes the references in `line`; null when it holds none this decodes. */
export function decodeEntities(line: string): string | null {
  if (!line.includes("&")) return null;
  const table = namedEntities();
  let changed = false;
  const out = line.replace(REFERENCE, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    let decoded: string | undefined;
    if (dec !== undefined) decoded = fromCodePoint(dec, 10);
    else if (hex !== undefined) decoded = fromCodePoint(hex, 16);
    else decoded = table.get(name!);
    if (decoded === undefined) return whole;
    changed = true;
    return decoded;
  });
  return changed ? out : null;
}
