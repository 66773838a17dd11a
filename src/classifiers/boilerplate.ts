/**
 * Site chrome that is not the article: share bars, "follow us", copyright, ad labels, newsletter and comment
 * prompts, cookie notices, navigation crumbs, image credits, live labels, font toolbars, player timers,
 * weather widgets, unrendered Instagram embeds. Only short lines qualify: prose that mentions "تابعونا" stays.
 */
import { loneDate } from "../text/dates.js";
import { CharFlag, matchForm } from "../text/matchForm.js";
import { hasCode, type Line } from "../text/lines.js";
import type { Classifier } from "./types.js";

/** Chrome lines are labels and button rows; a longer line is prose whatever words it starts with. */
const MAX_CHROME_WORDS = 14;
/** Cookie and copyright notices are whole sentences. */
const MAX_NOTICE_WORDS = 45;

type Reason = "share" | "follow" | "copyright" | "ad" | "newsletter" | "comments" | "cookies" | "navigation" | "footer" | "image-credit" | "chrome" | "embed";

/** Whole-line labels, as pages write them (folded to the match form when the tables are first built). */
const EXACT_PHRASES: [Reason, string[]][] = [
  ["share", ["شارك", "مشاركه", "شارك الخبر", "شارك المقال", "شارك القصه", "شارك هذا المقال", "شارك على", "شارك عبر", "انشر", "share", "share this", "share this article", "share on", "tweet", "نسخ الرابط", "copy link", "طباعه", "ارسل", "ارسال", "print", "email"]],
  ["ad", ["اعلان", "إعلانات", "مساحه اعلانيه", "advertisement", "advertising", "ad", "ads", "sponsored", "محتوي مدفوع", "محتوي ممول", "برعايه", "اعلان تجاري"]],
  ["comments", ["التعليقات", "تعليقات", "تعليقات الزوار", "تعليقات القراء", "لا توجد تعليقات بعد", "لا توجد تعليقات على الخبر", "لا توجد تعليقات على المقال", "سجل الدخول للتعليق", "سجل دخولك للتعليق", "يجب تسجيل الدخول للتعليق", "اضف تعليق", "اضف تعليقك", "اترك تعليقا", "اترك تعليق", "اكتب تعليقك", "شارك برايك", "شاركنا رايك", "لا توجد تعليقات", "comments", "leave a comment", "add comment", "0 تعليق", "تعليق"]],
  ["chrome", ["مباشر", "بث مباشر", "live", "عاجل", "حجم الخط", "تكبير الخط", "تصغير الخط", "الاستماع للمقال", "استمع للمقال", "استمع", "listen", "المزيد", "تحميل المزيد", "عرض المزيد", "load more", "اغلاق", "close", "menu", "القائمه", "بحث", "search", "تسجيل الدخول", "login", "sign in", "الطقس"]],
  // A footer's site links, one a line (joined by "|" they are crumbs): never a tag of the list above them.
  ["footer", ["من نحن", "اتصل بنا", "اتصلوا بنا", "سياسه الخصوصيه", "شروط الاستخدام", "الشروط والاحكام", "اعلن معنا", "اعلن لدينا", "خريطه الموقع", "about us", "contact us", "contact", "privacy policy", "terms of use", "terms and conditions", "sitemap", "advertise with us"]],
  ["embed", ["view this post on instagram", "عرض هذا المنشور على انستغرام", "عرض هذا المنشور علي انستغرام", "watch on youtube", "شاهد على يوتيوب"]],
  ["newsletter", ["النشره البريديه", "اشترك", "اشترك الان", "subscribe", "subscribe now"]],
];

