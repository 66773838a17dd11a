// Reproducible benchmark corpus: mixes and mutates the dumps in fixtures/*/input.txt.
//
// Everything random comes from one seeded PRNG (mulberry32), and the fixtures are read in
// sorted order, so the same seed + size + fixtures give the same bytes on every machine.
// The stamp records the fixtures' digest too: when fixtures are added the corpus is rebuilt.

import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { makeRng } from "./prng.mjs";

/** Bump when the generator's output changes, so stale corpora are rebuilt. */
export const GENERATOR_VERSION = 1;
/** A leaf directory holds at most this many dumps (some file systems and tools dislike huge dirs). */
const FILES_PER_DIR = 1000;
/** Leaf directories per group directory (so each group also stays well under 1000 entries). */
const DIRS_PER_GROUP = 10;
/** Median body size in bytes; with the tail blocks the mean dump lands near 2 KB (200 MB ≈ 100k dumps). */
const BODY_MEDIAN_BYTES = 800;

// ---------------------------------------------------------------------------------------------
// Built-in vocabulary: marker spellings, boilerplate, names. The fixtures supply the prose.

const READ_ALSO = ["إقرأ أيضاً:", "اقرأ ايضا", "إقرأ أيضًا :", "اقـرأ أيـضاً", "اقرأ أيضا:", "طالع أيضا:", "شاهد أيضاً", "اقرأ كذلك:", "تابع أيضا", "انظر أيضاً:", "إقرأ أيضاً"];
const READ_MORE_INLINE = ["إقرأ المزيد", "اقرأ المزيد:", "للمزيد:", "اقرأ أكثر:", "اقرأ أيضا:", "طالع أيضا:"];
const SOURCE_MARKERS = ["المصدر:", "المصدر :", "المصدر/", "المصادر:", "مصدر الخبر:", "المصدر："];
const SOURCE_NAMES = ['"الشرق الأوسط"', "RT Arabic", "وكالات", "رويترز", "أ ف ب", '"سكاي نيوز عربية"', "«الأهرام»", "وكالة الأنباء الليبية", "AFP", "صحف"];
const TAG_MARKERS = ["كلمات دلالية:", "الكلمات الدلالية:", "كلمات دالة:", "الكلمات المفتاحية:", "الوسوم:", "وسوم :", "Tags:", "كلمات مفتاحية"];
const TAG_SEPS = ["، ", ", ", " | ", " # ", " • ", "\t", "  ", " "];
const RELATED_MARKERS = ["مقالات مشابهة", "قد يهمك", "قد يهمك أيضاً:", "وقد يهمك أيضا", "أخبار ذات صلة", "مقالات ذات صلة", "مواضيع ذات صلة", "اخترنا لكم", "الأكثر قراءة", "آخر الأخبار", "أخبار متعلقة", "قد يعجبك أيضا"];
const BULLETS = ["  • ", "• ", "· ", "◦ ", "▪ ", "■ ", "● ", "- ", "* ", "– "];
const BOILER_TOP = ["الرئيسية > أخبار > عربي", "مباشر", "A+ A-", "حجم الخط", "34°C", "القاهرة 27°C", "00:00 / 00:16", "تابعونا على", "الرئيسية / سياسة", "English"];
const BOILER_MID = ["إعلان", "Advertisement", "صورة أرشيفية", "الصورة: رويترز", "شارك", "مشاركة عبر فيسبوك", "تويتر واتساب تلغرام", "اشترك في النشرة البريدية", "00:00 / 02:31", "تابعوا آخر الأخبار عبر قناتنا على تلغرام"];
const BOILER_FOOT = ["جميع الحقوق محفوظة © 2025", "© حقوق النشر محفوظة", "أضف تعليقك", "التعليقات", "لا توجد تعليقات", "يستخدم هذا الموقع ملفات تعريف الارتباط (الكوكيز)", "موافق", "تابعونا على فيسبوك وتويتر", "اشترك الآن", "شارك هذا المقال", "طباعة"];
const AUTHORS = ["محمد علي", "أحمد حسن", "سارة خالد", "فاطمة الزهراء", "عمر عبد الله", "ليلى منصور", "يوسف إبراهيم", "RT"];
const TWEETERS = [["The Straits Times", "straits_times"], ["Reuters", "Reuters"], ["RT Arabic", "RTarabic"], ["سكاي نيوز عربية", "skynewsarabia"], ["وزارة الخارجية", "MofaQatar_AR"], ["BBC News عربي", "BBCArabic"], ["Al Jazeera", "AJArabic"]];
const EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"];
const LEVANT_MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"];
const FALLBACK_PROSE = [
  "قالت وزارة الخارجية في بيان اليوم إن المحادثات بين الجانبين ستستأنف الأسبوع المقبل في العاصمة، وسط توقعات بالتوصل إلى اتفاق.",
  "وأضاف المتحدث أن الحكومة تتابع التطورات عن كثب، مشيرا إلى أن الوضع الأمني في المنطقة لا يزال مستقرا.",
  "وكانت الأمم المتحدة قد دعت في وقت سابق إلى وقف فوري لإطلاق النار وفتح ممرات إنسانية لإيصال المساعدات.",
];
const FALLBACK_HEADLINES = ["روسيا تطلق صاروخاً يحمل مركبة فضائية", "اجتماع طارئ لمجلس الأمن", "ارتفاع أسعار النفط في الأسواق العالمية"];

