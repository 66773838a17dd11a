// Small seeded PRNG helpers so the corpus is byte-for-byte reproducible from a seed.

/** mulberry32: a 32-bit state PRNG; returns floats in [0, 1). */
export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Convenience wrapper with the draws the generator needs. */
export function makeRng(seed) {
  const next = mulberry32(seed);
  const rng = {
    next,
    /** integer in [lo, hi] inclusive */
    int(lo, hi) {
      return lo + Math.floor(next() * (hi - lo + 1));
    },
    chance(p) {
      return next() < p;
    },
    pick(arr) {
      return arr[Math.floor(next() * arr.length)];
    },
    /** standard normal (Box–Muller) */
    normal() {
      let u = 0;
      while (u === 0) u = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    /** in-place Fisher–Yates */
    shuffle(arr) {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const t = arr[i];
        arr[i] = arr[j];
        arr[j] = t;
      }
      return arr;
    },
    /** log-uniform integer in [lo, hi] */
    logInt(lo, hi) {
      return Math.round(Math.exp(Math.log(lo) + next() * (Math.log(hi) - Math.log(lo))));
    },
  };
  return rng;
}