/** Line starts. */
const START_PHRASES: [Reason, string[]][] = [
  ["share", ["شارك على", "شارك عبر", "شارك الخبر", "شارك المقال", "share on", "share via", "مشاركه عبر", "مشاركه على"]],
  ["follow", ["تابعونا على", "تابعونا عبر", "تابعونا في", "تابعنا على", "تابعنا عبر", "تابعنا في", "تابعوا", "follow us", "انضم الى قناتنا", "انضموا الى", "انضم لقناتنا", "لمتابعه اخر الاخبار", "لمتابعه اخبارنا", "تابعوا اخر الاخبار", "حمل تطبيق", "حمل التطبيق", "download our app", "تابع قناتنا", "اشترك في قناتنا"]],
  ["copyright", ["جميع الحقوق محفوظه", "كل الحقوق محفوظه", "حقوق النشر", "حقوق الطبع", "copyright", "all rights reserved", "الحقوق محفوظه"]],
  ["newsletter", ["اشترك في النشره", "اشترك في نشرتنا", "اشترك في القائمه البريديه", "اشترك الان", "اشترك مجانا", "سجل بريدك", "ادخل بريدك", "subscribe to", "sign up for", "النشره البريديه", "نشرتنا البريديه"]],
  ["comments", ["اضف تعليقك", "اضف تعليق", "اترك تعليقا", "اكتب تعليقك", "التعليقات (", "تعليقات (", "عدد التعليقات"]],
  ["cookies", ["يستخدم هذا الموقع ملفات", "نستخدم ملفات تعريف الارتباط", "يستخدم موقعنا ملفات", "this website uses cookies", "we use cookies", "this site uses cookies", "باستخدامك هذا الموقع"]],
  ["image-credit", ["مصدر الصوره", "الصوره:", "صوره:", "الصوره من", "صوره ارشيفيه", "صوره تعبيريه", "تصوير:", "photo:", "photo credit", "image:", "image credit", "credit:", "(صوره"]],
  ["embed", ["a post shared by", "منشور شاركه", "view this post on instagram", "view on instagram"]],
  ["chrome", ["مده القراءه", "وقت القراءه", "دقائق قراءه", "reading time", "min read", "اخر تحديث للصفحه"]],
];

