/**
 * The no-loss checker (test/helpers/invariants.ts) must be able to fail: documents with a line's text cut short,
 * a value claimed by two lines, or a tag that is in no tags text are caught.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { lossProblems } from "./helpers/invariants.js";

const WRAPPED = readFileSync(new URL("../fixtures/w3m-wrapped-lists/input.txt", import.meta.url), "utf8");

describe("the no-loss checker", () => {
  const fresh = () => parse(WRAPPED, { explain: true });

  it("passes the document as parsed", () => expect(lossProblems(fresh(), WRAPPED)).toEqual([]));

  it("finds a wrapped paragraph whose last line was dropped from its text", () => {
    const doc = fresh();
    const p = doc.article.paragraphs[0]!;
    doc.article.paragraphs[0] = p.slice(0, p.lastIndexOf(" "));
    expect(lossProblems(doc, WRAPPED).join("\n")).toMatch(/labelled paragraph/u);
  });

  it("finds a read-more value given by two lines", () => {
    const doc = fresh();
    doc.article.readMore[1] = doc.article.readMore[0]!;
    expect(lossProblems(doc, WRAPPED).join("\n")).toMatch(/labelled read-also-link/u);
  });

  it("finds values that lost their first words (after the marker or bullet), and a teaser cut short", () => {
    const doc = fresh();
    doc.article.readMore[0] = doc.article.readMore[0]!.split(" ").slice(3).join(" ");
    doc.related[1] = doc.related[1]!.split(" ").slice(2).join(" ");
    const problems = lossProblems(doc, WRAPPED).join("\n");
    expect(problems).toMatch(/labelled read-more/u);
    expect(problems).toMatch(/labelled related-item/u);
    const teaser = "وتوقع محللون أن تواصل أسعار الذهب صعودها خلال الأسابيع المقبلة… اقرأ المزيد";
    const text = `عنوان الخبر الرئيسي هنا اليوم\n\nنص الخبر الأول طويل بما يكفي ليكون فقرة.\n\n${teaser}\n`;
    const cut = parse(text, { explain: true });
    expect(lossProblems(cut, text)).toEqual([]);
    cut.article.readMore[0] = cut.article.readMore[0]!.split(" ").slice(0, 3).join(" ");
    expect(lossProblems(cut, text).join("\n")).toMatch(/labelled read-more/u);
  });

  it("finds a wrapped related headline cut short, and a tag that is in no tags text", () => {
    const doc = fresh();
    doc.related[0] = doc.related[0]!.split(" ").slice(0, 3).join(" ");
    doc.article.tags.push("وسم مختلق");
    const problems = lossProblems(doc, WRAPPED).join("\n");
    expect(problems).toMatch(/labelled related-item/u);
    expect(problems).toMatch(/tag "وسم مختلق" is not in its tagsText/u);
  });
});
