/**
 * Arabic presentation forms (U+FB50–U+FDFF, U+FE70–U+FEFC): glyph codes some PDF converters and old sites
 * emit instead of letters (`ﺍﻟﺨﺒﺮ` for `الخبر`, `ﻻ` for `لا`). They are folded by NFKC — only they: NFKC
 * elsewhere would change text the user wrote (ligatures, full-width forms, superscripts).
 */

const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFC]+/g;
/** One presentation form, for finding where the next one is. */
const PRESENTATION_FORM = new RegExp(PRESENTATION_FORMS.source.slice(0, -1), "g");

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

/** A code unit of the ranges folded here. */
export function isPresentationForm(c: number): boolean {
  return (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfefc);
}
