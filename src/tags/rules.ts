/**
 * Arabic noun-phrase rules that glue the words of one tag when no lexicon knows it (SPEC §1 "Tags"):
 * - a word starting with the conjunction و joins the tag before it (`أسلحة ومعدات`);
 * - a nisba adjective agreeing with its noun joins it: definite after definite (`الجيش الليبي`,
 *   `وزارة الدفاع الروسية` after a construct), indefinite after indefinite (`معدات عسكرية`);
 * - a construct (idafa), an indefinite head noun then a definite noun, stays together (`كأس العالم`),
 *   also through a chain of heads (`رئيس مجلس الوزراء`);
 * - a prepositional complement stays with its noun (`الأزمة الإنسانية في السودان`, `… للكتاب`).
 * All words are compared by their match form; the lists are folded to match form when first used.
 */
import { matchForm } from "../text/matchForm.js";
import type { TagWord } from "./words.js";

/** A word list as a set of match forms, built on first use (lists are written as the press spells). */
function wordSet(text: string): () => ReadonlySet<string> {
  let set: Set<string> | null = null;
  return () => (set ??= new Set(text.split(/\s+/u).filter(Boolean).map(matchForm)));
}

/** Prepositions that sit inside a multi-word tag (never at its edge). */
export const PREPOSITIONS = new Set(["في", "من", "علي", "الي", "عن", "مع", "ضد", "بين", "حول"]);

/** How a unit attached to the phrase before it; `pending` is a head still waiting for its definite noun. */
export const Attach = { First: 0, Adj: 1, Other: 2, Pending: 3 } as const;
export type Attach = (typeof Attach)[keyof typeof Attach];
export const ATTACH_KINDS = 4;

/**
 * Everyday words that begin with و as a root letter, not the conjunction. With the first words of
 * every lexicon entry they tell `وزارة` (a tag's start) from `ومعدات` (and equipment).
 */
const nativeWaw = wordSet(
  `وزاره وزارات وزير وزيره وزراء وكاله وكالات وكيل ولايه ولايات والي ولي وادي وسط وفد وفود وحده وحدات
  وقف وثيقه وثائق ورقه وباء وفاه وفيات وظائف وظيفه وقود وسائل وسيله وعد وضع واقع ولاده وجه وجهه وطن
  ورشه وصول وقفه ورثه وارد واردات ودائع وديعه وساطه وسيط وصايه وصيه ولاء وعي وقت وقائع واجب واجهه
  وجبه وزن وسام وسم وسوم وعود وقايه وكر ولع ومضه وهم وهج وئام ويل وليد وائل وسيم وديع وجدي وفاء
  وعد وهبي وهران وجده ولد واشنطن وارسو ويلز وول ويكيليكس واتساب ويندوز ووهان والمارت واي وين ويست
  وايت وورلد وكيليكس وفيات ورد وردي`
);

/** Bare forms (no ال) of nouns that end like a nisba adjective but are not one. */
const notNisba = wordSet(
  `اراضي قاضي نادي وادي كرسي حي وعي زي مباني معاني اغاني اماني ليالي اهالي ايدي مساعي ضواحي نواحي
  مراعي اعالي محامي ساقي داعي راعي مرمي مجاري مواشي ماسي اراضيه قضيه اتفاقيه ميزانيه حريه جمعيه
  روايه بدايه نهايه قريه هديه اغنيه ضحيه وصيه تسويه تغطيه تنميه تربيه تعزيه تحيه رويه اولويه عضويه
  هويه مسووليه جنسيه ترقيه تصفيه زاويه ساريه باديه غالبيه اغلبيه اقليه عمليه عمليات نظريه امبراطوريه
  جمهوريه اكاديميه بلديه كليه مفوضيه قنصليه مديريه ولايه رعايه حمايه دعايه وقايه ميليشيه مليشيه
  سريه كميه نوعيه شرعيه اتفاقي علي مهدي هادي`
);

/**
 * Common nouns of news tags, bare (no ال). As indefinite words they head a construct (`وزاره الدفاع`);
 * as definite ones they take a name used as an adjective (`الحكومه السعوديه`). Heads that open an
 * entry of the built-in list are added from the list itself.
 */
