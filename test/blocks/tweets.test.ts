/** Tweets: the text's upward run (SPEC §1) and the links moved to `urls`. */
import { describe, expect, it } from "vitest";
import { parse } from "../../src/index.js";

const ATTR = "— Someone (@some_one) March 3, 2025";
const tweetOf = (lines: string[]) => parse(lines.join("\n")).article.tweets[0]!;

describe("tweet text", () => {
  it("runs up past a line ending in … or ؛ (only . ؟ ? ! : end a sentence)", () => {
    expect(tweetOf(["فقرة تنتهي هنا.", "Breaking: something happened…", "more text here", ATTR]).text).toBe("Breaking: something happened…\nmore text here");
    expect(tweetOf(["فقرة تنتهي هنا.", "سطر أول من تغريدة؛", "سطر ثان", ATTR]).text).toBe("سطر أول من تغريدة؛\nسطر ثان");
  });
  it("stops before a line that ends a sentence, and keeps \\n\\n where a blank line stood", () => {
    expect(tweetOf(["فقرة تنتهي هنا.", "first line", "", "second line", "", ATTR]).text).toBe("first line\n\nsecond line");
  });
  it("moves only tweet links to urls, not other domains that end in x.com or t.co", () => {
    const t = tweetOf(["فقرة تنتهي هنا.", "شاهدوا على https://www.netflix.com/eg/title/81234567 الليلة https://t.co/AbC123", ATTR]);
    expect(t.text).toBe("شاهدوا على https://www.netflix.com/eg/title/81234567 الليلة");
    expect(t.urls).toEqual(["https://t.co/AbC123"]);
  });
});
