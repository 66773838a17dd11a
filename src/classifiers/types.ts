/** What a classifier answers about one line. */
import type { State, TweetSpan } from "../state.js";

export type Label =
  | "title"
  | "byline"
  | "published"
  | "paragraph"
  | "read-more"
  | "read-more-marker"
  | "read-also-marker"
  | "read-also-link"
  | "source"
  | "source-marker"
  | "tags"
  | "tags-marker"
  | "tag"
  | "related-marker"
  | "related-item"
  | "tweet-text"
  | "tweet-attribution"
  | "tweet-url"
  | "dropped";

export interface TweetAttribution {
  author: string;
  handle: string;
  dateText: string;
  date: string | null;
}

export interface Verdict {
  label: Label;
  /** The value the line gives its field: a headline, a source, a name, an ISO date, the tags text. */
  value?: string;
  /** For `dropped`: why. */
  reason?: string;
  /** For a read-also marker: a whole sub-article follows, or only headline links. */
  mode?: "article" | "links";
  /** The line continues the previous line of a hard-wrapped dump (a paragraph's, or the line `wraps` took it for). */
  join?: boolean;
  /** The value may go on over the next lines of a hard-wrapped dump (a title, tags, read-more or bulleted list line). */
  wraps?: boolean;
  span?: TweetSpan;
}

export interface Classifier {
  /** Same as the file name and the `rule` --explain shows. */
  name: string;
  /** The labels it gives. */
  labels: readonly Label[];
  description: string;
  /** Pure: reads the state, changes nothing; null when the line is not this classifier's. */
  test(s: State, i: number): Verdict | null;
}
