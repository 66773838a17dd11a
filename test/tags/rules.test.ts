/**
 * Each noun-phrase rule on its own, on words no lexicon knows (invented roots, checked below), with
 * the built-in list switched off where a common noun of it would otherwise decide.
 */
import { describe, expect, it } from "vitest";
import { segmentTags, type TagPiece } from "../../src/tags/segment.js";
import { builtinTagLexicon } from "../../src/tags/lexicon.js";
import { entryKey } from "../../src/tags/words.js";

const hows = (pieces: TagPiece[]) => pieces.map((p) => `${p.tag}/${p.how}`);

const INVENTED = [
  "قرنفش", "دحبور", "زمبرك", "سلطعون", "ومعاشيق", "الدحبور", "الزمبركي", "الزمبركية", "زمبركية", "زمبركي",
  "الدحابير", "الزمابير", "الزمبرك", "قضية", "قمة", "عربية", "فلسطينية", "مجلس", "رئيس", "وزارة", "كأس",
];

describe("rule test words", () => {
  it.each(INVENTED)("%s is in no lexicon entry of its own", (w) => {
    expect(builtinTagLexicon().has(entryKey(w))).toBe(false);
  });
});

describe("a word starting with و joins the tag before it", () => {
  it("glues the conjunction", () => {
    expect(hows(segmentTags("قرنفش ومعاشيق دحبور"))).toEqual(["قرنفش ومعاشيق/rule", "دحبور/single"]);
  });
  it("glues a bare و and the word after it", () => {
    expect(hows(segmentTags("قرنفش و دحبور زمبرك"))).toEqual(["قرنفش و دحبور/rule", "زمبرك/single"]);
  });
  it("leaves a word whose و is a root letter (وزارة, واشنطن) to start its own tag", () => {
    expect(hows(segmentTags("قرنفش وزارة"))).toEqual(["قرنفش/single", "وزارة/single"]);
    expect(hows(segmentTags("قرنفش واشنطن"))).toEqual(["قرنفش/single", "واشنطن/lexicon"]);
  });
  it("joins a lexicon entry after the conjunction to the tag before it", () => {
    expect(hows(segmentTags("خليفة حفتر والجيش الليبي بنغازي"))).toEqual([
      "خليفة حفتر والجيش الليبي/rule",
      "بنغازي/lexicon",
    ]);
  });
});

describe("an agreeing nisba adjective joins its noun", () => {
  it("definite after definite", () => {
    expect(hows(segmentTags("الدحبور الزمبركي قرنفش"))).toEqual(["الدحبور الزمبركي/rule", "قرنفش/single"]);
    expect(hows(segmentTags("الدحابير الزمبركية"))).toEqual(["الدحابير الزمبركية/rule"]);
  });
  it("indefinite after indefinite", () => {
    expect(hows(segmentTags("دحبور زمبركية قرنفش"))).toEqual(["دحبور زمبركية/rule", "قرنفش/single"]);
  });
  it("not when definiteness disagrees", () => {
    expect(hows(segmentTags("الدحبور زمبركي"))).toEqual(["الدحبور/single", "زمبركي/single"]);
    expect(hows(segmentTags("دحبور الزمبركي"))).toEqual(["دحبور/single", "الزمبركي/single"]);
  });
  it("after a construct", () => {
    expect(hows(segmentTags("وزارة الدحابير الزمبركية قرنفش", { builtin: false }))).toEqual([
      "وزارة الدحابير الزمبركية/rule",
      "قرنفش/single",
    ]);
  });
  it("only one indefinite adjective: the next ية-word starts a tag", () => {
    expect(hows(segmentTags("قمة عربية قضية فلسطينية"))).toEqual(["قمة عربية/rule", "قضية فلسطينية/rule"]);
  });
  it("a name shaped like an adjective is no adjective", () => {
    // بنغازي ends in ي and السعودية in ية; after a word that is not a known common noun they stay apart.
    expect(hows(segmentTags("قرنفش بنغازي"))).toEqual(["قرنفش/single", "بنغازي/lexicon"]);
    expect(hows(segmentTags("الدحبور السعودية"))).toEqual(["الدحبور/single", "السعودية/lexicon"]);
    // …but after a common noun the name is the adjective it looks like.
    expect(hows(segmentTags("القوات السعودية", { builtin: true }))).toEqual(["القوات السعودية/rule"]);
  });
  it("a name takes no adjective", () => {
    expect(hows(segmentTags("السعودية الزمبركي"))).toEqual(["السعودية/lexicon", "الزمبركي/single"]);
  });
});

describe("a construct (idafa) stays together", () => {
  it("indefinite head, definite noun", () => {
    expect(hows(segmentTags("كأس الزمبرك قرنفش"))).toEqual(["كأس الزمبرك/rule", "قرنفش/single"]);
    expect(hows(segmentTags("وزارة الدحابير", { builtin: false }))).toEqual(["وزارة الدحابير/rule"]);
  });
  it("through a chain of heads", () => {
    expect(hows(segmentTags("رئيس مجلس الزمابير قرنفش", { builtin: false }))).toEqual([
      "رئيس مجلس الزمابير/rule",
      "قرنفش/single",
    ]);
  });
  it("a chain of heads with no definite noun at its end is no construct", () => {
    expect(hows(segmentTags("رئيس مجلس قرنفش", { builtin: false }))).toEqual([
      "رئيس/single",
      "مجلس/single",
      "قرنفش/single",
    ]);
  });
  it("an unknown word before a definite one is not taken for a head (it is likelier a name)", () => {
    expect(hows(segmentTags("قرنفش الزمبرك"))).toEqual(["قرنفش/single", "الزمبرك/single"]);
  });
  it("a name as the second noun needs a head of the curated list", () => {
    expect(builtinTagLexicon().has(entryKey("مطار القاهرة"))).toBe(false);
    expect(hows(segmentTags("مطار القاهرة"))).toEqual(["مطار القاهرة/rule"]);
    // `جرائم` heads a construct in the list (`جرائم الحرب`) but is a tag of its own before a place.
    expect(builtinTagLexicon().constructHeads.has("جرايم")).toBe(true);
    expect(hows(segmentTags("جرائم القاهرة"))).toEqual(["جرائم/single", "القاهرة/lexicon"]);
    expect(hows(segmentTags("جرائم الزمبرك"))).toEqual(["جرائم الزمبرك/rule"]);
  });
  it("a name heads no construct", () => {
    expect(hows(segmentTags("طرابلس الزمبرك"))).toEqual(["طرابلس/lexicon", "الزمبرك/single"]);
  });
  it("an adjective heads no construct", () => {
    expect(hows(segmentTags("دحبور زمبركية الدحابير"))).toEqual(["دحبور زمبركية/rule", "الدحابير/single"]);
  });
});