export const commonNouns = wordSet(
  `وزاره وزير وزيره وزراء رئيس رييس رئاسه رييسه نايب مجلس قوات قوه حركه حزب جامعه منظمه وكاله مطار ميناء
  مدينه محافظه ولايه اقليم منطقه قطاع سد نهر بحر جبل جزيره جزر كاس بطوله دوري نادي منتخب بنك صندوق شركه
  شركات سوق اسواق اسعار سعر ازمه حرب معركه عمليه اتفاق اتفاقيه قمه مؤتمر موتمر انتخابات هيئه لجنه محكمه
  قانون مشروع برنامج ملف قضيه حقوق حريه تحالف جيش جماعه تنظيم مليشيا ميليشيا فصائل فصيل كتائب لواء فرقه
  مكتب مركز معهد مستشفي مجمع هجوم هجمات قصف غاره غارات حصار انفجار زلزال اعصار فيضانات حريق تظاهرات
  احتجاجات مظاهرات ثوره انقلاب اغتيال اعتقال محاكمه عقوبات مفاوضات محادثات هدنه تسويه مبادره خطه قرار
  ميزانيه موازنه ديون قرض ضرائب تضخم نمو ركود صادرات واردات انتاج اسعار تجاره استثمار استثمارات طاقه
  نفط غاز كهرباء مياه سياحه زراعه صناعه تعليم صحه وباء فيروس لقاح مرض علاج دواء امن دفاع خارجيه داخليه
  ماليه اقتصاد تخطيط عدل اعلام ثقافه شباب رياضه اوقاف نقل اتصالات بيئه سكان اسكان عمل عمال مراه اطفال
  حكومه دوله دول بلاد شعب مجتمع اداره سلطه سلطات نظام معارضه برلمان كونغرس اتحاد جمعيه نقابه رابطه
  مؤسسه موسسه هيئات وكالات مجالس لجان قيادات قائد قاده زعيم زعماء امير ملك ولي سفير سفاره قنصليه وفد
  مبعوث امين مدير محافظ حاكم قاضي نواب مستشار متحدث جنرال مشير عقيد ضابط جنود جندي اسري لاجئين نازحين
  ضحايا قتلي جرحي مصابين مفقودين سجن سجون معتقل معبر حدود مخيم مخيمات قريه بلده عاصمه ساحل صحراء
  خليج مضيق قناه طريق جسر سكه شبكه منصه موقع تطبيق هاتف اسلحه معدات صواريخ صاروخ طائرات طايرات طائره
  طاييره مسيرات دبابات سفن غواصات حامله اسطول ذخائر قنابل تكنولوجيا تقنيه ذكاء علوم بحوث ابحاث فضاء
  كرة كره العاب لعبه اولمبياد مونديال كاس موسم مباراه مباريات نهائي دور تصفيات لاعب لاعبي مدرب جمهور
  مهرجان معرض جائزه جوائز فيلم افلام مسلسل مسلسلات اغنيه كتاب كتب روايه مسرح متحف تراث اثار صلاه صيام
  حج عمره عيد شهر يوم ذكري ازمات حروب مجازر مجزره ابادة اباده تهجير استيطان مستوطنات احتلال مقاومه
  انتفاضه تطبيع سلام مساعدات اغاثه مجاعه فقر بطاله هجره تغير ارتفاع انخفاض تراجع انهيار ازدياد
  حاكم حكام امانه جهاز اجهزه استخبارات مخابرات شرطه حرس درك بحريه سلاح خفر بورصه مؤشر موشر عمله
  عملات ذهب فضه قطن قمح خبز وقود بنزين ديزل سيارات سياره مصنع مصانع مناجم منجم`
);

function bare(w: TagWord): string {
  return isDefinite(w) ? w.core.slice(2) : w.core;
}

export function isDefinite(w: TagWord): boolean {
  return w.core.length >= 4 && w.core.startsWith("ال");
}

