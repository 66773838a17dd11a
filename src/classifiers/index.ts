/**
 * The classifiers in pipeline order. The order is the priority — the first that claims a line decides it —
 * and it lives here only. Markers come before chrome so "تابع أيضاً" is a marker, not a follow-us prompt;
 * list items come after chrome; the catch-all paragraph comes last.
 */
import { boilerplate } from "./boilerplate.js";
import { byline } from "./byline.js";
import { duplicate } from "./duplicate.js";
import { readAlsoLink, relatedItem, tagItem } from "./list-items.js";
import { paragraph } from "./paragraph.js";
import { published } from "./published.js";
import { readAlso } from "./read-also.js";
import { readMore, readMoreHeadline } from "./read-more.js";
import { related } from "./related.js";
import { source } from "./source.js";
import { tags } from "./tags.js";
import { title } from "./title.js";
import { tweetAttribution } from "./tweet-attribution.js";
import { tweetText } from "./tweet-text.js";
import { tweetUrl } from "./tweet-url.js";
import type { Classifier } from "./types.js";
import { wrapContinuation } from "./wrap-continuation.js";

export const classifiers: readonly Classifier[] = [
  tweetAttribution,
  tweetText,
  tweetUrl,
  readAlso,
  related,
  source,
  tags,
  readMore,
  wrapContinuation,
  boilerplate,
  readMoreHeadline,
  readAlsoLink,
  relatedItem,
  tagItem,
  duplicate,
  byline,
  published,
  title,
  paragraph,
];

export type { Classifier, Label, Verdict } from "./types.js";
