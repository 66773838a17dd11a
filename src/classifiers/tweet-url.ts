/** A bare status URL on its own line: an embedded tweet the scraper did not render. */
import type { Classifier } from "./types.js";

const STATUS_URL = /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com)\/([A-Za-z0-9_]{1,30})\/status(?:es)?\/(\d+)(?:[/?#]\S*)?$/u;

export function statusUrlHandle(text: string): string | null {
  const m = STATUS_URL.exec(text);
  return m ? m[1]! : null;
}

export const tweetUrl: Classifier = {
  name: "tweet-url",
  labels: ["tweet-url"],
  description: "a bare twitter.com/x.com status URL line: a tweet with empty text",
  test(s, i) {
    const line = s.lines[i]!;
    if (line.words !== 1 || !line.mf.includes("/status")) return null;
    const handle = statusUrlHandle(line.text);
    return handle === null ? null : { label: "tweet-url", value: handle };
  },
};