const DIACRITICS = ["\u064B", "\u064C", "\u064D", "\u064E", "\u064F", "\u0650", "\u0651", "\u0652"];
const INVISIBLES = ["\u200F", "\u200E", "\u200C", "\u200B", "\u200D"];
const ODD_SPACES = ["\u00A0", "\u2009", "\t", "\u202F", "  "];
const INDIC = "٠١٢٣٤٥٦٧٨٩";

// ---------------------------------------------------------------------------------------------
// Fixtures → pools of prose, headlines, tweets, sources, tags, words.

/** Reads fixtures/*\/input.txt (sorted) and returns their texts and a digest of names + bytes. */
export function loadFixtures(root) {
  const dir = path.join(root, "fixtures");
  const hash = crypto.createHash("sha256");
  const texts = [];
  let names = [];
  try {
    names = fs.readdirSync(dir).sort();
  } catch {
    names = [];
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  for (const name of names) {
    const file = path.join(dir, name, "input.txt");
    let buf;
    try {
      buf = fs.readFileSync(file);
    } catch {
      continue;
    }
    hash.update(name).update("\0").update(buf).update("\0");
    try {
      texts.push({ name, text: decoder.decode(buf) });
    } catch {
      // Not UTF-8 (an encoding fixture): its lines would only add U+FFFD noise to the mix.
    }
  }
  return { count: texts.length, names: texts.map((t) => t.name), texts, digest: hash.digest("hex").slice(0, 16) };
}

// Lines that would flip a whole dump into a repair path (mojibake, entities, NUL, U+FFFD) stay out
// of the pools: they belong to their own fixtures, not sprinkled over 100k dumps.
const UNUSABLE = /[\uFFFD\u0000]|&#\d+;|&[a-z]{2,6};|ط[§©ھ]|ظ[„…ˆ†‡]|[\u00C0-\u00FF].*[\u00C0-\u00FF].*[\u00C0-\u00FF]/;
const BULLET_RE = /^\s*(?:[•·◦▪■●*–-]|[0-9٠-٩]+\s*[-.)])\s+/;
const ATTRIBUTION_RE = /^\\?[—–-]\s*(.+?)\s*\(@(\w+)\)/;
const SENTENCE_END = /[.!?؟:»"”]$/;

/** Rough match form, only to recognise markers in fixtures (the real one is src/text/matchForm). */
function roughForm(s) {
  return s
    .replace(/[\u0640\u064B-\u065F\u0670\u200B-\u200F]/g, "")
    .replace(/[أإآٱ]/g, "ا")
    .replace(/ى/g, "ي")
    .replace(/ة/g, "ه")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}
const MARKERISH = /^(اقرا|طالع|شاهد|تابع ايضا|انظر ايضا|للمزيد|مقالات|اخبار|مواضيع|موضوعات|قد يهمك|وقد يهمك|ذات صله|اخترنا|قصص مقترحه|المزيد|الاكثر|احدث|اخر الاخبار)/;

export function extractPools(texts) {
  const pools = { paragraphs: [], headlines: [], tweetTexts: [], sources: [], tags: [], tagLines: [], words: [] };
  const seen = new Set();
  const add = (pool, s) => {
    const key = pool + "\0" + s;
    if (s && !seen.has(key)) {
      seen.add(key);
      pools[pool].push(s);
    }
  };
  for (const { text } of texts) {
    const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/).map((l) => l.trim());
    const tweetText = new Set();
    lines.forEach((l, i) => {
      if (ATTRIBUTION_RE.test(l)) {
        let j = i - 1;
        while (j >= 0 && !lines[j]) j--;
        if (j >= 0) tweetText.add(j);
      }
    });
    lines.forEach((line, i) => {
      if (!line || UNUSABLE.test(line)) return;
      if (ATTRIBUTION_RE.test(line)) return;
      if (tweetText.has(i)) return add("tweetTexts", line);
      const bullet = line.match(BULLET_RE);
      if (bullet) return add("headlines", line.slice(bullet[0].length).trim());
      const f = roughForm(line);
      let m;
      if ((m = f.match(/^(المصدر|المصادر|مصدر الخبر)\s*[:：/]\s*(.*)$/))) {
        return add("sources", line.replace(/^[^:：/]*[:：/]\s*/, "").replace(/^["«“]|["»”]$/g, ""));
      }
      if ((m = f.match(/^(كلمات دلاليه|الكلمات الدلاليه|كلمات داله|الكلمات الداله|كلمات مفتاحيه|الكلمات المفتاحيه|الوسوم|وسوم|tags)\s*[:：]?\s*(.*)$/))) {
        const after = line.replace(/^[^:：]*[:：]\s*/, "");
        if (after && after !== line) {
          add("tagLines", after);
          for (const t of after.split(/[،,;|#•\t]|\s{2,}/)) add("tags", t.trim());
        }
        return;
      }
      if ((m = f.match(/^(اقرا المزيد|للمزيد|اقرا ايضا|اقرا اكثر)\s*:?\s+(.{6,})$/))) {
        return add("headlines", line.replace(/^\S+\s+\S+\s*:?\s*/, ""));
      }
      if (MARKERISH.test(f) && f.split(" ").length <= 4) return;
      const words = line.split(/\s+/).length;
      if (words >= 12 || (SENTENCE_END.test(line) && words >= 6)) add("paragraphs", line);
      else if (words >= 2) add("headlines", line);
    });
  }
  if (pools.paragraphs.length === 0) pools.paragraphs.push(...FALLBACK_PROSE);
  if (pools.headlines.length === 0) pools.headlines.push(...FALLBACK_HEADLINES);
  if (pools.tweetTexts.length === 0) pools.tweetTexts.push(FALLBACK_HEADLINES[0]);
  if (pools.sources.length === 0) pools.sources.push(...SOURCE_NAMES);
  if (pools.tags.length === 0) pools.tags.push("روسيا", "ليبيا", "مجلس الأمن");
  if (pools.tagLines.length === 0) pools.tagLines.push(pools.tags.join(" "));
  // A whitespace-joined tags line (as in the RT sample) would repeat whole; cut it into short tags.
  pools.tags = pools.tags.flatMap((t) => {
    const w = t.split(/\s+/);
    if (w.length <= 4) return [t];
    const out = [];
    for (let i = 0; i < w.length; i += 2) out.push(w.slice(i, i + 2).join(" "));
    return out;
  });
  for (const p of pools.paragraphs) {
    for (const raw of p.split(/\s+/)) {
      const w = raw.replace(/[.,،:;؛!?؟]+$/, "");
      if (w) pools.words.push(w);
    }
  }
  return pools;
}

// ---------------------------------------------------------------------------------------------
// Mutations: the spellings scrapers really leave behind.

const isArabicLetter = (c) => c >= 0x0621 && c <= 0x064a;

function insertAfterArabicLetters(rng, s, pickChar, count) {
  for (let k = 0; k < count; k++) {
    const i = rng.int(0, Math.max(0, s.length - 1));
    if (isArabicLetter(s.charCodeAt(i))) s = s.slice(0, i + 1) + pickChar() + s.slice(i + 1);
  }
  return s;
}

/** Light, probabilistic noise on one line: tatweel, diacritics, invisible marks, odd spaces, Indic digits. */
function mutate(rng, s, strength = 1) {
  if (rng.chance(0.06 * strength)) s = insertAfterArabicLetters(rng, s, () => "ـ", rng.int(1, 4));
  if (rng.chance(0.06 * strength)) s = insertAfterArabicLetters(rng, s, () => rng.pick(DIACRITICS), rng.int(2, 10));
  if (rng.chance(0.02 * strength)) {
    const i = rng.int(0, s.length);
    s = s.slice(0, i) + rng.pick(INVISIBLES) + s.slice(i);
  }
  if (rng.chance(0.03 * strength)) {
    const i = s.indexOf(" ", rng.int(0, s.length));
    if (i >= 0) s = s.slice(0, i) + rng.pick(ODD_SPACES) + s.slice(i + 1);
  }
  if (rng.chance(0.02 * strength)) s = s.replace(/[0-9]/g, (d) => INDIC[d]);
  if (rng.chance(0.02 * strength)) s = " ".repeat(rng.int(1, 3)) + s + (rng.chance(0.5) ? " \t" : "");
  return s;
}

const title = (rng, P) => mutate(rng, rng.pick(P.headlines));

/** A "word salad" paragraph from the fixtures' words: new bytes, same alphabet and word lengths. */
function salad(rng, P, minWords = 15, maxWords = 70) {
  const n = rng.int(minWords, maxWords);
  const out = new Array(n);
  for (let i = 0; i < n; i++) {
    let w = rng.pick(P.words);
    if (i < n - 1 && rng.chance(0.07)) w += "،";
    out[i] = w;
  }
  return out.join(" ") + rng.pick([".", ".", ".", "", "؟", ":"]);
}

function paragraph(rng, P) {
  return mutate(rng, rng.chance(0.6) ? rng.pick(P.paragraphs) : salad(rng, P));
}

function longLine(rng, P, bytes) {
  const parts = [];
  let n = 0;
  while (n < bytes) {
    const p = rng.chance(0.5) ? rng.pick(P.paragraphs) : salad(rng, P);
    parts.push(p);
    n += p.length * 2 + 1; // Arabic is ~2 bytes a char in UTF-8
  }
  return parts.join(" ");
}

function tweetDate(rng) {
  const d = rng.int(1, 28);
  const m = rng.int(0, 11);
  const y = rng.int(2014, 2025);
  switch (rng.int(0, 4)) {
    case 0:
    case 1:
      return `${EN_MONTHS[m]} ${d}, ${y}`;
    case 2:
      return `${d} ${EN_MONTHS[m]} ${y}`;
    case 3:
      return `${d} ${AR_MONTHS[m]} ${y}`;
    default:
      return `${d} ${LEVANT_MONTHS[m]} ${y}`.replace(/[0-9]/g, (c) => INDIC[c]);
  }
}

function tweetBlock(rng, P) {
  const [name, handle] = rng.pick(TWEETERS);
  if (rng.chance(0.05)) {
    const id = String(rng.int(1e8, 9e8)) + String(rng.int(1e9, 9e9));
    return [`${rng.pick(["https://twitter.com", "https://x.com", "x.com"])}/${handle}/status/${id}`];
  }
  let text = rng.chance(0.6) ? rng.pick(P.tweetTexts) : salad(rng, P, 6, 25).replace(/[.؟:]$/, "");
  const link = rng.int(0, 3);
  const code = Math.floor(rng.next() * 36 ** 8).toString(36).padStart(8, "0") + "x2";
  if (link === 1) text += ` https://t.co/${code}`;
  else if (link === 2) text += ` pic.twitter.com/${code}`;
  const lines = [text];
  if (rng.chance(0.15)) lines.unshift(salad(rng, P, 4, 12).replace(/[.؟:]$/, ""));
  if (rng.chance(0.5)) lines.push("");
  lines.push(`${rng.pick(["—", "—", "–", "-"])} ${name} (@${handle}) ${tweetDate(rng)}`);
  return lines;
}

function relatedBlock(rng, P) {
  const lines = [mutate(rng, rng.pick(RELATED_MARKERS), 3)];
  const style = rng.int(0, 3);
  const bullet = rng.pick(BULLETS);
  const n = rng.int(3, 10);
  for (let i = 1; i <= n; i++) {
    const h = rng.pick(P.headlines);
    if (style === 0) lines.push(bullet + h);
    else if (style === 1) lines.push(`${i}${rng.pick(["-", ".", ")"])} ${h}`);
    else if (style === 2) lines.push(`${INDIC[i % 10]}- ${h}`);
    else lines.push(h);
  }
  return lines;
}

function tagsLine(rng, P) {
  const marker = mutate(rng, rng.pick(TAG_MARKERS), 2);
  if (rng.chance(0.3)) return `${marker} ${rng.pick(P.tagLines)}`;
  const n = rng.int(2, 8);
  const tags = [];
  for (let i = 0; i < n; i++) tags.push(rng.pick(P.tags));
  return `${marker} ${tags.join(rng.pick(TAG_SEPS))}`;
}

const sourceLine = (rng, P) =>
  `${mutate(rng, rng.pick(SOURCE_MARKERS), 2)} ${rng.chance(0.5) ? rng.pick(SOURCE_NAMES) : rng.pick(P.sources)}`;

function dateLine(rng) {
  const d = rng.int(1, 28);
  const m = rng.int(1, 12);
  const y = rng.int(2015, 2025);
  const hh = String(rng.int(0, 23)).padStart(2, "0");
  const mm = String(rng.int(0, 59)).padStart(2, "0");
  return rng.pick([
    `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")} ${hh}:${mm}`,
    `${d} ${AR_MONTHS[m - 1]} ${y}`,
    `نشر في: ${d}/${m}/${y} - ${hh}:${mm}`,
    `${d} ${LEVANT_MONTHS[m - 1]} ${y}`.replace(/[0-9]/g, (c) => INDIC[c]),
  ]);
}

/** An article body: title, optional byline/date, shuffled paragraphs and inline extras. */
function articleBlocks(rng, P, targetBytes, nested) {
  const blocks = [];
  const t = title(rng, P);
  blocks.push([t]);
  if (!nested && rng.chance(0.06)) {
    // Headline rendered two or three times, as many sites do.
    const copies = rng.int(1, 2);
    for (let i = 0; i < copies; i++) blocks.push([t]);
  }
  if (!nested && rng.chance(0.25)) blocks.push([rng.chance(0.7) ? `كتب: ${rng.pick(AUTHORS)}` : `بقلم ${rng.pick(AUTHORS)}`]);
  if (!nested && rng.chance(0.3)) blocks.push([dateLine(rng)]);
  const body = [];
  let bytes = 0;
  while (bytes < targetBytes || body.length === 0) {
    const p = paragraph(rng, P);
    body.push([p]);
    bytes += p.length * 2;
  }
  rng.shuffle(body);
  const extras = [];
  if (rng.chance(0.25)) {
    const m = rng.pick(READ_MORE_INLINE);
    extras.push(rng.chance(0.8) ? [`${mutate(rng, m, 2)} ${rng.pick(P.headlines)}`] : [m, rng.pick(P.headlines)]);
  }
  if (rng.chance(0.15)) extras.push(tweetBlock(rng, P));
  if (rng.chance(0.04)) extras.push(tweetBlock(rng, P));
  if (!nested && rng.chance(0.3)) extras.push([rng.pick(BOILER_MID)]);
  if (rng.chance(0.1)) extras.push([mutate(rng, rng.pick(P.headlines))]); // a subheading
  if (rng.chance(0.02)) extras.push([longLine(rng, P, rng.logInt(2_000, 12_000))]);
  if (!nested && rng.chance(0.0005)) extras.push([longLine(rng, P, rng.logInt(30_000, 600_000))]);
  for (const e of extras) body.splice(rng.int(1, body.length), 0, e);
  blocks.push(...body);
  if (rng.chance(nested ? 0.3 : 0.45)) {
    blocks.push([sourceLine(rng, P)]);
    if (rng.chance(0.25)) blocks.push([sourceLine(rng, P)]);
  }
  return blocks;
}

function bodyTarget(rng) {
  return Math.min(9000, Math.max(200, Math.exp(Math.log(BODY_MEDIAN_BYTES) + 0.6 * rng.normal())));
}

/** One whole dump as a string (line endings, BOM, wrapping already applied). */
export function makeDump(rng, P) {
  if (rng.chance(0.001)) return rng.pick(["", "   \n", "\n\n\t\n"]);
  const blocks = [];
  if (rng.chance(0.25)) blocks.push([rng.pick(BOILER_TOP)]);
  if (rng.chance(0.08)) blocks.push([rng.pick(BOILER_TOP)]);
  blocks.push(...articleBlocks(rng, P, bodyTarget(rng), false));
  if (rng.chance(0.5)) blocks.push([tagsLine(rng, P)]);
  if (rng.chance(0.08)) blocks.push([`${rng.pick(["اقرأ أيضا:", "إقرأ أيضاً:", "طالع أيضا:"])} ${rng.pick(P.headlines)}`]);
  if (rng.chance(0.15)) {
    const subs = rng.chance(0.2) ? 2 : 1;
    for (let s = 0; s < subs; s++) {
      blocks.push([mutate(rng, rng.pick(READ_ALSO), 3)]);
      if (rng.chance(0.15)) {
        // read-also marker followed only by short headlines: links, not an article
        for (let i = rng.int(1, 3); i > 0; i--) blocks.push([rng.pick(BULLETS).trimStart() + rng.pick(P.headlines)]);
      } else {
        blocks.push(...articleBlocks(rng, P, bodyTarget(rng) * 0.6, true));
      }
    }
  }
  if (rng.chance(0.35)) blocks.push(relatedBlock(rng, P));
  if (rng.chance(0.4)) for (let i = rng.int(1, 3); i > 0; i--) blocks.push([rng.pick(BOILER_FOOT)]);

  const eol = rng.chance(0.88) ? "\n" : rng.chance(0.75) ? "\r\n" : "\r";
  const sep = rng.chance(0.8) ? eol + eol : eol;
  const wrapAt = rng.chance(0.04) ? rng.int(68, 80) : 0;
  const rendered = blocks.map((lines) => {
    const out = wrapAt ? lines.flatMap((l) => hardWrap(l, wrapAt)) : lines;
    return out.join(eol);
  });
  let dump = rendered.join(sep) + (rng.chance(0.7) ? eol : "");
  if (rng.chance(0.01)) dump = "\uFEFF" + dump;
  return dump;
}

/** What `w3m -dump` does to prose: break at the last space before the width. */
function hardWrap(line, width) {
  if (line.length <= width) return [line];
  const out = [];
  let rest = line;
  while (rest.length > width) {
    let cut = rest.lastIndexOf(" ", width);
    if (cut <= 0) cut = width;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut).trimStart();
  }
  if (rest) out.push(rest);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Writers.

function leafPath(i) {
  const leaf = Math.floor(i / FILES_PER_DIR);
  const g = String(Math.floor(leaf / DIRS_PER_GROUP)).padStart(3, "0");
  const s = String(leaf % DIRS_PER_GROUP);
  return path.join(`g${g}`, `s${s}`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

/**
 * Makes (or reuses) bench/corpus/seed<S>-<MB>mb/: tree/ holds the dumps, stamp.json describes them.
 * The stamp is written last, so a half-written corpus is never mistaken for a finished one.
 */
export function ensureCorpus({ root, corpusRoot, seed, mb, log = () => {} }) {
  const fixtures = loadFixtures(root);
  const dir = path.join(corpusRoot, `seed${seed}-${mb}mb`);
  const stampFile = path.join(dir, "stamp.json");
  const want = { generator: GENERATOR_VERSION, seed, mb, fixtures: fixtures.digest };
  const have = readJson(stampFile);
  if (have && have.generator === want.generator && have.seed === seed && have.mb === mb && have.fixtures === want.fixtures) {
    log(`corpus: reusing ${path.relative(root, dir)} (${have.files} dumps, ${(have.bytes / 1e6).toFixed(1)} MB)`);
    return { dir, tree: path.join(dir, "tree"), ...have, reused: true };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  const tree = path.join(dir, "tree");
  fs.mkdirSync(tree, { recursive: true });
  const t0 = Date.now();
  const pools = extractPools(fixtures.texts);
  const rng = makeRng(seed);
  const target = mb * 1e6;
  let bytes = 0;
  let files = 0;
  let longest = 0;
  let madeDir = "";
  while (bytes < target) {
    const sub = leafPath(files);
    if (sub !== madeDir) {
      fs.mkdirSync(path.join(tree, sub), { recursive: true });
      madeDir = sub;
    }
    const buf = Buffer.from(makeDump(rng, pools), "utf8");
    fs.writeFileSync(path.join(tree, sub, `n${String(files).padStart(6, "0")}.txt`), buf);
    bytes += buf.length;
    if (buf.length > longest) longest = buf.length;
    files++;
    if (files % 20000 === 0) log(`corpus: ${files} dumps, ${(bytes / 1e6).toFixed(0)} MB…`);
  }
  const stamp = {
    ...want,
    files,
    bytes,
    largestDump: longest,
    fixtureCount: fixtures.count,
    fixtureNames: fixtures.names,
    filesPerDir: FILES_PER_DIR,
    createdAt: new Date().toISOString(),
  };
  fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + "\n");
  log(`corpus: wrote ${files} dumps, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s (${fixtures.count} fixtures)`);
  return { dir, tree, ...stamp, reused: false };
}

/** The first leaf directory of the tree: ≤ 1000 dumps, handy for sanity checks and profiling. */
export function firstLeaf(tree) {
  return path.join(tree, leafPath(0));
}

/**
 * Writes a JSONL file of records {"id": n, "text": dump} of about `mb` MB (10^6 bytes), from its
 * own seeded stream (seed + 1), and optionally a small head file with the first `headRecords` records.
 */
export function writeJsonl({ root, file, seed, mb, headFile, headRecords = 1000, log = () => {} }) {
  const fixtures = loadFixtures(root);
  const pools = extractPools(fixtures.texts);
  const rng = makeRng((seed + 1) >>> 0);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, "w");
  const t0 = Date.now();
  const target = mb * 1e6;
  let bytes = 0;
  let records = 0;
  let chunk = [];
  let chunkLen = 0;
  const head = [];
  try {
    while (bytes < target) {
      const line = JSON.stringify({ id: records + 1, text: makeDump(rng, pools) }) + "\n";
      const len = Buffer.byteLength(line);
      bytes += len;
      records++;
      if (headFile && head.length < headRecords) head.push(line);
      chunk.push(line);
      chunkLen += len;
      if (chunkLen >= 4 << 20) {
        fs.writeSync(fd, chunk.join(""));
        chunk = [];
        chunkLen = 0;
      }
      if (records % 100000 === 0) log(`jsonl: ${records} records, ${(bytes / 1e6).toFixed(0)} MB…`);
    }
    if (chunk.length) fs.writeSync(fd, chunk.join(""));
  } finally {
    fs.closeSync(fd);
  }
  if (headFile) fs.writeFileSync(headFile, head.join(""));
  log(`jsonl: wrote ${records} records, ${(bytes / 1e6).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { file, records, bytes, headFile, headRecords: head.length };
}
