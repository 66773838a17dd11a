/**
 * Each classifier's table: lines it must claim and lines it must leave alone, each set in a small dump so
 * the line has the neighbours it would have in a page. One describe per classifier, named as its file.
 */
import { describe, expect, it } from "vitest";
import { decided, explainDump, PROSE, PROSE2 } from "../helpers/explain.js";
import { COOKIE_WORD_LIST, mayHoldCookieWords } from "../../src/classifiers/boilerplate.js";
import { charFlags, matchForm } from "../../src/text/matchForm.js";

/** A line in the body: after a paragraph, before another. */
const inBody = (line: string) => [PROSE, "", line, "", PROSE2];

function table(rule: string, claims: string[], leaves: string[], place: (l: string) => string[] = inBody, at = 3) {
  describe(rule, () => {
    for (const line of claims) it(`claims: ${line}`, () => expect(decided(place(line), at).rule).toBe(rule));
    for (const line of leaves) it(`leaves: ${line}`, () => expect(decided(place(line), at).rule).not.toBe(rule));
  });
}

table(
  "source",
  ["المصدر: \"الشرق الأوسط\"", "المصدر : وكالات", "المصدر / وكالة الأنباء العراقية", "المصادر: رويترز", "مصدر الخبر: «القبس»", "المـصـدر： سانا", "\u200fالمصدر: RT Arabic", "Source: Reuters"],
  ["وتابع المصدر، الذي طلب عدم ذكر اسمه، أن الهجوم وقع فجراً.", "المصدر الأمني قال إن الضربة جاءت بناء على معلومات.", "المصدري: لا", "المصدر"],
);

table(
  "tags",
  ["كلمات دلالية: مصر، السودان", "الكلمات الدلالية: نفط", "كلمات دالة: الحصبة، اللقاحات", "الوسوم : #البحرين #الانتخابات", "وسوم: داعش • الأنبار", "Tags: AI, هيوماين", "كلمات مفتاحية: سوناطراك; الغاز", "الكلمات المفتاحية: الكويت"],
  ["وسوم الإبل في البادية تحكي تاريخ القبائل منذ قرون طويلة مضت.", "كلمات الرئيس أثارت جدلاً واسعاً."],
);

table(
  "read-more",
  ["إقرأ المزيد نائب وزير الدفاع يزور بنغازي", "اقرأ أيضا: الحكومة تحيل مشروع القانون إلى البرلمان", "للمزيد: صندوق النقد يحث بيروت على الإصلاح", "اقرأ أكثر: جوائز الأدب تعلن القائمة", "وزير الصحة يعلن انتداب 1200 طبيب في المناطق الداخلية… اقرأ المزيد", "ارتفاع حالات الإصابة بالتهاب الكبد... أكمل القراءة"],
  ["ويقول الباحث إن عليك أن تقرأ أيضا كتب التاريخ قبل الحكم.", "للمزيد من المعلومات يمكن الاتصال بمركز خدمة العملاء على الرقم المجاني.", "وقالت الكاتبة للصحيفة: «لم أستطع أن أكمل القراءة».", "وأضاف: «عليكم أن تقرأوا الرواية قبل أن تحكموا، اقرأ المزيد».", "للمزيد 📞 اتصلوا بالخط الساخن للوزارة على الرقم 105 طوال أيام الحملة."],
);