/** Nisba shape: `…ي`, `…يه` (ية), `…يون`, `…يين` after a stem of two letters or more not ending in ا. */
export function isNisba(w: TagWord): boolean {
  if (!w.arabic || w.maqsura) return false;
  const f = w.core;
  const from = w.def ? 2 : 0;
  const end = f.length;
  let suffix = 0;
  if (f.endsWith("يين") || f.endsWith("يون")) suffix = 3;
  else if (f.endsWith("يه")) suffix = 2;
  else if (f.endsWith("ي")) suffix = 1;
  else return false;
  const stemEnd = end - suffix;
  if (stemEnd - from < 2 || f.charCodeAt(stemEnd - 1) === 0x0627) return false;
  for (let i = from; i < end; i++) {
    const c = f.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return !notNisba().has(from ? f.slice(from) : f);
}

/** Whether `w` starts with the conjunction و rather than a root letter و. */
export function isConjunction(form: string, knownFirstWords: (f: string) => boolean): boolean {
  if (form.length < 3 || form.charCodeAt(0) !== 0x0648) return false;
  for (let i = 1; i < form.length; i++) {
    const c = form.charCodeAt(i);
    if (c < 0x0621 || c > 0x064a) return false;
  }
  return !nativeWaw().has(form) && !knownFirstWords(form);
}

/** Sets the word's grammatical facts once (after its conjunction is known), for `link` to read. */
export function classifyWord(w: TagWord, isHead: (core: string) => boolean): void {
  w.def = isDefinite(w);
  w.nisba = isNisba(w);
  w.head = !w.def && w.arabic && isHead(w.core);
}

/** Whether the word, bare of ال, is a common noun of the list (asked rarely, so computed on demand). */
function isCommon(w: TagWord): boolean {
  if (w.common === null) w.common = commonNouns().has(bare(w));
  return w.common;
}

/**
 * How the next unit (first word `n`, `nWords` long, `nName` when it is a one-word name) attaches to
 * the phrase whose last unit (last word `p`, `pWords` long, `pName` likewise) attached by `attach`;
 * null when a tag boundary falls between them.
 */
export function link(
  p: TagWord,
  pWords: number,
  pName: boolean,
  attach: Attach,
  n: TagWord,
  nWords: number,
  nName: boolean,
): Attach | null {
  if (attach === Attach.Pending) {
    // A head waiting for its noun takes only a construct continuation.
    if (n.def && n.arabic) return Attach.Other;
    return nWords === 1 && !nName && !n.conj && n.head ? Attach.Pending : null;
  }
  if (n.conj || p.bareWaw || n.bareWaw) return Attach.Other;
  if (!p.arabic || !n.arabic) return null;
  // A prepositional complement stays in its tag: `الأزمة الإنسانية في السودان`, `معرض … للكتاب`
  // (li + al glued: `للكتاب`). A preposition never ends a tag, and the noun after it joins.
  if (PREPOSITIONS.has(p.form) || (PREPOSITIONS.has(n.form) && nWords === 1)) return Attach.Other;
  if (nWords === 1 && n.form.length > 3 && n.form.startsWith("لل")) return Attach.Other;
  const pIsName = pWords === 1 && pName;

  // A nisba adjective after its noun: `الجيش الليبي`, `معدات عسكرية`. A country name shaped like one
  // (`السعودية`) is an adjective only after a known common noun (`الحكومة السعودية`).
  if (nWords === 1 && !pIsName && n.nisba && (!nName || (pWords === 1 && isCommon(p)))) {
    if (n.def && p.def) return Attach.Adj;
    // Only one indefinite adjective: in a tags line `قمة عربية قضية …` the next ية-word starts a tag.
    if (!n.def && !p.def && attach !== Attach.Adj) return Attach.Adj;
  }

  // A construct: an indefinite head noun, then a definite noun (`كأس العالم`), or another head that
  // will take one (`رئيس مجلس` … `الوزراء`).
  if (pWords === 1 && !pIsName && p.head && attach !== Attach.Adj) {
    // A name as the second noun (`جامعة القاهرة`) only after a head of the curated list: a head learned
    // from the lexicon's entries (`جرائم` of `جرائم الحرب`) is too often a tag of its own before a place.
    if (n.def) return nWords === 1 && nName && !isCommon(p) ? null : Attach.Other;
    if (nWords === 1 && !nName && n.head) return Attach.Pending;
  }
  return null;
}
