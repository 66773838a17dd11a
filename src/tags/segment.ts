/** Splitting a tags line into tags (SPEC §1 "Tags"). STUB: the tags work replaces this. */

export type TagHow = "separator" | "lexicon" | "learned" | "user" | "rule" | "single";

export interface TagPiece {
  tag: string;
  how: TagHow;
}

export interface TagContext {
  /** The user's `--tag-lexicon` entries; they win over everything else. */
  user?: readonly string[];
  /** Tags seen with explicit separators earlier in the run (match forms are computed inside). */
  learned?: ReadonlySet<string>;
}

/** The tags of `text` (the raw text after the marker), in order, original spelling kept. */
export function splitTags(text: string, ctx: TagContext = {}): TagPiece[] {
  void ctx;
  const parts = text.split(/[،,;|#•\t]|\s{2,}/u).map((s) => s.trim()).filter(Boolean);
  if (parts.length > 1) return parts.map((tag) => ({ tag, how: "separator" as const }));
  return parts.map((tag) => ({ tag, how: "single" as const }));
}
