// Per-field precision / recall / F1 of parsed documents against hand-written expected documents.
// Shared by test/quality.test.ts (the gate) and scripts/quality.mjs (the report).

const SCALARS = ["title", "byline", "published"];
const LISTS = ["paragraphs", "readMore", "sources", "tags"];

export function emptyCounts() {
  return { tp: 0, fp: 0, fn: 0 };
}

function addList(counts, got, exp) {
  const pool = new Map();
  for (const x of exp) pool.set(x, (pool.get(x) ?? 0) + 1);
  let tp = 0;
  for (const x of got) {
    const k = pool.get(x) ?? 0;
    if (k > 0) {
      tp++;
      pool.set(x, k - 1);
    }
  }
  counts.tp += tp;
  counts.fp += got.length - tp;
  counts.fn += exp.length - tp;
}

function addScalar(counts, got, exp) {
  if (got !== null && got === exp) counts.tp++;
  else {
    if (got !== null) counts.fp++;
    if (exp !== null) counts.fn++;
  }
}

const EMPTY_ARTICLE = { title: null, byline: null, published: null, paragraphs: [], readMore: [], sources: [], tags: [], tweets: [] };
const tweetKey = (t) => JSON.stringify([t.text, t.urls, t.handle, t.date]);

/** Add one document pair's counts into `fields` (an object field → counts). */
export function scoreDocument(fields, got, exp) {
  const f = (name) => (fields[name] ??= emptyCounts());
  const arts = Math.max(got.readAlso.length, exp.readAlso.length);
  const pairs = [[got.article, exp.article]];
  for (let i = 0; i < arts; i++) pairs.push([got.readAlso[i] ?? EMPTY_ARTICLE, exp.readAlso[i] ?? EMPTY_ARTICLE]);
  for (const [g, e] of pairs) {
    for (const k of SCALARS) addScalar(f(k), g[k], e[k]);
    for (const k of LISTS) addList(f(k), g[k], e[k]);
    addList(f("tweets"), g.tweets.map(tweetKey), e.tweets.map(tweetKey));
  }
  addList(f("readAlso"), got.readAlso.map((a) => a.title ?? ""), exp.readAlso.map((a) => a.title ?? ""));
  addList(f("related"), got.related, exp.related);
  addList(f("dropped"), got.dropped.map((d) => `${d.line}:${d.reason}`), exp.dropped.map((d) => `${d.line}:${d.reason}`));
}

/** Tag-level counts of one segmentation against the real tags. */
export function scoreTags(fields, name, got, exp) {
  addList((fields[name] ??= emptyCounts()), got, exp);
}

export function metrics(c) {
  const p = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { precision: p, recall: r, f1 };
}
