/**
 * A pathological tags line (a whole page glued onto the marker) must segment in time linear in its
 * words. Measured against itself in the same run, not in absolute seconds: the 8× line may take at
 * most 8 × 4 times the 1× line (a quadratic segmenter takes 64×). The two sizes are timed in turn and
 * the best of each kept, so a busy machine slows both alike.
 */
import { describe, expect, it } from "vitest";
import { segmentTags, splitTags, type SegmentWork } from "../../src/tags/segment.js";

const WORDS = ["الجيش", "الروسي", "بنغازي", "ومعدات", "وزارة", "الدفاع", "كأس", "قرنفش", "رئيس", "مجلس", "خليفة", "حفتر", "و"];

function line(n: number, seed: number): string {
  const out: string[] = [];
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    out.push(WORDS[x % WORDS.length]! + (i % 97 === 0 ? String(i) : ""));
  }
  return out.join(" ");
}

function time(f: () => void): number {
  const t = performance.now();
  f();
  return performance.now() - t;
}

describe("a pathological tags line", () => {
  it("takes time linear in its words", () => {
    const small = line(5_000, 1);
    const big = line(40_000, 2);
    splitTags(small); // warm up: the lexicon is built, the code compiled
    splitTags(big);
    let t1 = Infinity;
    let t8 = Infinity;
    for (let i = 0; i < 4; i++) {
      t1 = Math.min(t1, time(() => splitTags(small)));
      t8 = Math.min(t8, time(() => splitTags(big)));
    }
    expect(t8).toBeLessThan(8 * 4 * t1 + 5);
  });

  it("does work linear in its words", () => {
    const w1: SegmentWork = { steps: 0 };
    const w8: SegmentWork = { steps: 0 };
    segmentTags(line(5_000, 1), {}, w1);
    segmentTags(line(40_000, 2), {}, w8);
    expect(w1.steps).toBeGreaterThan(5_000);
    expect(w8.steps).toBeLessThan(8.5 * w1.steps);
  });

  it("segments 100k words and loses none", () => {
    const text = line(100_000, 3);
    const out = splitTags(text);
    const words = out.reduce((n, p) => n + p.tag.split(" ").length, 0);
    expect(words).toBe(100_000);
  });
});
