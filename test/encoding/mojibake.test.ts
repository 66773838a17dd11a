import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { repairText } from "../../src/encoding/index.js";
import { PairTest } from "../../src/encoding/mojibakeSigns.js";
import { asCp1256Mojibake, asIsoLatin1Mojibake, asLatin1Mojibake, asLegacyCp1256, asLossy1252Mojibake, PROSE } from "./corrupt.js";

describe("the tell-tale strings of SPEC §2", () => {
  it.each([
    ["ط§ظ„ط®ط¨ط±", "الخبر", "mojibake-cp1256"],
    ["Ø§Ù„Ø®Ø¨Ø±", "الخبر", "mojibake-latin1"],
    ["ÇáãÕÏÑ", "المصدر", "legacy-cp1256"],
    ["Ã˜Â§Ã™â€žÃ˜Â®Ã˜Â¨Ã˜Â±", "الخبر", "mojibake-latin1"],
  ])("%s → %s (%s)", (broken, fixed, repair) => {
    expect(repairText(broken)).toMatchObject({ text: fixed, repairs: [repair] });
  });
});

describe("each kind, made by iconv-lite from clean prose", () => {
  const kinds: [string, (t: string) => string, string][] = [
    ["UTF-8 read as Windows-1256", asCp1256Mojibake, "mojibake-cp1256"],
    ["UTF-8 read as Windows-1252 (browser)", asLatin1Mojibake, "mojibake-latin1"],
    ["UTF-8 read as ISO-8859-1 (C1 controls)", asIsoLatin1Mojibake, "mojibake-latin1"],
    ["UTF-8 read as Windows-1252 with U+FFFD for 0x81 (في)", asLossy1252Mojibake, "mojibake-latin1"],
    ["Windows-1256 read as Windows-1252", asLegacyCp1256, "legacy-cp1256"],
  ];
  for (const [label, corrupt, repair] of kinds) {
    it(label, () => {
      for (const line of PROSE) {
        const broken = corrupt(line);
        expect(broken).not.toBe(line);
        expect(repairText(broken)).toMatchObject({ text: line, repairs: [repair] });
      }
    });
  }

  it("Persian and Urdu read as Windows-1256 (letters beyond U+064A)", () => {
    for (const line of ["این یک آزمایش است که گزارش را بررسی می‌کند.", "پاکستان کے وزیر اعظم نے کہا کہ یہ ایک اچھا قدم ہے۔"]) {
      expect(repairText(asCp1256Mojibake(line))).toMatchObject({ text: line, repairs: ["mojibake-cp1256"] });
      expect(repairText(asLatin1Mojibake(line))).toMatchObject({ text: line, repairs: ["mojibake-latin1"] });
    }
  });

  it("French accents in legacy Windows-1256 text stay accents", () => {
    const line = "قال المدير إن مقهى café الجديد افتتح في المدينة.";
    expect(repairText(asLegacyCp1256(line)).text).toBe(line);
  });

  it("curly quotes, dashes and emoji inside UTF-8 mojibake come back too", () => {
    const line = "وقال: «الاتفاق تم» — وهذا “مهم” 👍 …";
    expect(repairText(asCp1256Mojibake(line)).text).toBe(line);
    expect(repairText(asLatin1Mojibake(line)).text).toBe(line);
  });
});

describe("Windows-1252 mojibake that lost bytes (U+FFFD for 0x81 0x8D 0x8F 0x90 0x9D)", () => {
  it.each([
    // `”` is E2 80 9D: its last byte was lost, so the quote is gone and shows as one U+FFFD; ف (D9 81) comes back.
    ["وقال الوزير: “الاتفاق تم في موعده” أمس.", "وقال الوزير: “الاتفاق تم في موعده\uFFFD أمس."],
    // A right-to-left mark (E2 80 8F) glued to a word: the mark is lost, the word is repaired.
    ["وقال\u200F الوزير إن الاتفاق تم في موعده.", "وقال\uFFFD الوزير إن الاتفاق تم في موعده."],
    // `ځ` (DA 81): a lost byte after another lead than D9 is not guessed.
    ["ارتفعت أسعار القمح في ځ الأسواق العالمية", "ارتفعت أسعار القمح في \uFFFD الأسواق العالمية"],
  ])("%s → each character that lost a byte as one U+FFFD", (clean, fixed) => {
    const broken = asLossy1252Mojibake(clean);
    expect(broken).toContain("\uFFFD");
    expect(repairText(broken)).toMatchObject({ text: fixed, repairs: ["mojibake-latin1"] });
  });

  it("keeps a U+FFFD that no sequence was waiting for, and repairs the runs around it", () => {
    expect(repairText("Ø§Ù„Ø®Ø¨Ø± \uFFFD Ø§Ù„Ø®Ø¨Ø±").text).toBe("الخبر \uFFFD الخبر");
    expect(repairText("Ø§Ù„\uFFFDØ®Ø¨Ø±").text).toBe("ال\uFFFDخبر");
    expect(repairText("الخبر \uFFFD هنا").repairs).toEqual([]);
  });
});

describe("double mojibake", () => {
  const line = PROSE[0]!;
  const twice: [string, string, string[]][] = [
    ["Windows-1252 twice", asLatin1Mojibake(asLatin1Mojibake(line)), ["mojibake-latin1"]],
    ["ISO-8859-1 twice", asIsoLatin1Mojibake(asIsoLatin1Mojibake(line)), ["mojibake-latin1"]],
    ["Windows-1256 twice", asCp1256Mojibake(asCp1256Mojibake(line)), ["mojibake-cp1256"]],
    ["Windows-1256 then Windows-1252", asLatin1Mojibake(asCp1256Mojibake(line)), ["mojibake-latin1", "mojibake-cp1256"]],
    ["Windows-1252 three times", asLatin1Mojibake(asLatin1Mojibake(asLatin1Mojibake(line))), ["mojibake-latin1"]],
    ["legacy, then the result read as Windows-1252", asLatin1Mojibake(asLegacyCp1256(line)), ["mojibake-latin1", "legacy-cp1256"]],
  ];
  it.each(twice)("%s", (_label, broken, repairs) => {
    expect(repairText(broken)).toMatchObject({ text: line, repairs });
  });
});

