/** `— The Straits Times (@straits_times) March 3, 2025`: the line that closes an embedded tweet. */
import { findDate } from "../text/dates.js";
import { matchForm } from "../text/matchForm.js";
import type { Classifier, TweetAttribution } from "./types.js";

// Anchored at the start and the handle bounded, so a long line of "(@" cannot make the match backtrack.
const ATTRIBUTION = /^(?:—|–|―|-|\\-)\s*([^\n]*?)\s*\(@([A-Za-z0-9_]{1,30})\)\s*(\S.*)$/u;

/** Bidi and zero-width controls: a scraped right-to-left page puts them around the Latin handle, `(\u200e@name)`. */
const CONTROLS = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

export function parseAttribution(line: string): TweetAttribution | null {
  if (line.length > 400 || !line.includes("@")) return null;
  const text = line.includes("(@") ? line : line.replace(CONTROLS, "");
  // The handle's "(@" is required: one native search rules out the dashed list items and sentences.
  if (!text.includes("(@")) return null;
  const m = ATTRIBUTION.exec(text);
  if (!m) return null;
  const dateText = m[3]!.trim();
  const found = findDate(matchForm(dateText));
  if (!found && !/[0-9\u0660-\u0669]{4}/u.test(dateText)) return null;
  return { author: m[1]!.trim(), handle: m[2]!, dateText, date: found ? found.iso : null };
}

export const tweetAttribution: Classifier = {
  name: "tweet-attribution",
  labels: ["tweet-attribution"],
  description: "a dash, the author's name, (@handle) and a date: closes an embedded tweet",
  test(s, i) {
    // The tweet pre-pass parsed every attribution line once and gave each a span.
    const span = s.tweetOf[i];
    return span !== undefined && span.attribution === i ? { label: "tweet-attribution", span } : null;
  },
};