/** Words a share bar is made of. */
const SOCIAL_WORDS = ["فيسبوك", "فيس", "بوك", "فيس بوك", "تويتر", "اكس", "واتساب", "واتس", "اب", "تيليجرام", "تلغرام", "تليجرام", "لينكدان", "لينكد", "ان", "انستغرام", "انستجرام", "يوتيوب", "تيك", "توك", "سناب", "شات", "ماسنجر", "بريد", "الكتروني", "البريد", "الالكتروني", "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "instagram", "youtube", "tiktok", "snapchat", "pinterest", "reddit", "messenger", "email", "e-mail", "mail", "print", "copy", "link", "share", "طباعه", "نسخ", "الرابط", "مشاركه", "شارك", "|", "-", "/", "•", "·"];

interface Tables {
  exact: Map<string, Reason>;
  /** Length of the longest exact phrase: a longer line is not looked up (hashing it would cost a pass). */
  exactMax: number;
  /** exactKey of each exact phrase: a line whose key is not here is no phrase, and is neither sliced nor hashed. */
  exactKeys: Set<number>;
  /** Starts indexed by their first word, so a line costs one probe. */
  starts: Map<string, [string, Reason][]>;
  social: Set<string>;
  home: string;
}

let tables: Tables | null = null;

/** A phrase's first unit and length as one number. */
const exactKey = (first: number, length: number) => first * 64 + length;

/** Built on first use (nothing runs at import). */
function chromeTables(): Tables {
  if (tables) return tables;
  const exact = new Map<string, Reason>();
  for (const [reason, phrases] of EXACT_PHRASES) for (const p of phrases) exact.set(matchForm(p), reason);
  const starts = new Map<string, [string, Reason][]>();
  for (const [reason, phrases] of START_PHRASES) {
    for (const p of phrases) {
      const start = matchForm(p);
      const key = start.split(/[ :]/u)[0]!;
      starts.set(key, [...(starts.get(key) ?? []), [start, reason]]);
    }
  }
  const exactMax = Math.max(...[...exact.keys()].map((k) => k.length));
  const exactKeys = new Set([...exact.keys()].map((k) => exactKey(k.charCodeAt(0), k.length)));
  return (tables = { exact, exactMax, exactKeys, starts, social: new Set(SOCIAL_WORDS.map(matchForm)), home: matchForm("الرئيسية") });
}

/** Words only a cookie notice uses (match forms). */
export const COOKIE_WORD_LIST: readonly string[] = ["cookie", "ملفات تعريف الارتباط", "الكوكيز", "ملفات الارتباط"];
const COOKIE_WORDS = new RegExp(COOKIE_WORD_LIST.join("|"), "u");
/**
 * Each of COOKIE_WORD_LIST holds k, or ط and ف, or ز and ك (a test checks it): a line whose flags show none
 * of these pairs cannot match, and ~60% of short lines are ruled out without running the expression.
 */
export function mayHoldCookieWords(flags: number): boolean {
  return (flags & CharFlag.K) !== 0 || (flags & (CharFlag.TAH | CharFlag.FEH)) === (CharFlag.TAH | CharFlag.FEH) || (flags & (CharFlag.ZAIN | CharFlag.KAF)) === (CharFlag.ZAIN | CharFlag.KAF);
}
const COOKIE_NOTICE_WORDS = /هذا الموقع|الموقع يستخدم|موقعنا|نستخدم|تصفحك|التصفح|تجربتك|website|this site|we use|browsing|your experience/u;
const NONE: [string, Reason][] = [];
// "A+ A-", "A A+ A-", and "A+" or "A-" a line each (Latin only: "أ-" alone is an Arabic list's first letter)
const TOOLBAR = /^(?:[aا][+-]?\s*){2,4}$|^a[+-]$/u;
/** What may set off a whole-line label: spaces, colons, stops, dashes, stars, bullets, bars. */
const LABEL_DECORATION = " :：.!-–—*•·|_";
const TIMER = /^\d{1,2}:\d{2}(?::\d{2})?\s*\/\s*\d{1,2}:\d{2}(?::\d{2})?$/u; // "00:00 / 00:16"
const WEATHER = /(?:^|\s)-?\d{1,2}\s*°\s*[cfسم]?$/u; // "34°C", "القاهرة 34°"
const NAV_SEPARATORS = /\s[>»›|/]\s|\s[<«‹]\s/gu;
/** A cell of a table's figures: `35.5`, `(3.8 %)`, `-0.4`, `1,200` — with a decimal or thousands mark, a percent sign, or 3+ digits. */
const FIGURE_CELL = /^\(?[-+]?(?:\d+[.,]\d+(?:[.,]\d+)*|\d{3,})\s*%?\)?$|^\(?[-+]?\d+\s*%\)?$/u;

/**
 * A table's row set out with `|` ("الإيرادات | 35.5 | 36.9 | (3.8 %)"): two cells or more that are figures. A pager
 * ("1 | 2 | 3 | التالي") or a share bar's counts ("فيسبوك 12 | تويتر 5") holds no such cell.
 */
function isFiguresRow(mf: string): boolean {
  let figures = 0;
  for (const cell of mf.split("|")) if (FIGURE_CELL.test(cell.trim()) && ++figures === 2) return true;
  return false;
}
const AGENCY_CREDIT = /^\((?:[^()]{0,40}(?:getty|afp|reuters|رويترز|ا ف ب|فرانس برس|اسوشيتد|\bap\b|\bepa\b|shutterstock|الاناضول|وكالات|ارشيفيه|تعبيريه)[^()]{0,40})\)$/u;

/** Why `line` is site chrome, or null (cached on the line: the title look-ahead and the tag list ask too). */
export function boilerplateReason(line: Line): Reason | null {
  if (line.chromeReason === undefined) line.chromeReason = computeReason(line);
  return line.chromeReason as Reason | null;
}

function computeReason(line: Line): Reason | null {
  const words = line.words;
  if (words > MAX_NOTICE_WORDS) return null;
  const mf = line.mf;
  const flags = line.flags;
  // "©" marks a footer, not a sentence that mentions one (a photo credit inside a caption is short too).
  if (mf.startsWith("(c) ") || ((flags & CharFlag.COPYRIGHT) !== 0 && (mf.startsWith("©") || (words <= MAX_CHROME_WORDS && mf.includes("©"))))) return "copyright";
  const t = chromeTables();
  for (const [start, reason] of t.starts.get(line.first) ?? NONE) {
    if (!mf.startsWith(start)) continue;
    if (reason === "cookies" || reason === "copyright" || words <= MAX_CHROME_WORDS) return reason;
  }
  // A cookie notice speaks of "this site" and "your browsing"; a news sentence about cookies does not.
  if (mayHoldCookieWords(flags) && COOKIE_WORDS.test(mf) && COOKIE_NOTICE_WORDS.test(mf)) return "cookies";
  if (words > MAX_CHROME_WORDS) return null;
  // A label may be set off with dashes or stars on both sides: "- إعلان -", "* * إعلان * *". On one side only it
  // may be a list's item ("- بحث") or a line of dialogue ("- المزيد"): then only the colons and stops after it go.
  let start = 0;
  while (start < mf.length && hasCode(LABEL_DECORATION, mf.charCodeAt(start))) start++;
  const trailing = start > 0 ? LABEL_DECORATION : " :：.!";
  let end = mf.length;
  while (end > start && hasCode(trailing, mf.charCodeAt(end - 1))) end--;
  if (start > 0 && end === mf.length) start = 0;
  const exact = end - start <= t.exactMax && t.exactKeys.has(exactKey(mf.charCodeAt(start), end - start)) ? t.exact.get(start === 0 && end === mf.length ? mf : mf.slice(start, end)) : undefined;
  if (exact) return exact;
  // Each shape test is gated by a one-character check: most short lines are headlines, not chrome.
  const c0 = mf.charCodeAt(0);
  if ((c0 === 0x61 || c0 === 0x0627) && TOOLBAR.test(mf)) return "chrome";
  if (c0 >= 0x30 && c0 <= 0x39 && TIMER.test(mf)) return "chrome";
  if (words <= 4 && mf.includes("°") && WEATHER.test(mf)) return "chrome";
  if (c0 === 0x28 && AGENCY_CREDIT.test(mf)) return "image-credit";
  // Navigation crumbs: "الرئيسية > أخبار > عربي ودولي" — short segments between separators.
  const crumbs = (flags & CharFlag.CRUMB) !== 0 ? (mf.match(NAV_SEPARATORS)?.length ?? 0) : 0;
  if ((line.first === t.home || line.first === "home") && (words === 1 || crumbs >= 1)) return "navigation";
  // "الأحد 12 مارس 2024 | 10:30 ص | القاهرة" is a date line with separators, not crumbs; "الإيرادات | 35.5 | 36.9"
  // is a table's row, the article's data.
  if (crumbs >= 2 && !/[.؟?!]$/u.test(mf) && loneDate(mf, words) === null && !((flags & CharFlag.DIGIT) !== 0 && isFiguresRow(mf))) return "navigation";
  // Share bars: every word a network or a share verb.
  if (t.social.has(line.first) && everyWordIn(mf, t.social)) return "share";
  return null;
}

/**
 * Every word of `mf` (a match form: single spaces, trimmed) is in `set` — read one word at a time, stopping at
 * the first that is not ("ان" and "اب" are share-bar words and start many sentences: no array of all the words).
 */
function everyWordIn(mf: string, set: ReadonlySet<string>): boolean {
  for (let a = 0; ; ) {
    const space = mf.indexOf(" ", a);
    const b = space < 0 ? mf.length : space;
    if (!set.has(mf.slice(a, b))) return false;
    if (space < 0) return true;
    a = space + 1;
  }
}

export const boilerplate: Classifier = {
  name: "boilerplate",
  labels: ["dropped"],
  description: "share bars, follow-us, copyright, ads, newsletter/comment prompts, cookies, crumbs, image credits, site chrome, embeds",
  test(s, i) {
    const reason = boilerplateReason(s.lines[i]!);
    return reason === null ? null : { label: "dropped", reason };
  },
};
