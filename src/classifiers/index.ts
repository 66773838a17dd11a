/**
 * The classifiers in pipeline order. The order is the priority — the first that claims a line decides it —
 * and it lives here only. Markers come before chrome so "تابع أيضاً" is a marker, not a follow-us prompt;
 * one-tag-a-line items come before chrome (a tag may read "عاجل"), other list items after it; the
 * catch-all paragraph comes last. In a hard-wrapped dump the rest of a cut line comes before the inline
 * markers (`للمزيد` and `المصدر:` also start the second half of a sentence), after the markers alone.
 */
import { boilerplate } from "./boilerplate.js";
import { byline } from "./byline.js";
import { duplicate } from "./duplicate.js";
import { readAlsoLink } from "./read-also-link.js";
import { relatedItem } from "./related-item.js";
import { tagItem } from "./tag-item.js";
import { paragraph } from "./paragraph.js";
import { published } from "./published.js";
import { readAlso } from "./read-also.js";
import { readMore } from "./read-more.js";
import { readMoreHeadline } from "./read-more-headline.js";
import { related } from "./related.js";
import { source } from "./source.js";
import { tags } from "./tags.js";
import { title } from "./title.js";
import { topMenu } from "./top-menu.js";
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
  wrapContinuation,
  source,
  tags,
  readMore,
  tagItem,
  boilerplate,
  readMoreHeadline,
  readAlsoLink,
  relatedItem,
  topMenu,
  duplicate,
  byline,
  published,
  title,
  paragraph,
];

export type { Classifier, Label, Verdict } from "./types.js";
