/** The catch-all, last in the table: any other line is a body paragraph of the current article. */
import type { Classifier } from "./types.js";

export const paragraph: Classifier = {
  name: "paragraph",
  labels: ["paragraph"],
  description: "any other line: a body paragraph (joined with the next line in a hard-wrapped dump)",
  test() {
    return { label: "paragraph" };
  },
};
