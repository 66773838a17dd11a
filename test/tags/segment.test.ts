import { describe, expect, it } from "vitest";
import { LearnedTags, segmentTags, splitOnSeparators, splitTags, type TagPiece } from "../../src/tags/segment.js";
import { builtinTagLexicon } from "../../src/tags/lexicon.js";
import { entryKey } from "../../src/tags/words.js";
import { parse } from "../../src/index.js";

const tags = (pieces: TagPiece[]) => pieces.map((p) => p.tag);
const hows = (pieces: TagPiece[]) => pieces.map((p) => `${p.tag}/${p.how}`);

/** Invented words: the rules and tests below rely on no lexicon knowing them. */
const INVENTED = ["قرنفش", "دحبور", "زمبرك", "سلطعون"];

describe("the RT Arabic tags line", () => {
  it("gives exactly the site's seven tags", () => {
    const line = "أسلحة ومعدات عسكرية الجيش الروسي الجيش الليبي بنغازي خليفة حفتر طرابلس وزارة الدفاع الروسية";
    expect(tags(splitTags(line))).toEqual([
      "أسلحة ومعدات عسكرية",
      "الجيش الروسي",
      "الجيش الليبي",
      "بنغازي",
      "خليفة حفتر",
      "طرابلس",
      "وزارة الدفاع الروسية",
    ]);
  });

  it("finds the same seven tags with the rules alone where the words are not names", () => {
    const line = "أسلحة ومعدات عسكرية الجيش الروسي الجيش الليبي بنغازي خليفة حفتر طرابلس وزارة الدفاع الروسية";
    // Without the built-in list, only the one-word names and the two-word name stay apart.
    expect(tags(splitTags(line, { builtin: false }))).toEqual([
      "أسلحة ومعدات عسكرية",
      "الجيش الروسي",
      "الجيش الليبي",
      "بنغازي",
      "خليفة",
      "حفتر",
      "طرابلس",
      "وزارة الدفاع الروسية",
    ]);
  });
});

describe("explicit separators", () => {
  it.each([
    ["مصر، السعودية، الإمارات", ["مصر", "السعودية", "الإمارات"]],
    ["مصر, ليبيا; تونس | الجزائر", ["مصر", "ليبيا", "تونس", "الجزائر"]],
    ["مصر ؛ ليبيا", ["مصر", "ليبيا"]],
    ["مصر • ليبيا · تونس", ["مصر", "ليبيا", "تونس"]],
    ["مصر\tليبيا", ["مصر", "ليبيا"]],
    ["مصر\nليبيا\r\nتونس", ["مصر", "ليبيا", "تونس"]],
    ["خليفة حفتر  الجيش الليبي", ["خليفة حفتر", "الجيش الليبي"]],
    ["خليفة حفتر\u00a0\u00a0الجيش الليبي", ["خليفة حفتر", "الجيش الليبي"]],
    ["خليفة حفتر، طرابلس الغرب بنغازي", ["خليفة حفتر", "طرابلس الغرب بنغازي"]],
    ["مصر،، ،  ليبيا،", ["مصر", "ليبيا"]],
  ])("%j", (text, expected) => {
    const out = splitTags(text);
    expect(tags(out)).toEqual(expected);
    expect(out.every((p) => p.how === "separator")).toBe(true);
  });

  it("strips hashtag marks and keeps the hashtag's own spelling", () => {
    expect(hows(splitTags("#مصر #السعودية #خليفة_حفتر"))).toEqual([
      "مصر/separator",
      "السعودية/separator",
      "خليفة_حفتر/separator",
    ]);
    expect(tags(splitTags("#مصر"))).toEqual(["مصر"]);
  });

  it("says null when there is none", () => {
    expect(splitOnSeparators("الجيش الروسي بنغازي")).toBeNull();
    expect(splitOnSeparators("مصر، ليبيا")).toEqual(["مصر", "ليبيا"]);
    expect(splitOnSeparators("شهادة التعليم المتوسط / البكالوريا  /  وزارة التربية")).toEqual(["شهادة التعليم المتوسط", "البكالوريا", "وزارة التربية"]);
    expect(splitOnSeparators("أبريل/نيسان")).toBeNull();
    expect(splitOnSeparators("حرب 6 / 10 / 1973")).toBeNull();
    expect(splitOnSeparators("هجمات 9 / 11")).toBeNull();
  });

  it("keeps a one-word line whole, and an empty line empty", () => {
    expect(hows(splitTags("  بنغازي "))).toEqual(["بنغازي/single"]);
    expect(splitTags("   ")).toEqual([]);
    expect(splitTags("")).toEqual([]);
  });
});

