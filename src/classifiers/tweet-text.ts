/** The text lines above a tweet's attribution (found once, before classifying, by the tweet pre-pass). */
import type { Classifier } from "./types.js";

export const tweetText: Classifier = {
  name: "tweet-text",
  labels: ["tweet-text"],
  description: "lines just above a tweet attribution, up to a sentence end, a marker or the block start",
  test(s, i) {
    const span = s.tweetOf[i];
    return span === undefined || span.attribution === i ? null : { label: "tweet-text", span };
  },
};
