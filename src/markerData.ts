/**
 * The built-in marker vocabulary, in match form (see text/matchForm.ts): what `--markers FILE` (JSON, the same keys)
 * adds to. A module rather than a JSON file the library imports: importing JSON needs an import attribute, which
 * Node 20 before 20.10 cannot parse, and some 20.x versions warn about on stderr.
 */
import type { MarkerVocabulary } from "./types.js";

export const BUILTIN_MARKERS: MarkerVocabulary = {
  readAlso: ["اقرا ايضا", "اقرا كذلك", "طالع ايضا", "شاهد ايضا", "تابع ايضا", "انظر ايضا", "اقرا المزيد"],
  readMore: ["للمزيد", "اقرا اكثر", "اقرا المزيد"],
  readMoreTrailing: ["اقرا المزيد", "اكمل القراءه", "اقرا اكثر"],
  source: ["المصدر", "المصادر", "مصدر الخبر", "source"],
  tags: ["كلمات دلاليه", "الكلمات الدلاليه", "كلمات داله", "الكلمات الداله", "كلمات مفتاحيه", "الكلمات المفتاحيه", "الوسوم", "وسوم", "tags"],
  related: ["قد يهمك", "قد يهمك ايضا", "وقد يهمك ايضا", "مقالات مشابهه", "اخبار مشابهه", "مقالات ذات صله", "اخبار ذات صله", "مواضيع ذات صله", "موضوعات ذات صله", "ذات صله", "اخبار متعلقه", "موضوعات متعلقه", "الموضوعات المتعلقه", "مقالات قد تهمك", "قد يعجبك ايضا", "اخترنا لكم", "قصص مقترحه", "المزيد حول هذه القصه", "الاكثر قراءه", "الاكثر مشاهده", "احدث الاخبار", "اخر الاخبار", "المزيد من الاخبار", "related articles"],
};