table(
  "boilerplate",
  ["شارك", "شارك على فيسبوك تويتر واتساب", "Facebook Twitter WhatsApp", "تابعونا على فيسبوك وإنستغرام", "© 2024 جميع الحقوق محفوظة", "جميع الحقوق محفوظة لموقع الخبر 2025", "إعلان", "Advertisement", "اشترك في النشرة البريدية لتصلك آخر الأخبار", "أضف تعليقك", "التعليقات", "التعليقات :", "Share this article.", "فيسبوك تويتر | واتساب", "يستخدم هذا الموقع ملفات تعريف الارتباط لضمان حصولك على أفضل تجربة", "موقعنا يستعمل الكوكيز لتحسين تجربتك", "نحتفظ بملفات الارتباط لتحسين التصفح", "Our website stores COOKIES to improve your experience", "الرئيسية > أخبار > برلمان", "الرئيسية » أخبار » برلمان", "الرئيسية / رياضة", "مصدر الصورة: إنستغرام", "(Getty Images)", "مباشر", "A+ A-", "00:00 / 00:16", "34°C", "View this post on Instagram", "A post shared by Nour (@nour.music)", "A+", "A-", "- إعلان -", "* * إعلان * *", "لا توجد تعليقات على الخبر", "سجل الدخول للتعليق", "تعليقات الزوار", "من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "Contact us", "الرئيسية | أخبار | اقتصاد", "الصفحة 1 | 2 | 3 | 4 | التالي", "فيسبوك 12 | تويتر 5 | واتساب 3", "الأحد 12 مايو 2024 | 10:30 ص | 1,245 مشاهدة"],
  ["الإيرادات | 35.5 | 36.9 | (3.8 %)", "صافي الربح | 1.2 | (0.4) | -", "منذ 3 ساعات والمفاوضات متواصلة بين الطرفين دون أي نتيجة.", "منذ 3 أشهر", "قبل 3 أيام", "1,245 مشاهدة", "عدد الطلاب | 1200 | 1350", "من نحن لنحكم على تجارب الآخرين في هذه الظروف الصعبة؟", "- إعلان الحكومة جاء متأخراً -", "A+B", "- بحث", "- المزيد", "أ-", "فريق العمل", "هيئة التحرير", "لا توجد تعليقات رسمية من الوزارة على التقرير حتى الآن.", "يجب تسجيل الدخول عبر النفاذ الوطني الموحد قبل تحديث بيانات الطالب.", "تابعونا نحن أيضا طوال سنوات وهم يحاولون إقناع الناخبين بأن البرنامج الانتخابي قابل للتطبيق فعلا.", "شارك آلاف المواطنين في المسيرة التي جابت شوارع العاصمة اليوم.", "وأعلنت الشركة عن الإعلان الرسمي لنتائجها المالية للربع الثالث من العام الجاري."],
);

table(
  "tweet-attribution",
  ["— The Straits Times (@straits_times) March 3, 2025", "– WHO EMRO (@WHOEMRO) January 14, 2025", "- نادي الهلال (@Alhilal_FC) 6 December 2024", "— وزارة الخارجية السورية (@SyrianMOFA) ١٤ شباط ٢٠٢٥", "\\- Someone (@some_one) 3 مارس 2025", "— النادي الأهلي (\u200e@AlAhly\u200f) 9 October 2025"],
  ["وكتب المستثمر على حسابه (@gulfventures) أن المنطقة تعيش لحظة مهمة.", "— هذا سطر يبدأ بشرطة ولا يحمل معرفاً", "— Name (@handle) without a date"],
  (l) => [PROSE, "", "Text of the tweet here", l, "", PROSE2],
  4,
);

table(
  "tweet-url",
  ["https://twitter.com/someone/status/1234567890", "https://x.com/HUMAINAI/status/1897312458860123456", "x.com/user_1/status/42?s=20", "https://x.com/i/status/1922334455667788990", "twitter.com/i/web/status/1922334455667788991"],
  ["https://example.com/user/status/1", "https://twitter.com/someone", "زوروا https://x.com/user/status/1 للمزيد"],
);

table(
  "title",
  ["لأغراض دفاعية.. روسيا تطلق صاروخاً يحمل مركبة فضائية", "العنابي يبدأ استعداداته لكأس الخليج"],
  ["ارتفعت أسعار الوقود في عدن مجدداً.", "هل تنجح الخطة؟", "• عنوان في قائمة"],
  (l) => [l, "", PROSE, "", PROSE2],
  1,
);

table(
  "byline",
  ["كتب: محمود عبد الرازق", "كتبت: هبة حسام", "بقلم - سارة المطيري", "By Omar Haddad", "إعداد - نور الهدى سالم", "تحرير: فهد القحطاني", "بواسطة: يوسف الإدريسي", "كتب- أحمد مسعد", "كتبت- منى علي", "كتب - أحمد مسعد:", "كتبت: منى علي :"],
  ["كتب الرئيس على حسابه في منصة إكس رسالة طويلة إلى الشعب يشرح فيها أسباب القرار الأخير.", "تحرير الموصل من داعش", "كتب ترامب على منصته:", "تحرير-الموصل: ذكرى عشر سنوات", "By-election results announced"],
  (l) => ["عنوان الخبر الرئيسي هنا اليوم", l, "", PROSE, "", PROSE2],
  2,
);

describe("a marker line's value", () => {
  const inBodyDoc = (line: string) => explainDump(inBody(line));
  it("is cut after the marker when a decoration of several characters stands before it", () => {
    // The marker's kind is decided on the line's own first word ("**"); the value is cut where the marker ends.
    expect(inBodyDoc("** للمزيد: خبر اقرأ المزيد").article.readMore).toEqual(["خبر اقرأ المزيد"]);
    expect(inBodyDoc("-- اقرأ أيضا: خبر اقرأ المزيد").article.readMore).toEqual(["خبر اقرأ المزيد"]);
  });

  it("is none when a long line's first word only starts like a marker (dropped marks fill the window it is read from)", () => {
    // 42 tatweels fold away: a 48-unit window of the text holds "الوسوم", the line's real first word is longer.
    const doc = inBodyDoc(`${"ـ".repeat(42)}الوسوم-${"ا".repeat(300)}`);
    expect(doc.article.tags).toEqual([]);
    expect(doc.lines!.find((l) => l.n === 3)!.label).toBe("paragraph");
  });
});

describe("a bare status URL that names no user", () => {
  it("is a tweet with a null handle (x.com/i/status, i/web/status), a named one keeps its handle", () => {
    const doc = explainDump(inBody("https://x.com/i/status/1922334455667788990"));
    expect(doc.article.tweets.map((t) => t.handle)).toEqual([null]);
    expect(explainDump(inBody("https://x.com/HUMAINAI/status/1")).article.tweets.map((t) => t.handle)).toEqual(["HUMAINAI"]);
  });
});

describe("a marker line in brackets", () => {
  const inBodyDoc = (line: string) => explainDump(inBody(line));
  it("loses the closing bracket with the opening one, and keeps a bracket the value opens itself", () => {
    expect(inBodyDoc("(المصدر: الجزيرة)").article.sources).toEqual(["الجزيرة"]);
    expect(inBodyDoc("(المصدر: وكالة الأنباء (وام))").article.sources).toEqual(["وكالة الأنباء (وام)"]);
    expect(inBodyDoc("المصدر: وكالة الأنباء (وام)").article.sources).toEqual(["وكالة الأنباء (وام)"]);
    expect(inBodyDoc("[اقرأ أيضاً: الحكومة تعلن خطة جديدة]").article.readMore).toEqual(["الحكومة تعلن خطة جديدة"]);
    expect(inBodyDoc("«كلمات دلالية: الذهب، النفط»").article.tags).toEqual(["الذهب", "النفط"]);
  });

  it("strips curly single quotes around a source like other quotes", () => {
    expect(inBodyDoc("المصدر: ‘الأهرام’").article.sources).toEqual(["الأهرام"]);
  });
});

describe("a tags marker alone", () => {
  const page = (...tagLines: string[]) => explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", "كلمات دلالية:", ...tagLines]);
  it("segments its only line when that line is space-joined tags", () => {
    const doc = page("الجيش السوداني قوات الدعم السريع الخرطوم ود مدني الأمم المتحدة");
    expect(doc.article.tags).toEqual(["الجيش السوداني", "قوات الدعم السريع", "الخرطوم", "ود مدني", "الأمم المتحدة"]);
    expect(doc.article.tagsText).toBe("الجيش السوداني قوات الدعم السريع الخرطوم ود مدني الأمم المتحدة");
  });
  it("keeps one tag a line when the list has several lines, however many words each has, blank lines between or not", () => {
    const doc = page("هيئة الأدب والنشر والترجمة", "منظمة الأغذية والزراعة العالمية");
    expect(doc.article.tags).toEqual(["هيئة الأدب والنشر والترجمة", "منظمة الأغذية والزراعة العالمية"]);
    expect(page("", "حملة التطعيم ضد شلل الأطفال", "", "وزارة الصحة", "", "مصر").article.tags).toEqual(["حملة التطعيم ضد شلل الأطفال", "وزارة الصحة", "مصر"]);
  });
  it("keeps a lone tag of four words whole", () => {
    expect(page("كأس الأمم الأفريقية 2025").article.tags).toEqual(["كأس الأمم الأفريقية 2025"]);
  });
  it("segments a lone line of 8 or more words even when site links follow it", () => {
    const doc = page("وزارة الصحة شلل الأطفال اللقاحات مصر منظمة الصحة العالمية", "", "من نحن");
    expect(doc.article.tags.slice(0, 5)).toEqual(["وزارة الصحة", "شلل الأطفال", "اللقاحات", "مصر", "منظمة الصحة العالمية"]);
  });
  it("ends with a footer's site links, which are dropped, not tags", () => {
    const doc = page("الموانئ", "النقل البحري", "", "من نحن", "اتصل بنا", "سياسة الخصوصية");
    expect(doc.article.tags).toEqual(["الموانئ", "النقل البحري"]);
    expect(doc.dropped.map((d) => [d.text, d.reason])).toEqual([["من نحن", "footer"], ["اتصل بنا", "footer"], ["سياسة الخصوصية", "footer"]]);
  });
  it("drops a prompt to click, which names no headline", () => {
    for (const prompt of ["للمزيد من أخبار المحافظات اضغط هنا", "للمزيد اضغط هنا", "اقرأ المزيد.. انقر هنا"]) {
      const doc = explainDump(inBody(prompt));
      expect(doc.article.readMore).toEqual([]);
      expect(doc.dropped.map((d) => [d.text, d.reason])).toEqual([[prompt, "navigation"]]);
    }
    expect(explainDump(inBody("للمزيد: هنا تبدأ الحكاية")).article.readMore).toEqual(["هنا تبدأ الحكاية"]);
  });
  it("gives a read-more value without the arrow after the marker, spaced or glued", () => {
    expect(explainDump(inBody("للمزيد 👈 خطة جديدة لدعم المزارعين")).article.readMore).toEqual(["خطة جديدة لدعم المزارعين"]);
    expect(explainDump(inBody("اقرأ ايضا.. خبر جديد عن الاقتصاد")).article.readMore).toEqual(["خبر جديد عن الاقتصاد"]);
    expect(explainDump(inBody("اقرأ أيضاً..خبر جديد عن الاقتصاد")).article.readMore).toEqual(["خبر جديد عن الاقتصاد"]);
    expect(explainDump(inBody("للمزيد 👈خطة جديدة لدعم المزارعين")).article.readMore).toEqual(["خطة جديدة لدعم المزارعين"]);
  });
});

describe("a read-also marker alone", () => {
  const page = (headline: string) => ["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", "اقرأ أيضاً:", headline, "", "المصدر: رويترز"];
  for (const headline of ["هل يتجه البنك المركزي إلى خفض الفائدة العام المقبل؟", "لماذا يلجأ المستثمرون إلى الذهب...", "الذهب يكسر حاجز الألفي دولار!"]) {
    it(`opens links when a headline ending in ؟ ! or … follows: ${headline}`, () => {
      const doc = explainDump(page(headline));
      expect(doc.readAlso).toEqual([]);
      expect(doc.article.readMore).toEqual([headline]);
      expect(doc.article.sources).toEqual(["رويترز"]);
    });
  }
  it("is an inline read-more when it is `إقرأ المزيد` (SPEC's read-more row): the headline, then the article goes on", () => {
    const doc = explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", "إقرأ المزيد", "", "مشروع الربط الكهربائي يدخل مرحلته الثانية", "", PROSE2, "", "المصدر: رويترز"]);
    expect(doc.readAlso).toEqual([]);
    expect(doc.article.readMore).toEqual(["مشروع الربط الكهربائي يدخل مرحلته الثانية"]);
    expect(doc.article.paragraphs).toEqual([PROSE, PROSE2]);
    expect(doc.article.sources).toEqual(["رويترز"]);
  });
  it("opens a sub-article when the line after it ends in a full stop", () => {
    expect(explainDump(page("وقال البنك في بيان إنه سيبقي الفائدة دون تغيير.")).readAlso).toHaveLength(1);
  });
  const H1 = "وزير النقل يفتتح طريقا جديدا في الجنوب";
  const box = (...lines: string[]) => explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", "اقرأ أيضا:", ...lines, "", PROSE2]);
  it("opens a sub-article when a title, then a short unpunctuated line (a subtitle, a dateline, a caption), then prose follow", () => {
    for (const second of ["ارتفاع الأسعار يطال السلع الأساسية", "القاهرة - أ ش أ", "مصر تطلق مشروعا لتحلية المياه"]) {
      const doc = box(H1, second);
      expect(doc.readAlso.map((a) => a.title)).toEqual([H1]);
      expect(doc.article.readMore).toEqual([]);
    }
  });
});

describe("boilerplate's cookie gate", () => {
  it("lets every cookie word through, and rules out a line without the gate's letters", () => {
    for (const word of COOKIE_WORD_LIST) expect(mayHoldCookieWords(charFlags(matchForm(word))), word).toBe(true);
    expect(mayHoldCookieWords(charFlags("قال الوزير في مؤتمر صحفي"))).toBe(false);
  });
});

table(
  "published",
  ["الثلاثاء، 12 مارس 2024 - 10:45 ص", "نُشر بتاريخ 12 آذار 2024", "2024-06-03 14:20", "نشر في: ٨ نوفمبر ٢٠٢٢", "تاريخ النشر: ١٤/٠٢/٢٠٢٥", "الأحد 2 جوان 2024 - 21:30", "Published March 12, 2024 - 3:05 PM", "نُشر في: الجمعة 12 أبريل/نيسان 2024 - 12:40"],
  ["في 12 مارس 2024 وقع الرئيس على القانون الجديد بعد مناقشات طويلة.", "12 مارس"],
  (l) => ["عنوان الخبر الرئيسي هنا اليوم", l, "", PROSE, "", PROSE2],
  2,
);

table(
  "related",
  ["مقالات مشابهة", "قد يهمك أيضاً:", "وقد يهمك أيضا", "أخبار ذات صلة", "الأكثر قراءة", "اخترنا لكم", "المزيد حول هذه القصة"],
  ["مقالات مشابهة كثيرة نشرت في الصحف خلال الأسبوع الماضي حول الموضوع."],
);

table(
  "read-also",
  ["إقرأ أيضاً:", "اقرأ ايضا", "إقرأ أيضًا :", "اقـرأ أيـضاً", "طالع أيضا", "شاهد أيضاً:", "انظر أيضا"],
  ["اقرأ أيضا هذا المقال"],
  (l) => [PROSE, "", l, "", "عنوان المقال الثاني", "", PROSE2],
);

/** A w3m-style dump wrapped at 72 columns. */
const WRAPPED = [
  "ارتفعت أسعار النفط بنحو ثلاثة في المئة في تعاملات اليوم الاثنين، بعدما",
  "اتفق تحالف أوبك بلس على تمديد تخفيضات الإنتاج الطوعية حتى نهاية العام",
  "المقبل.",
  "",
  "وصعدت العقود الآجلة لخام برنت إلى 81 دولاراً للبرميل، في حين ارتفع خام",
  "غرب تكساس الوسيط الأمريكي إلى 77 دولاراً، مسجلين أعلى مستوى لهما منذ",
  "ثلاثة أسابيع.",
  "",
  "وقال محللون في بنوك استثمارية كبرى إن قرار التمديد جاء متوافقاً مع أغلب",
  "توقعات السوق.",
];

describe("wrap-continuation", () => {
  const wrapped = WRAPPED;
  it("joins the lines of a hard-wrapped paragraph", () => expect(decided(wrapped, 2).rule).toBe("wrap-continuation"));
  it("joins a short last line of a wrapped paragraph", () => expect(decided(wrapped, 3).rule).toBe("wrap-continuation"));
  it("starts a new paragraph after a blank line", () => expect(decided(wrapped, 5).rule).toBe("paragraph"));
  it("does not join lines of a dump whose lines run past any wrap width", () => {
    const single = [PROSE + " " + PROSE2, "عنوان فرعي قصير", PROSE];
    expect(decided(single, 2).rule).not.toBe("wrap-continuation");
  });
  it("joins a headline the wrapper cut in two into the title, not a cut teaser", () => {
    const headline = ["تحالف أوبك بلس يمدد تخفيضات إنتاج النفط الطوعية حتى نهاية العام المقبل", "وسط مخاوف الطلب", ""];
    const doc = explainDump([...headline, ...WRAPPED]);
    expect(doc.article.title).toBe("تحالف أوبك بلس يمدد تخفيضات إنتاج النفط الطوعية حتى نهاية العام المقبل وسط مخاوف الطلب");
    expect(doc.lines!.slice(0, 2).map((l) => `${l.label}/${l.rule}`)).toEqual(["title/title", "title/wrap-continuation"]);
    const teaser = ["ارتفاع أسعار النفط بعد تمديد تخفيضات الإنتاج الطوعية حتى نهاية العام... أكمل", "القراءة", ""];
    expect(explainDump([...teaser, ...WRAPPED]).article.title).toBeNull();
  });
  it("joins a long cut headline (16–20 words) into the title when its date or byline comes right under it", () => {
    const headline = ["رئيس الوزراء يصدر قرارا بتشكيل لجنة عليا لمتابعة تنفيذ مشروعات المبادرة", "الرئاسية حياة كريمة في محافظات الصعيد"];
    const dated = explainDump([...headline, "الأحد 8 سبتمبر 2024 - 11:20 ص", "كتب: أحمد علي", "", ...WRAPPED]);
    expect(dated.article.title).toBe(headline.join(" "));
    expect([dated.article.published, dated.article.byline]).toEqual(["2024-09-08T11:20", "أحمد علي"]);
    // Without a date or byline under it too, as the same 18 words on one line of an unwrapped dump would be.
    expect(explainDump([...headline, "", ...WRAPPED]).article.title).toBe(headline.join(" "));
    // Past 20 words, or ending in a full stop, two cut lines are prose.
    const lede = ["أعلنت وزارة الصحة المصرية اليوم الثلاثاء إطلاق حملة وطنية للتطعيم ضد", "شلل الأطفال في جميع المحافظات تستهدف أكثر من ستة عشر مليون طفل."];
    expect(explainDump([...lede, "", ...WRAPPED]).article.title).toBeNull();
  });
});

// Regressions found in review: each line below once went to the wrong place.
table(
  "related-item",
  ["• 5 نصائح للحفاظ على صحتك", "1) 5 نصائح لنوم أفضل", "- 2024 عام الانتخابات"],
  [],
  (l) => [PROSE, "", "مقالات مشابهة", "", l],
  5,
);

table(
  "read-also",
  ["اقرأ أيضاً..", "(اقرأ أيضاً)", "[اقرأ أيضاً]", "اقرأ أيضاً -", "اقرأ أيضاً…", "اقرأ أيضاً 👇", "اقرأ أيضاً: 👈", "اقرأ أيضا ⬇️", "اقرأ أيضاً 👇🏻", "اقرأ أيضاً ⬅️"],
  [],
  (l) => [PROSE, "", l, "", "عنوان المقال الثاني", "", PROSE2],
);

table("related", ["مقالات مشابهة ↓", "• قد يهمك"], []);

table(
  "read-more",
  ["• اقرأ أيضا: عنوان خبر مرتبط هنا", "اقرأ ايضا.. خبر جديد عن الاقتصاد", "تفاصيل أخرى عن الحادث في المرفأ...اقرأ المزيد...", "تفاصيل جديدة عن الحادث في المرفأ … اقرأ المزيد »", "«كنت أخشى على ابني من المرض كل يوم، والآن أشعر بالاطمئنان بعد… اقرأ المزيد »", "للمزيد 👈 خطة جديدة لدعم المزارعين"],
  ["للمزيد من التفاصيل حول هذا الموضوع يمكنكم متابعة تقريرنا التالي:", "اقرأ أيضاً 👇"],
);

table(
  "byline",
  ["كتبت ـ سارة محمود", "كتب/ أحمد علي"],
  ["كتب ترامب على منصته تروث سوشيال:", "By the numbers: Egypt's economy in 2024"],
  (l) => ["عنوان الخبر الرئيسي هنا اليوم", l, "", PROSE, "", PROSE2],
  2,
);

table(
  "tag-item",
  ["الطقس", "عاجل", "فيسبوك", "مصر | ليبيا | تونس"],
  ["© 2024 جميع الحقوق محفوظة"],
  (l) => [PROSE, "", "الوسوم", l, "لبنان"],
  4,
);

table(
  "boilerplate",
  [],
  ["أعلنت جوجل أنها ستوقف دعم ملفات تعريف الارتباط (الكوكيز) من جهات خارجية في متصفح كروم العام المقبل.", "(Apple)"],
);

table(
  "published",
  ["الأحد 12 مارس 2024 | 10:30 ص | القاهرة", "نشر في ١٢ آذار ٢٠٢٤"],
  [],
  (l) => ["عنوان الخبر الرئيسي هنا اليوم", l, "", PROSE, "", PROSE2],
  2,
);

describe("top-menu", () => {
  const page = ["أخبار", "رياضة", "اقتصاد", "عنوان الخبر الرئيسي عن الاقتصاد اليوم", "كتب: أحمد علي", "", PROSE];
  it("drops one-word menu lines above the headline", () => {
    for (const n of [1, 2, 3]) expect(decided(page, n).rule).toBe("top-menu");
  });
  it("keeps the headline a title and the byline a byline", () => {
    expect(decided(page, 4).rule).toBe("title");
    expect(decided(page, 5).rule).toBe("byline");
  });
  it("keeps a two-word headline followed by its body", () => {
    expect(decided(["زلزال تركيا", "", PROSE], 1).rule).toBe("title");
    expect(decided(["زلزال تركيا", "كتب: أحمد علي", "", PROSE], 1).rule).toBe("title");
  });
  const HEADLINE = "الحكومة تطلق خطة جديدة لتطوير البنية التحتية";
  it("drops a site's name, a section, a skip link or a score over more chrome, above a longer headline with its body", () => {
    for (const chrome of ["سكاي نيوز عربية", "تخطى إلى المحتوى", "الأهلي 2-1 الزمالك", "تاسي 12,245.32 ▲ 0.45%", "* الرئيسية"]) {
      for (const page of [[chrome, "العالم العربي", "", HEADLINE, "", PROSE], [chrome, "بث مباشر", "", HEADLINE, "", PROSE]]) {
        expect(decided(page, 1)).toMatchObject({ rule: "top-menu", label: "dropped" });
        expect(decided(page, 4).rule).toBe("title");
      }
    }
  });
  it("keeps a short line alone above a longer one: a short headline over its subtitle, caption or unpunctuated lead", () => {
    expect(decided(["حريق في سوق العتبة", "", "صورة من موقع الحريق في وسط القاهرة", "", PROSE], 1).rule).toBe("title");
    expect(decided(["انتخابات المجالس البلدية", "", "إقبال متوسط في الساعات الأولى من التصويت اليوم", "", PROSE], 1).rule).toBe("title");
    const dated = ["ارتفاع أسعار الذهب", "", "كتب: محمد عبد الحميد", "", "الأحد 16 يونيو 2024 09:10 ص", "", "سجلت أسعار الذهب ارتفاعاً جديداً اليوم الأحد مع بداية تعاملات الأسبوع", "", PROSE];
    expect(decided(dated, 1).rule).toBe("title");
  });
  it("keeps a short headline with its date above a list of short lines (names) and the body", () => {
    const names = ["محمد أحمد السيد", "سارة محمود علي", "يوسف خالد إبراهيم", "مريم حسن عبد الله"];
    const page = ["أوائل الثانوية العامة 2024", "", "الثلاثاء 23 يوليو 2024", "", ...names, "", "وهنأ وزير التربية والتعليم الطلاب المتفوقين وأولياء أمورهم", "", PROSE];
    const doc = explainDump(page);
    expect(doc.article.title).toBe("أوائل الثانوية العامة 2024");
    expect(doc.dropped).toEqual([]);
  });
  it("drops a long menu, and reads the date and byline between it and the headline", () => {
    const menu = ["وكالة الأنباء المحلية", "محليات", "اقتصاد", "رياضة", "دولي", "ثقافة وفنون", "منوعات", "علوم", "صحة", "فيديو"];
    const page = [...menu, "", "12 مايو 2024", "", HEADLINE, "كتب- سامي العلي", "", PROSE];
    for (let n = 1; n <= menu.length; n++) expect(decided(page, n).rule).toBe("top-menu");
    const doc = explainDump(page);
    expect([doc.article.title, doc.article.byline, doc.article.published]).toEqual([HEADLINE, "سامي العلي", "2024-05-12"]);
  });
  it("keeps a short headline over its body, its byline, or a date and its body", () => {
    expect(decided(["انهيار جسر في جنوة", "", PROSE], 1).rule).toBe("title");
    expect(decided(["انهيار جسر في جنوة", "كتب: أحمد علي", "", PROSE], 1).rule).toBe("title");
    expect(decided(["انهيار جسر في جنوة", "", "12 مايو 2024", "", PROSE], 1).rule).toBe("title");
  });
  it("keeps a headline of more words than chrome has, even above another short line", () => {
    expect(decided([HEADLINE, "", "عمان - الغد", "", PROSE], 1).rule).toBe("title");
    expect(decided([HEADLINE, "", "قراءة خمس دقائق فقط هنا", "", PROSE], 1).rule).toBe("title");
  });
  it("is only at the top: not above a read-also sub-article's headline, nor after content", () => {
    expect(decided([HEADLINE, "", PROSE, "", "سكاي نيوز", "", "عنوان آخر طويل عن موضوع مختلف تماما", "", PROSE2], 5).rule).not.toBe("top-menu");
    const readAlso = [HEADLINE, "", PROSE, "", "إقرأ أيضاً:", "", "سكاي نيوز", "", "عنوان آخر طويل عن موضوع مختلف تماما", "", PROSE2];
    expect(decided(readAlso, 7).rule).not.toBe("top-menu");
  });
});

describe("title after a date or byline line, or before a tweet", () => {
  const HEADLINE = "انتخابات بلدية مبكرة في ثلاث محافظات الشهر المقبل";
  it("is the headline under a date line or a byline", () => {
    expect(decided(["الثلاثاء 3 سبتمبر 2024", "", HEADLINE, "", PROSE], 3).rule).toBe("title");
    expect(decided(["كتبت: هبة حسام", "", HEADLINE, "", PROSE], 3).rule).toBe("title");
  });
  it("is the headline with a source line under it, the source on its line or the next", () => {
    expect(explainDump([HEADLINE, "", "المصدر: وكالات", "", PROSE]).article.title).toBe(HEADLINE);
    const doc = explainDump([HEADLINE, "", "المصدر:", "دبي - الإمارات اليوم", "التاريخ: 18 يونيو 2024", "", PROSE]);
    expect([doc.article.title, doc.article.sources, doc.article.published]).toEqual([HEADLINE, ["دبي - الإمارات اليوم"], "2024-06-18"]);
  });
  it("is not a second byline or date line", () => {
    expect(decided(["كتبت: هبة حسام", "", "بقلم سارة خالد", "", PROSE], 3).rule).not.toBe("title");
    expect(decided(["الثلاثاء 3 سبتمبر 2024", "", "الأربعاء 4 سبتمبر 2024", "", PROSE], 3).rule).not.toBe("title");
  });
  it("is the headline when an embedded tweet follows it, and the headline is no part of the tweet", () => {
    const page = [HEADLINE, "", "نتطلع إلى مشاركة واسعة من الناخبين", "— الهيئة العليا للانتخابات (@isie_tn) May 21, 2025", "", PROSE];
    expect(decided(page, 1).rule).toBe("title");
    expect(decided(page, 3).rule).toBe("tweet-text");
    const dated = ["الثلاثاء 3 سبتمبر 2024", "", ...page];
    expect(decided(dated, 3).rule).toBe("title");
    expect(explainDump(dated).article.tweets.map((t) => t.text)).toEqual(["نتطلع إلى مشاركة واسعة من الناخبين"]);
  });
  it("leaves a tatweel rule of any length blank", () => {
    for (const n of [40, 321, 2000]) {
      const doc = explainDump([HEADLINE, "", "ـ".repeat(n), "", PROSE]);
      expect(doc.article.title).toBe(HEADLINE);
      expect(doc.lines!.map((l) => l.n)).toEqual([1, 5]);
    }
  });
});

describe("byline and date under a short label line", () => {
  const HEADLINE = "الحكومة تطلق خطة جديدة لتطوير البنية التحتية";
  it("reads the byline and the date after a dateline between them and the headline", () => {
    for (const label of ["عمان - الغد", "سكاي نيوز عربية - أبوظبي", "هسبريس – سعيد بنعلي"]) {
      const page = [HEADLINE, "", label, "تاريخ النشر: السبت 13 تموز 2024 - 5:45 م", "", PROSE];
      expect(decided(page, 3).rule).toBe("paragraph");
      expect(decided(page, 4).rule).toBe("published");
      expect(decided([HEADLINE, "", label, "كتب: سامي العلي", "", PROSE], 4).rule).toBe("byline");
    }
  });
  it("drops a time-ago line or a view counter near the top", () => {
    const doc = explainDump([HEADLINE, "", "منذ 3 ساعات", "1,245 مشاهدة", "كتب: سامي العلي", "", PROSE]);
    expect(doc.dropped.map((d) => [d.text, d.reason])).toEqual([["منذ 3 ساعات", "date"], ["1,245 مشاهدة", "chrome"]]);
    expect(doc.article.byline).toBe("سامي العلي");
  });
  it("adds the time of a lone time line right under the date line", () => {
    expect(explainDump([HEADLINE, "كتب: سامي العلي", "14 أغسطس 2024", "07:25 م", "", PROSE]).article.published).toBe("2024-08-14T19:25");
    expect(explainDump([HEADLINE, "14 أغسطس 2024", "", "الساعة 10:05", "", PROSE]).article.published).toBe("2024-08-14T10:05");
  });
  it("leaves a time line alone under a date that has its time, or not right under the date", () => {
    // A bare time may be a video's length.
    expect(explainDump([HEADLINE, "14 أغسطس 2024", "03:45", "", PROSE]).article.published).toBe("2024-08-14");
    const timed = explainDump([HEADLINE, "14 أغسطس 2024 - 09:00", "07:25 م", "", PROSE]);
    expect([timed.article.published, timed.article.paragraphs[0]]).toEqual(["2024-08-14T09:00", "07:25 م"]);
    // A time line above the date is a paragraph, and then the date is the body's.
    expect(explainDump([HEADLINE, "07:25 م", "14 أغسطس 2024", "", PROSE]).article.published).toBeNull();
  });
  it("does not after another short line: a date in the body is the body's (a match's, an event's)", () => {
    expect(decided([HEADLINE, "", "الأهلي والزمالك", "الجمعة 20 سبتمبر 2024", "", PROSE], 4).rule).toBe("paragraph");
    expect(decided([HEADLINE, "", "موعد الافتتاح", "الخميس 26 سبتمبر 2024", "", PROSE], 4).rule).toBe("paragraph");
  });
  it("does not after a sentence, or a paragraph of prose", () => {
    expect(decided([HEADLINE, "", "قالت الوزارة إن الخطة جاهزة.", "12 مايو 2024", "", PROSE], 4).rule).not.toBe("published");
    expect(decided([HEADLINE, "", PROSE, "12 مايو 2024", "", PROSE2], 4).rule).not.toBe("published");
  });
});

describe("a source marker alone", () => {
  const page = (...lines: string[]) => explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", ...lines, "", PROSE2]);
  it("takes the source's name from the next line, quotes stripped, blank lines between or not", () => {
    expect(page("المصدر:", "دبي - الإمارات اليوم").article.sources).toEqual(["دبي - الإمارات اليوم"]);
    expect(page("المصادر :", "", "«وكالة الأنباء الرسمية»").article.sources).toEqual(["وكالة الأنباء الرسمية"]);
    expect(page("المصدر:", "دبي - الإمارات اليوم").article.paragraphs).toEqual([PROSE, PROSE2]);
  });
  it("takes one name a line while they follow one another, and the date right under them is still the date", () => {
    expect(page("المصادر:", "وزارة الأشغال العامة", "منظمة الصحة العالمية", "البنك الدولي").article.sources).toEqual(["وزارة الأشغال العامة", "منظمة الصحة العالمية", "البنك الدولي"]);
    const top = explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", "المصدر:", "دبي - الإمارات اليوم", "التاريخ: 18 يونيو 2024", "", PROSE]);
    expect([top.article.sources, top.article.published]).toEqual([["دبي - الإمارات اليوم"], "2024-06-18"]);
  });
  it("is only the article's: in a related list it is an item as before", () => {
    const doc = explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", "الأكثر قراءة", "وزير النقل يفتتح طريقا جديدا", "المصدر:", "مصر تطلق مشروعا لتحلية المياه", "أسعار الذهب تواصل الارتفاع"]);
    expect(doc.article.sources).toEqual([]);
    expect(doc.related).toHaveLength(4);
  });
  it("is no marker line to the other rules: a read-also sub-article with it under its title stays one", () => {
    const doc = explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", "اقرأ أيضا:", "", "وزير النقل يفتتح طريقا جديدا في الجنوب", "", "المصدر:", "وكالات", "", PROSE2]);
    expect(doc.readAlso.map((a) => [a.title, a.sources])).toEqual([["وزير النقل يفتتح طريقا جديدا في الجنوب", ["وكالات"]]]);
  });
  it("takes nothing when prose, a marker, a bullet, chrome, a date or a byline follows, or without its colon", () => {
    const others = ["جميع الحقوق محفوظة © 2024", "تابعونا على فيسبوك", "12 مايو 2024", "كتب: سامي العلي", "ينتهي العمل بالمشروع في نهاية العام المقبل كما هو مخطط له"];
    for (const lines of [["المصدر:", PROSE], ["المصدر:", "كلمات دلالية: مصر، السودان"], ["المصدر:", "• وكالات"], ["المصدر", "وكالات"], ...others.map((o) => ["المصدر:", o])]) {
      expect(page(...lines).article.sources).toEqual([]);
    }
  });
});

describe("a related list's item dates and ranks", () => {
  const page = (...items: string[]) => explainDump(["عنوان الخبر الرئيسي هنا اليوم", "", PROSE, "", "الأكثر قراءة", ...items]);
  it("drops an item's date line and a rank on a line of its own, and the list goes on", () => {
    const doc = page("1", "وزير النقل يفتتح طريقا جديدا في الجنوب", "الأحد، 16 يونيو 2024 09:10 ص", "", "٢", "مصر تطلق مشروعا لتحلية المياه", "(3)", "أسعار الذهب تواصل الارتفاع");
    expect(doc.related).toEqual(["وزير النقل يفتتح طريقا جديدا في الجنوب", "مصر تطلق مشروعا لتحلية المياه", "أسعار الذهب تواصل الارتفاع"]);
    expect(doc.dropped.map((d) => d.reason)).toEqual(["numbering", "date", "numbering", "numbering"]);
  });
  it("drops an item's time-ago line or view counter", () => {
    const doc = page("وزير النقل يفتتح طريقا جديدا في الجنوب", "منذ 3 ساعات", "مصر تطلق مشروعا لتحلية المياه", "2,310 مشاهدة");
    expect(doc.related).toEqual(["وزير النقل يفتتح طريقا جديدا في الجنوب", "مصر تطلق مشروعا لتحلية المياه"]);
  });
  it("keeps a headline that holds a number or a date", () => {
    expect(page("2024 عام الانتخابات في العالم", "10 آلاف", "1000").related).toEqual(["2024 عام الانتخابات في العالم", "10 آلاف", "1000"]);
  });
});

describe("hard-wrap detection", () => {
  it("does not take short one-line paragraphs of similar length for a wrapped dump", () => {
    const dump = [
      "وزير الخارجية المصري يلتقي نظيره الأردني في عمان لبحث التطورات",
      "القاهرة - التقى وزير الخارجية نظيره الأردني في عمان اليوم الأحد.",
      "وبحث الجانبان خلال اللقاء آخر التطورات في المنطقة والأوضاع فيها.",
      "وأكد الوزيران على ضرورة وقف إطلاق النار فوراً في جميع الجبهات.",
      "وأشار الوزير إلى أهمية إدخال المساعدات الإنسانية دون أي عوائق.",
    ];
    expect(decided(dump, 1).rule).toBe("title");
    expect(decided(dump, 3).rule).toBe("paragraph");
  });
  it("still sees a wrapped dump that holds one long URL line", () => {
    const dump = [...WRAPPED, "", "https://example.com/very/long/url/that/a/text/browser/never/breaks/at/the/wrap/width/2024/06/03/oil"];
    expect(decided(dump, 2).rule).toBe("wrap-continuation");
    expect(decided(dump, 6).rule).toBe("wrap-continuation");
  });
});
