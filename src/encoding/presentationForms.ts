/**
 * Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC): glyph codes some PDF converters and old sites
 * emit instead of letters (`ﺍﻟﺨﺒﺮ` for `الخبر`, `ﻻ` for `لا`). They are folded by NFKC — only they: NFKC
 * elsewhere would change text the user wrote (ligatures, full-width forms, superscripts).
 */

/** The ranges folded here, first and last unit (the signs table and the expressions below are made from them). */
export const PRESENTATION_FORM_RANGES: readonly (readonly [number, number])[] = [
  [0xfb50, 0xfdff],
  [0xfe70, 0xfefc],
];

const hex = (c: number) => `\\u${c.toString(16).padStart(4, "0")}`;
const CLASS = `[${PRESENTATION_FORM_RANGES.map(([lo, hi]) => `${hex(lo)}-${hex(hi)}`).join("")}]`;
const PRESENTATION_FORMS = new RegExp(`${CLASS}+`, "g");
/** One presentation form, for finding where the next one is. */
const PRESENTATION_FORM = new RegExp(CLASS, "g");

/** `line` with its presentation forms folded; null when it has none that fold. */
export function foldPresentationForms(line: string): string | null {
  let changed = false;
  const out = line.replace(PRESENTATION_FORMS, (run) => {
    const folded = run.normalize("NFKC");
    if (folded !== run) changed = true;
    return folded;
  });
  return changed ? out : null;
}

/** Where the next presentation form in `text` at or after `from` is; -1 when there is none. */
export function nextPresentationForm(text: string, from: number): number {
  PRESENTATION_FORM.lastIndex = from;
  return PRESENTATION_FORM.exec(text)?.index ?? -1;
}

