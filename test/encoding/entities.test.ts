import { describe, expect, it } from "vitest";
import { repairText } from "../../src/encoding/index.js";

describe("HTML entities", () => {
  it.each([
    ["&#1575;&#1604;&#1582;&#1576;&#1585;", "الخبر"],
    ["&#x627;&#x644;&#X62E;&#x628;&#x631;", "الخبر"],
    ["&#1575&#1604; بدون فاصلة منقوطة", "ال بدون فاصلة منقوطة"],
    ["&amp; &quot;نص&quot; &apos;x&apos; &lt;b&gt;", '& "نص" \'x\' <b>'],
    ["قال&nbsp;الوزير", "قال\u00A0الوزير"],
    ["&laquo;الاتفاق&raquo;", "«الاتفاق»"],
    ["انتظر&hellip; 2020&ndash;2025 &mdash; نعم", "انتظر… 2020–2025 — نعم"],
    ["it&rsquo;s &lsquo;a&rsquo; &ldquo;b&rdquo; &bull; &euro;5 &copy; &eacute;t&eacute; &Eacute;", "it’s ‘a’ “b” • €5 © été É"],
    ["&zwnj;&rlm;&lrm;", "\u200C\u200F\u200E"],
    ["&#128; &#150; &#x93;", "€ – “"],
    ["&#0; &#xD800; &#1114112; &#99999999999999;", "\uFFFD \uFFFD \uFFFD \uFFFD"],
    ["&#128512;", "😀"],
    ["&amp;lt;", "&lt;"],
  ])("%s → %s", (input, output) => {
    expect(repairText(input)).toMatchObject({ text: output, repairs: ["html-entities"] });
  });

  it.each([
    ["AT&T و S&P 500"],
    ["أ & ب"],
    ["R&D; Q&A"],
    ["&unknown; &foo;"],
    ["& amp; &# ; &#x; &#xZZ;"],
    ["Tom&Jerry&amp"],
    ["https://example.com/?a=1&b=2"],
  ])("leaves %s alone", (input) => {
    expect(repairText(input)).toEqual({ text: input, repairs: [], warnings: [] });
  });

  it("reports the lines it decoded on", () => {
    const { warnings } = repairText("عنوان\n\nنص &amp; نص\nAT&T\n&#1575;");
    expect(warnings).toEqual([{ line: 3, code: "html-entities", message: "HTML entities decoded on lines 3, 5" }]);
  });

  it("stays linear on a long run of digits or ampersands", () => {
    const started = Date.now();
    repairText("&#" + "9".repeat(2_000_000) + ";" + "&".repeat(2_000_000));
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
