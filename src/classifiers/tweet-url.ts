/** A bare status URL on its own line: an embedded tweet the scraper did not render. */
import type { Classifier } from "./types.js";

// `x.com/i/status/…` and `twitter.com/i/web/status/…` are the same tweets' links without the author's name.
const STATUS_URL = /^(?:https?:\/\/)?(?:www\.|mobile\.)?(?:twitter\.com|x\.com)\/(?:i\/web|([A-Za-z0-9_]{1,30}))\/status(?:es)?\/(\d+)(?:[/?#]\S*)?$/u;

/** The handle of a bare status URL (`""` when the URL names no user: `/i/status/`), or null when `text` is none. */
export function statusUrlHandle(text: string): string | null {
  const m = STATUS_URL.exec(text);
  if (!m) return null;
  const user = m[1];
  return user === undefined || user === "i" ? "" : user;
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
