/** khabar's public API: the same documents the CLI prints, as data. Never writes, never exits. */
export { parse, parseBuffer, describeRules, emptyDocument } from "./pipeline.js";
export type { RuleDescription } from "./pipeline.js";
export { matchForm } from "./text/matchForm.js";
export { DumpTooBigError, MAX_DUMP_LINES } from "./text/budget.js";
export { builtinMarkers, loadMarkersFile } from "./markers.js";
export type * from "./types.js";
export { LearnedTags, parseTagLexicon, splitTags } from "./tags/segment.js";
export type { TagPiece, TagHow } from "./tags/segment.js";
