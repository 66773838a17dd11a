/**
 * Cutting a marker off the original text. Rules find markers on the match form; the output must keep the
 * original spelling, so the cut is found again on the original at a word boundary whose match form agrees.
 */
import { trimEndOf } from "./lines.js";
import { matchForm, prefixCut } from "./matchForm.js";

const SEPARATORS = /^[\s:：/|\-–—\u0640]+/u; // tatweel too: "كتبت ـ سارة محمود"
// "…التونسي... أكمل القراءة": the teaser's ellipsis goes too.
const TRAILING_SEPARATORS = " \t\u00a0:：/|-–—….";

// A dash glued to a marker ends it too: "كتب- أحمد مسعد", as Egyptian sites write bylines.
const BOUNDARY = /[\s:：/.…\-–—]/u;

/** Where a marker may be cut off (the end, spaces, colons, slashes, dashes, the dots of "…اقرأ المزيد" / "المرفأ...اقرأ"): `text[p]` is one. */
function isBoundary(text: string, p: number): boolean {
  if (p >= text.length) return true;
  const c = text.charCodeAt(p);
  // Letters are never boundaries: most positions are decided without building a one-character string.
  if ((c >= 0x0621 && c <= 0x064a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) return false;
  return BOUNDARY.test(text.charAt(p));
}

/** The original text after the leading part whose match form is `prefixMf`, separators skipped; null if none. */
export function textAfter(text: string, prefixMf: string): string | null {
  if (prefixMf.length === 0) return text.replace(SEPARATORS, "");
  const p = prefixCut(text, prefixMf, isBoundary);
  return p < 0 ? null : text.slice(p).replace(SEPARATORS, "");
}

/** The original text before the trailing part whose match form is `suffixMf`, trailing separators dropped. */
export function textBefore(text: string, suffixMf: string): string | null {
  for (let p = text.length - 1; p >= 0; p--) {
    if (p > 0 && !isBoundary(text, p - 1)) continue;
    const m = matchForm(text.slice(p));
    if (m === suffixMf) return trimEndOf(text.slice(0, p), TRAILING_SEPARATORS);
    if (m.length > suffixMf.length + 1) return null;
  }
  return null;
}
