/** The generated index of the built-in lexicon (src/data/tagLexiconIndex.ts) against the list it comes from. */
import { describe, expect, it } from "vitest";
import { TAG_LEXICON } from "../../src/data/tagLexicon.js";
import { TAG_INDEX } from "../../src/data/tagLexiconIndex.js";
import { builtinTagLexicon, computeTagIndex, MAX_TAG_WORDS, TagTrie } from "../../src/tags/lexicon.js";
import { entryKey } from "../../src/tags/words.js";

const STALE = "src/data/tagLexiconIndex.ts is stale: run `npm run gen:tag-index` and commit the result";

describe("the built-in lexicon's index", () => {
  it("is what the list and the current match form give", () => {
    const fresh = computeTagIndex(TAG_LEXICON);
    expect(TAG_INDEX.entries.split("\n"), STALE).toEqual(fresh.entries.split("\n"));
    expect(TAG_INDEX.constructHeads.split("\n"), `${STALE} (construct heads)`).toEqual(fresh.constructHeads.split("\n"));
    expect(TAG_INDEX, STALE).toEqual(fresh);
  });

  it("gives a trie holding every entry of the list, in the first section that lists it", () => {
    const trie = builtinTagLexicon();
    const seen = new Map<string, string>();
    let category = "general";
    for (const line of TAG_LEXICON.split("\n")) {
      const t = line.trim();
      const section = /^##\s+([a-z-]+)/u.exec(t);
      if (section) category = section[1]!;
      if (!t || t.startsWith("#")) continue;
      const key = entryKey(t);
      if (!key || key.split(" ").length > MAX_TAG_WORDS) continue;
      if (!seen.has(key)) seen.set(key, category);
      const found: string[] = [];
      const words = key.split(" ");
      trie.matchAt(words, 0, words[0]!, (n, info) => n === words.length && found.push(info.category));
      expect(found, t).toEqual([seen.get(key)]);
      expect(trie.firstWords.has(words[0]!), t).toBe(true);
    }
    expect(trie.size).toBe(seen.size);
  });

  it("indexes a small list: sections, first section wins, construct heads but not names standing alone", () => {
    const index = computeTagIndex(
      ["# comment", "## countries", "أفريقيا", "كوريا الشمالية", "## topics", "أزمة الطاقة", "أفريقيا الوسطى", "كوريا الشمالية", "أفريقيا"].join("\n"),
    );
    expect(index).toEqual({
      categories: ["countries", "topics"],
      entries: "افريقيا\t0\t1 الوسطي\nكوريا\t0 الشماليه\nازمه\t1 الطاقه",
      constructHeads: "ازمه",
      size: 4,
      maxWords: 2,
    });
    const trie = TagTrie.ofIndex(index);
    expect(trie.size).toBe(4);
    expect(trie.firstWords.has("ازمه")).toBe(true);
    expect(trie.firstWords.has("الطاقه")).toBe(false);
    expect(trie.has("ازمه الطاقه")).toBe(true);
    expect(trie.has("ازمه")).toBe(false);
    const found: [number, string][] = [];
    trie.matchAt(["افريقيا", "الوسطي"], 0, "افريقيا", (n, info) => found.push([n, info.category]));
    expect(found).toEqual([
      [1, "countries"],
      [2, "topics"],
    ]);
    expect([...trie.constructHeads]).toEqual(["ازمه"]);
  });

  it("an empty index gives an empty trie", () => {
    const trie = TagTrie.ofIndex(computeTagIndex("# nothing\n"));
    expect(trie.size).toBe(0);
    expect(trie.firstWords.has("")).toBe(false);
    expect(trie.has("")).toBe(false);
  });
});
