import { describe, expect, it } from "vitest";
import { builtinTagLexicon, LearnedTags, MAX_TAG_WORDS, parseTagLexicon, TagTrie, userTagTrie } from "../../src/tags/lexicon.js";
import { TAG_LEXICON } from "../../src/data/tagLexicon.js";
import { entryKey } from "../../src/tags/words.js";

const has = (entry: string) => builtinTagLexicon().has(entryKey(entry));

describe("the built-in lexicon", () => {
  it("holds a few thousand entries in its categories", () => {
    expect(builtinTagLexicon().size).toBeGreaterThan(3000);
    const sections = [...TAG_LEXICON.matchAll(/^## ([a-z-]+)$/gmu)].map((m) => m[1]);
    for (const s of ["countries", "capitals", "cities", "regions", "people", "security", "ministries", "international", "parties", "companies", "sports", "topics"]) {
      expect(sections).toContain(s);
    }
  });

  it("says where it comes from and that no entry is there for a fixture", () => {
    const header = TAG_LEXICON.slice(0, 2000);
    expect(header).toMatch(/Sources:/u);
    expect(header).toMatch(/No entry exists because a\s+#?\s*particular test fixture needs it/u);
  });

  it.each([
    // countries, with the spellings the fold does not join
    "مصر", "أمريكا", "أميركا", "الولايات المتحدة الأمريكية", "ليبيا", "روسيا", "غينيا بيساو", "جزر القمر", "فلسطين",
    // capitals and cities
    "طرابلس", "بنغازي", "غزة", "قطاع غزة", "الرياض", "كييف", "أنقرة", "طهران", "إسطنبول", "اسطنبول", "نيودلهي",
    // leaders
    "خليفة حفتر", "فلاديمير بوتين", "دونالد ترامب", "رجب طيب أردوغان", "عبد الفتاح السيسي", "محمد بن سلمان",
    // armies, ministries, bodies
    "الجيش الروسي", "الجيش الإسرائيلي", "وزارة الدفاع الروسية", "وزارة الخارجية الأمريكية", "الأمم المتحدة",
    "مجلس الأمن", "حلف الناتو", "الاتحاد الأوروبي", "جامعة الدول العربية", "حماس", "حزب الله",
    // topics
    "أسلحة ومعدات عسكرية", "الاقتصاد العالمي", "أسعار النفط", "الذكاء الاصطناعي", "كرة القدم", "فيروس كورونا", "تغير المناخ",
  ])("knows %s", (entry) => {
    expect(has(entry)).toBe(true);
  });

  it("matches on the match form (hamza, ta marbuta, alef maqsura, diacritics, tatweel)", () => {
    expect(has("اسلحه ومعدات عسكريه")).toBe(true);
    expect(has("الجيـش الرُّوسي")).toBe(true);
    expect(has("مستشفي الشفاء")).toBe(true);
  });

  it("keeps every entry within the words the segmenter tries", () => {
    expect(builtinTagLexicon().maxWords).toBeLessThanOrEqual(MAX_TAG_WORDS);
  });

  it("learns construct heads from its own entries, but never from a name standing alone", () => {
    const heads = builtinTagLexicon().constructHeads;
    expect(heads.has("حزب")).toBe(true); // حزب الله
    expect(heads.has("ازمه")).toBe(true); // أزمة الطاقة
    expect(heads.has("افريقيا")).toBe(false); // أفريقيا الوسطى: a name, and الوسطى an adjective
    expect(heads.has("كوريا")).toBe(false); // كوريا الشمالية: nisba adjective, no construct
  });

  it("is built once", () => {
    expect(builtinTagLexicon()).toBe(builtinTagLexicon());
  });
});

describe("lexicon files and tries", () => {
  it("parses one entry a line, skipping comments and blank lines", () => {
    expect(parseTagLexicon("# my tags\r\nالجيش الليبي\n\n  بنغازي  \r# more\rخليفة حفتر\n")).toEqual([
      "الجيش الليبي",
      "بنغازي",
      "خليفة حفتر",
    ]);
  });

  it("finds every entry that starts at a word, shortest first", () => {
    const trie = new TagTrie();
    for (const e of ["وزارة الدفاع", "وزارة الدفاع الروسية", "وزارة"]) trie.add(e, { category: "t", proper: true });
    const forms = ["وزاره", "الدفاع", "الروسيه", "بنغازي"];
    const found: number[] = [];
    trie.matchAt(forms, 0, forms[0]!, (n) => found.push(n));
    expect(found).toEqual([1, 2, 3]);
    expect(trie.size).toBe(3);
    expect(trie.maxWords).toBe(3);
  });

  it("caches the user's trie per array", () => {
    const user = ["زمبرك سلطعون"];
    expect(userTagTrie(user)).toBe(userTagTrie(user));
    expect(userTagTrie(user).has("زمبرك سلطعون")).toBe(true);
  });

  it("keeps a LearnedTags' trie in step with the set", () => {
    const learned = new LearnedTags(["قرنفش دحبور"]);
    expect(learned.trie.has("قرنفش دحبور")).toBe(true);
    learned.add("  زمبرك  ");
    expect(learned.has("زمبرك")).toBe(true);
    expect(learned.trie.has("زمبرك")).toBe(true);
    learned.delete("قرنفش دحبور");
    expect(learned.trie.has("قرنفش دحبور")).toBe(false);
    learned.learn([{ tag: "سلطعون", how: "separator" }, { tag: "بنغازي", how: "lexicon" }]);
    expect([...learned]).toEqual(["زمبرك", "سلطعون"]);
  });
});
