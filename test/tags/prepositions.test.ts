/** The prepositional-complement rule: a preposition sits inside a tag, never at its edge. */
import { describe, expect, it } from "vitest";
import { splitTags } from "../../src/tags/segment.js";

const tags = (text: string) => splitTags(text, { builtin: false }).map((p) => p.tag);

describe("prepositional complements", () => {
  it("keeps `X في Y` together", () => {
    expect(tags("الأزمة الغذائية في زنجبار")).toEqual(["الأزمة الغذائية في زنجبار"]);
  });
  it("keeps a لل-complement with its noun", () => {
    expect(tags("المهرجان الوطني للفخار")).toEqual(["المهرجان الوطني للفخار"]);
  });
  it("never starts a tag with a preposition", () => {
    for (const t of tags("ندوة كبرى في مدينة شنقيط")) expect(t.startsWith("في ")).toBe(false);
  });
  it("never ends a tag with one, unless the line ends there", () => {
    for (const t of tags("مهرجان الصيف في شنقيط")) expect(t.endsWith(" في")).toBe(false);
  });
});