describe("a half-broken dump", () => {
  const clean = ["عنوان الخبر الرئيسي اليوم", "", ...PROSE.flatMap((p) => [p, ""]), "المصدر: وكالات"];
  const broken = clean.map((line, i) => (i === 2 || i === 4 ? asCp1256Mojibake(line) : i === 8 ? asLatin1Mojibake(line) : line));

  it("repairs only the broken lines", () => {
    const repaired = repairText(broken.join("\n"));
    expect(repaired.text).toBe(clean.join("\n"));
    expect(repaired.repairs).toEqual(["mojibake-cp1256", "mojibake-latin1"]);
  });

  it("reports each kind once, with its lines", () => {
    expect(repairText(broken.join("\r\n")).warnings).toEqual([
      { line: 3, code: "mojibake-cp1256", message: "mojibake (UTF-8 read as Windows-1256) repaired on lines 3, 5" },
      { line: 9, code: "mojibake-latin1", message: "mojibake (UTF-8 read as Latin-1/Windows-1252) repaired on line 9" },
    ]);
  });

  it("counts lines on \\r, \\n and \\r\\n alike", () => {
    const text = ["سطر", "سطر", "سطر", asCp1256Mojibake(PROSE[0]!)].join("\r") + "\n" + asCp1256Mojibake(PROSE[1]!);
    expect(repairText(text).warnings[0]!.message).toBe("mojibake (UTF-8 read as Windows-1256) repaired on lines 4-5");
  });

  it("a short mojibake line is repaired among mojibake lines, left alone among clean ones", () => {
    const short = "في";
    const inRun = [asCp1256Mojibake(PROSE[0]!), asCp1256Mojibake(short), asCp1256Mojibake(PROSE[1]!)].join("\n");
    expect(repairText(inRun).text).toBe([PROSE[0], short, PROSE[1]].join("\n"));
    const alone = [PROSE[0]!, asLatin1Mojibake(short), PROSE[1]!].join("\n");
    expect(repairText(alone).text).toBe(alone);
  });

  it("a mojibake word inside a clean line is repaired", () => {
    expect(repairText(`قال ${asCp1256Mojibake("المتحدث")} إن`).text).toBe("قال المتحدث إن");
  });

  it("a no-break space decoded between mojibake words does not stop the repair", () => {
    const words = PROSE[1]!.split(" ");
    const broken = words.map(asLatin1Mojibake).join("\u00A0");
    expect(repairText(broken).text).toBe(words.join("\u00A0"));
  });
});

describe("clean text is never touched", () => {
  const clean = [
    PROSE.join("\n"),
    "فقط، ضغط؛ ربط؟ خط «الخبر» ظلّ",
    "این یک گزارش است. پژوهش چگونه کار می‌کند؟ ژاله و گلاره",
    "پاکستان کے وزیر اعظم نے کہا کہ یہ ایک اچھا قدم ہے۔ ٹیم ڈرامہ بڑا",
    "café, Müller, São Paulo, naïve, Ça, été, ÉTÉ, Øresund, Ærø, Ñandú, Ångström, Þór, façade, coöperate",
    "Le président a déclaré à l'AFP qu'il était « très ému » — voilà.",
    "Straße, Öl, Übermut, Gdańsk, Łódź, İstanbul, Ğ",
    "قال Müller إن café São Paulo في البرازيل رائع، ومعه Ça و été.",
    "الرئيس ماكرون (Macron) في باريس © 2025 ™ ® ° ± ½ € £ ¥ §",
    "€100 – “quoted” ‘single’ … • ‹ › † ‡ ‰ ˆ ˜ š ž Ÿ Œ œ ƒ",
    "ـــ تطويل ـــ ٢٠٢٥ ۱۴۰۳ ١٢٣",
    "ﷺ ﷲ",
  ];
  it.each(clean.map((text) => [text]))("%s", (text) => {
    const repaired = repairText(text);
    if (/[\uFB50-\uFDFF]/.test(text)) return; // presentation forms are folded on purpose (tested elsewhere)
    expect(repaired).toEqual({ text, repairs: [], warnings: [] });
  });
});

describe("iconv-lite itself agrees", () => {
  it("the literal examples are what iconv-lite makes", () => {
    expect(asCp1256Mojibake("الخبر")).toBe("ط§ظ„ط®ط¨ط±");
    expect(asLatin1Mojibake("الخبر")).toBe("Ø§Ù„Ø®Ø¨Ø±");
    expect(iconv.decode(iconv.encode("المصدر", "windows-1256"), "windows-1252")).toBe("ÇáãÕÏÑ");
  });
});

describe("PairTest", () => {
  const test = new PairTest([
    ["ab", "xy"],
    ["c", "z"],
  ]);
  it("finds a first-set character followed by a second-set character of the same branch", () => {
    expect(test.test("..ax..")).toBe(true);
    expect(test.test("cz")).toBe(true);
    expect(test.test("by")).toBe(true);
  });
  it("does not mix branches, reverse pairs or skip characters", () => {
    expect(test.test("az")).toBe(false);
    expect(test.test("cx")).toBe(false);
    expect(test.test("xa")).toBe(false);
    expect(test.test("a x")).toBe(false);
    expect(test.test("a")).toBe(false);
    expect(test.test("")).toBe(false);
  });
});