describe("segmenting a joined line", () => {
  it("matches on the match form and keeps the original spelling", () => {
    expect(tags(splitTags("الجيـش الروسيّ امريكا  "))).toEqual(["الجيـش الروسيّ", "امريكا"]);
    expect(hows(splitTags("أميركا الولايات المتحدة الامريكية"))).toEqual([
      "أميركا/lexicon",
      "الولايات المتحدة الامريكية/lexicon",
    ]);
  });

  it("prefers the longest entry over its prefix", () => {
    expect(hows(segmentTags("وزارة الدفاع الروسية مجلس الأمن الدولي"))).toEqual([
      "وزارة الدفاع الروسية/lexicon",
      "مجلس الأمن الدولي/lexicon",
    ]);
  });

  it("keeps neighbouring names apart rather than gluing them by a rule", () => {
    // `الإمارات السعودية` looks like noun + nisba adjective; both are names in the list.
    expect(tags(segmentTags("الإمارات السعودية إيران العراق"))).toEqual(["الإمارات", "السعودية", "إيران", "العراق"]);
  });

  it("treats a dash between words as a boundary and drops it", () => {
    expect(tags(splitTags("مصر - ليبيا"))).toEqual(["مصر", "ليبيا"]);
  });

  it("reports how each tag was found", () => {
    for (const w of INVENTED) expect(builtinTagLexicon().has(entryKey(w))).toBe(false);
    const out = segmentTags("قرنفش دحبور بنغازي زمبرك وسلطعون الجيش الليبي", { learned: new Set(["قرنفش دحبور"]) });
    expect(hows(out)).toEqual([
      "قرنفش دحبور/learned",
      "بنغازي/lexicon",
      "زمبرك وسلطعون/rule",
      "الجيش الليبي/lexicon",
    ]);
    expect(hows(segmentTags("زمبرك سلطعون"))).toEqual(["زمبرك/single", "سلطعون/single"]);
  });
});

describe("the user's lexicon", () => {
  it("wins over the built-in one", () => {
    expect(tags(splitTags("خليفة حفتر طرابلس"))).toEqual(["خليفة حفتر", "طرابلس"]);
    expect(hows(splitTags("خليفة حفتر طرابلس", { user: ["حفتر طرابلس"] }))).toEqual([
      "خليفة/single",
      "حفتر طرابلس/user",
    ]);
  });

  it("wins over learned tags and rules, and is matched on the match form", () => {
    const ctx = { user: ["الجيش"], learned: new Set(["الجيش الروسي"]) };
    expect(hows(splitTags("الجيـش الروسي", ctx))).toEqual(["الجيـش/user", "الروسي/single"]);
    expect(hows(splitTags("زمبرك سلطعون قرنفش", { user: ["زُمبرك   سلطعون"] }))).toEqual([
      "زمبرك سلطعون/user",
      "قرنفش/single",
    ]);
  });
});

describe("learned tags", () => {
  it("segment a later joined line", () => {
    const learned = new LearnedTags();
    learned.learn(splitTags("قرنفش دحبور، زمبرك سلطعون"));
    expect([...learned]).toEqual(["قرنفش دحبور", "زمبرك سلطعون"]);
    expect(hows(splitTags("زمبرك سلطعون قرنفش دحبور", { learned }))).toEqual([
      "زمبرك سلطعون/learned",
      "قرنفش دحبور/learned",
    ]);
  });

  it("pick up tags added after the first use, in a LearnedTags or a plain Set", () => {
    for (const learned of [new LearnedTags(), new Set<string>()]) {
      learned.add("بنغازي");
      expect(tags(splitTags("زمبرك سلطعون", { learned }))).toEqual(["زمبرك", "سلطعون"]);
      learned.add("زمبرك سلطعون");
      expect(hows(splitTags("زمبرك سلطعون", { learned }))).toEqual(["زمبرك سلطعون/learned"]);
      learned.delete("زمبرك سلطعون");
      learned.add("زمبرك");
      expect(hows(splitTags("زمبرك سلطعون", { learned }))).toEqual(["زمبرك/learned", "سلطعون/single"]);
    }
  });
});

describe("dynamic programming, not greedy", () => {
  it("gives up a long first match that would strand the words after it", () => {
    // Longest-first from the left takes `قرنفش دحبور` and strands `زمبرك` and `سلطعون`;
    // the best split leaves one word over.
    const ctx = { learned: new Set(["قرنفش دحبور", "دحبور زمبرك سلطعون"]) };
    expect(hows(segmentTags("قرنفش دحبور زمبرك سلطعون", ctx))).toEqual([
      "قرنفش/single",
      "دحبور زمبرك سلطعون/learned",
    ]);
  });

  it("does so with the built-in list too", () => {
    // Longest-first takes `جنوب أفريقيا` and strands `الوسطى`; `أفريقيا الوسطى` covers both.
    expect(builtinTagLexicon().has(entryKey("جنوب أفريقيا"))).toBe(true);
    expect(tags(segmentTags("جنوب أفريقيا الوسطى"))).toEqual(["جنوب", "أفريقيا الوسطى"]);
  });
});

describe("learnedTags across parse calls", () => {
  const page = (n: number, tags: string) =>
    [`عنوان الخبر رقم ${n}`, "", `هذه فقرة من نص الخبر رقم ${n}، وهي جملة كاملة.`, "", `كلمات دلالية: ${tags}`].join("\n");

  it("a set given to parse learns from each page for the next: a LearnedTags or a plain Set alike", () => {
    for (const learnedTags of [new LearnedTags(), new Set<string>()]) {
      expect(parse(page(1, "قرنفش دحبور، زمبرك سلطعون"), { learnedTags }).article.tags).toEqual(["قرنفش دحبور", "زمبرك سلطعون"]);
      expect([...learnedTags]).toEqual(["قرنفش دحبور", "زمبرك سلطعون"]);
      expect(parse(page(2, "زمبرك سلطعون قرنفش دحبور"), { learnedTags }).article.tags).toEqual(["زمبرك سلطعون", "قرنفش دحبور"]);
    }
  });

  it("without one, each page starts from nothing", () => {
    parse(page(1, "قرنفش دحبور، زمبرك سلطعون"));
    expect(parse(page(2, "زمبرك سلطعون قرنفش دحبور")).article.tags).toEqual(["زمبرك", "سلطعون", "قرنفش", "دحبور"]);
  });
});
