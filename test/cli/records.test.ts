/** Record inputs (jsonl, json, csv) and --split-on: one document per record, in order, errors in-band. */
import { join } from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { createWriteStream, writeFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { schemaErrors } from "../helpers/schema.js";
import { BIN, cleanEnv, docs, dump, khabar, tempDir } from "./helpers.js";

const t = tempDir("records");
afterAll(t.cleanup);

describe("--input-format jsonl", () => {
  const lines = [
    JSON.stringify({ id: "a1", text: dump(1) }),
    "{not json",
    JSON.stringify({ id: 7, body: dump(3) }),
    JSON.stringify({ id: "a4", headline: "no text here" }),
    JSON.stringify({ meta: { id: "deep" }, content: dump(5) }),
  ];
  const file = join(t.dir, "in.jsonl");
  writeFileSync(file, `${lines.join("\n")}\n`);

  it("yields exactly one line per record, in order; bad records carry error and are reported", () => {
    const r = khabar(["--input-format", "jsonl", file]);
    expect(r.status).toBe(1);
    const out = docs(r.stdout);
    expect(out.map((d) => d.input.record)).toEqual([1, 2, 3, 4, 5]);
    expect(out.map((d) => d.input.id)).toEqual(["a1", null, "7", "a4", null]);
    expect(out.map((d) => typeof d.error)).toEqual(["undefined", "string", "undefined", "string", "undefined"]);
    expect(out[1]!.error).toMatch(/malformed JSON/);
    expect(out[0]!.article.paragraphs.length).toBeGreaterThan(0);
    for (const d of out) expect(schemaErrors(d)).toEqual([]);
    expect(r.stderr).toContain(`khabar: ${file}: record 2: malformed JSON`);
    expect(r.stderr).toContain(`khabar: ${file}: record 4: record has none of the fields`);
  });

  it("reads a file in chunks, a record cut between two of them included, as the same records from stdin", () => {
    // Records of ~40 KB: 64 KiB chunks cut most of them in two, and some inside a multi-byte character.
    const big = Array.from({ length: 6 }, (_, i) => JSON.stringify({ id: `b${i}`, text: `${dump(i + 1)}\n\n${"كلمة عربية ".repeat(3500 + i)}` }));
    const bigFile = join(t.dir, "big.jsonl");
    writeFileSync(bigFile, `${big.join("\n")}\n`);
    const fromFile = khabar(["--input-format", "jsonl", bigFile]);
    const fromStdin = khabar(["--input-format", "jsonl"], { input: `${big.join("\n")}\n` });
    expect(fromFile.status).toBe(0);
    const a = docs(fromFile.stdout);
    expect(a.map((d) => d.input.id)).toEqual(["b0", "b1", "b2", "b3", "b4", "b5"]);
    expect(a.map((d) => ({ ...d, input: { ...d.input, path: "-" } }))).toEqual(docs(fromStdin.stdout));
  });

  it("streams a named pipe given by name (its writer is waited for, not read synchronously)", async () => {
    const fifo = join(t.dir, "pipe.jsonl");
    if (spawnSync("mkfifo", [fifo]).status !== 0) return; // no mkfifo here: nothing to test
    const child = spawn(process.execPath, [BIN, "--input-format", "jsonl", fifo], { env: cleanEnv() });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const done = new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
    const writer = createWriteStream(fifo);
    writer.write(`${lines[0]}\n`);
    await new Promise((r) => setTimeout(r, 200));
    writer.end(`${lines[2]}\n`);
    expect(await done).toBe(0);
    expect(docs(stdout).map((d) => d.input.id)).toEqual(["a1", "7"]);
  });

  it("reads stdin, and takes --id-field as a dotted path and --text-field", () => {
    const r = khabar(["--input-format", "jsonl", "--id-field", "meta.id", "--text-field", "content"], { input: `${lines[4]}\n${lines[0]}\n` });
    const out = docs(r.stdout);
    expect(out.map((d) => [d.input.path, d.input.record, d.input.id, typeof d.error])).toEqual([
      ["-", 1, "deep", "undefined"],
      ["-", 2, null, "string"],
    ]);
    expect(out[1]!.error).toContain('"content"');
  });

  it("refuses a record with more lines than the heap can parse as that record's error, and goes on", () => {
    const file = join(t.dir, "runaway.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "a", text: "\n".repeat(600_000) })}\n${JSON.stringify({ id: "b", text: dump(1) })}\n`);
    const r = khabar(["--input-format", "jsonl", file], { env: { NODE_OPTIONS: "--max-old-space-size=64" } });
    expect(r.status).toBe(1);
    const [a, b] = docs(r.stdout);
    expect(a!.error).toMatch(/^over \d+ lines, too large for one dump in this process's memory .*; cut the record into several, or give node more heap/);
    expect(b!.error).toBeUndefined();
    expect(b!.article.paragraphs).toHaveLength(2);
    expect(r.stderr).toMatch(new RegExp(`^khabar: ${file}: record 1: over \\d+ lines, too large for one dump`));
  });

  it("is byte-identical with -j 1 and -j 2 across record blocks (600 records)", () => {
    const many = join(t.dir, "many.jsonl");
    writeFileSync(many, Array.from({ length: 600 }, (_, i) => (i % 97 === 5 ? "oops" : JSON.stringify({ id: i, text: dump(i) }))).join("\n"));
    const one = khabar(["-i", "jsonl", "-j", "1", many]);
    const two = khabar(["-i", "jsonl", "-j", "2", many]);
    expect(two.stdout).toBe(one.stdout);
    expect(docs(one.stdout).map((d) => d.input.record)).toEqual(Array.from({ length: 600 }, (_, i) => i + 1));
  });
});

describe("tag learning across the records of a block", () => {
  // Invented two-word names (in no lexicon): only learning can keep them whole when a later record joins them by spaces.
  const withTags = (n: number, tags: string) => `${dump(n)}\nكلمات دلالية: ${tags}\n`;
  const records = [
    { id: "sep", text: withTags(1, "قرنفش دحبور، زمبرك سلطعون") },
    { id: "joined", text: withTags(2, "زمبرك سلطعون قرنفش دحبور") },
  ];
  const file = join(t.dir, "learn.jsonl");
  writeFileSync(file, `${records.map((r) => JSON.stringify(r)).join("\n")}\n`);

  it("keeps whole, in a later record, the tags an earlier record of its block wrote with separators (any -j)", () => {
    for (const jobs of ["1", "2"]) {
      const r = khabar(["--input-format", "jsonl", "-j", jobs, file]);
      expect(r.status).toBe(0);
      expect(docs(r.stdout).map((d) => d.article.tags)).toEqual([
        ["قرنفش دحبور", "زمبرك سلطعون"],
        ["زمبرك سلطعون", "قرنفش دحبور"],
      ]);
    }
  });

  it("learns within a block of 256 records only, in whichever thread parses the block (an input over 4 MiB)", () => {
    // In each of four blocks: its first record joins the tags (nothing learned yet in the block, whatever the one
    // before learned), its second writes them with separators, its third joins them again (learned).
    const padding = "كلمة عربية أخرى في فقرة طويلة. ".repeat(90); // ~5 KB of UTF-8 a record: the input is not a small run
    const joined = "زمبرك سلطعون قرنفش دحبور";
    const many = Array.from({ length: 1024 }, (_, k) => {
      const tags = k % 256 === 0 || k % 256 === 2 ? joined : k % 256 === 1 ? "قرنفش دحبور، زمبرك سلطعون" : "";
      return JSON.stringify({ id: String(k + 1), text: `${dump(k + 1)}\n${padding}\n\n${tags ? `كلمات دلالية: ${tags}\n` : ""}` });
    });
    const big = join(t.dir, "learn-blocks.jsonl");
    writeFileSync(big, `${many.join("\n")}\n`);
    const outputs = ["1", "2"].map((jobs) => khabar(["--input-format", "jsonl", "-j", jobs, big]));
    for (const r of outputs) expect(r.status).toBe(0);
    expect(outputs[1]!.stdout).toBe(outputs[0]!.stdout);
    const tags = docs(outputs[1]!.stdout).map((d) => d.article.tags);
    for (let block = 0; block < 4; block++) {
      expect(tags[block * 256]).toEqual(["زمبرك", "سلطعون", "قرنفش", "دحبور"]);
      expect(tags[block * 256 + 2]).toEqual(["زمبرك سلطعون", "قرنفش دحبور"]);
    }
  });

  it("learns nothing from another input: each file starts a block of its own", () => {
    const alone = join(t.dir, "joined-alone.jsonl");
    writeFileSync(alone, `${JSON.stringify(records[1])}\n`);
    const r = khabar(["--input-format", "jsonl", file, alone]);
    expect(docs(r.stdout).map((d) => d.article.tags)[2]).toEqual(["زمبرك", "سلطعون", "قرنفش", "دحبور"]);
  });
});

/** The document of `text` given as a text file of its own: what a record holding the same dump must report. */
function asTextFile(text: string | Buffer): Record<string, any> {
  const alone = join(t.dir, "alone.txt");
  writeFileSync(alone, text);
  return docs(khabar([alone]).stdout)[0]!;
}

describe("NUL bytes in record inputs", () => {
  const dumpWithNul = "عنوان الخبر\n\nنص\0 الخبر الأول.\n\nالمصدر: وكالات";
  const clean = "عنوان آخر\n\nنص الخبر الثاني.";
  const inputs: [string, string[], string][] = [
    ["csv", ["-i", "csv"], `id,text\na,"${dumpWithNul}"\nb,"${clean}"\n`],
    ["jsonl", ["-i", "jsonl"], `{"id":"a","text":"${dumpWithNul.replace(/\n/g, "\\n")}"}\n{"id":"b","text":"${clean.replace(/\n/g, "\\n")}"}\n`],
    ["json", ["-i", "json"], `[{"id":"a","text":"${dumpWithNul.replace(/\n/g, "\\n")}"},\n{"id":"b","text":"${clean.replace(/\n/g, "\\n")}"}]`],
    ["--split-on", ["--split-on", "^=== (.+) ===$"], `=== a ===\n${dumpWithNul}\n=== b ===\n${clean}\n`],
  ];
  const expected = asTextFile(dumpWithNul);

  it("the text-file path deletes and reports them (what a record must match)", () => {
    expect(expected.input.repairs).toEqual(["nul"]);
    expect(expected.warnings).toEqual([{ line: 3, code: "nul", message: "NUL characters deleted on line 3" }]);
  });

  for (const [label, args, content] of inputs) {
    it(`${label}: are deleted and reported on the record that held them, on its own line number, and not on the next`, () => {
      const file = join(t.dir, "nul.in");
      writeFileSync(file, content);
      const r = khabar([...args, file]);
      expect(r.status).toBe(0);
      const [a, b] = docs(r.stdout);
      expect(a!.input.id).toBe("a");
      expect(a!.article).toEqual(expected.article);
      expect([a!.input.repairs, a!.warnings]).toEqual([expected.input.repairs, expected.warnings]);
      expect([b!.input.id, b!.input.repairs, b!.warnings]).toEqual(["b", [], []]);
      expect(b!.article.paragraphs).toEqual(["نص الخبر الثاني."]);
    });
  }

  it("keeps the noncharacters U+FDD0 and U+FDD1 a record holds, raw or as JSON escapes, beside NULs", () => {
    const odd = "رموز \uFDD0 و\uFDD1 غريبة";
    const jsonl = join(t.dir, "nonchars.jsonl");
    writeFileSync(jsonl, `{"id":"\uFDD1a","text":"عنوان\\n\\n${odd}\0 هنا."}\n{"id":"b","text":"عنوان\\n\\nرموز \\ufdd0 و\\uFDD1 غريبة."}\n`);
    const out = docs(khabar(["-i", "jsonl", jsonl]).stdout);
    expect(out.map((d) => [d.input.id, d.article.paragraphs, d.input.repairs])).toEqual([
      ["\uFDD1a", [`${odd} هنا.`], ["nul"]],
      ["b", [`${odd}.`], []],
    ]);
    const split = join(t.dir, "nonchars.txt");
    writeFileSync(split, `=== \uFDD0 ===\nعنوان\n\n${odd}\0 هنا.\n`);
    expect(docs(khabar(["--split-on", "^=== (.+) ===$", split]).stdout).map((d) => [d.input.id, d.article.paragraphs, d.input.repairs])).toEqual([
      ["\uFDD0", [`${odd} هنا.`], ["nul"]],
    ]);
  });

  it("a line of NULs alone, or NUL padding at the end of the file, is no record, as before", () => {
    const jsonl = join(t.dir, "nul-padding.jsonl");
    writeFileSync(jsonl, `{"id":"a","text":"نص الخبر."}\n\0\0\0`);
    expect(docs(khabar(["-i", "jsonl", jsonl]).stdout).map((d) => [d.input.id, d.error ?? null])).toEqual([["a", null]]);
    const csv = join(t.dir, "nul-padding.csv");
    writeFileSync(csv, `id,text\na,"نص الخبر."\n\0\0\nb,"نص آخر."\n\0\0\0`);
    const r = khabar(["-i", "csv", csv]);
    expect([r.status, docs(r.stdout).map((d) => [d.input.record, d.input.id, d.error ?? null])]).toEqual([
      0,
      [
        [1, "a", null],
        [2, "b", null],
      ],
    ]);
  });

  it("a NUL between JSON tokens, in an id or on a separator line is deleted as before, reported on no dump", () => {
    const jsonl = join(t.dir, "nul-outside.jsonl");
    writeFileSync(jsonl, `{"id":"a\0","text":"${clean.replace(/\n/g, "\\n")}"}\0\n\0\n`);
    const out = docs(khabar(["-i", "jsonl", jsonl]).stdout);
    expect(out.map((d) => [d.input.id, d.input.repairs, d.error ?? null])).toEqual([
      ["a", [], null],
      [null, [], "empty line, not a JSON record"],
    ]);
    const split = join(t.dir, "nul-outside.txt");
    writeFileSync(split, `=== a\0 ===\n${clean}\n`);
    expect(docs(khabar(["--split-on", "^=== (.+) ===$", split]).stdout).map((d) => [d.input.id, d.input.repairs])).toEqual([["a", []]]);
  });
});

describe("invalid bytes in record inputs", () => {
  const u = (text: string) => Buffer.from(text, "utf8");
  // Dumps as bytes: an invalid byte, two of them, a correctly encoded U+FFFD (the input's own: no invalid byte).
  const oneInvalid = Buffer.concat([u("عنوان\n\nنص "), Buffer.from([0xff]), u(" الخبر.")]);
  const twoInvalid = Buffer.concat([u("عنوان\n\nنص "), Buffer.from([0xff, 0xfe]), u(" الخبر.\n\nالمصدر: وكالات")]);
  const literal = u("عنوان\n\nرمز \uFFFD في النص.");
  const asJsonText = (dump: Buffer) => Buffer.concat([u('"'), Buffer.from(dump.toString("latin1").replace(/\n/g, "\\n"), "latin1"), u('"')]);
  const jsonl = (records: [string, Buffer][]) => Buffer.concat(records.flatMap(([id, text]) => [u(`{"id":"${id}","text":`), text, u("}\n")]));
  const escaped = u('"عنوان\\n\\nرمز \\ufffd مهرب."');

  it("the text-file path reports each invalid byte sequence, on its line (what a record must match)", () => {
    expect(asTextFile(oneInvalid).warnings).toEqual([{ line: 3, code: "invalid-bytes", message: "an invalid byte sequence (not utf-8) replaced by U+FFFD on line 3" }]);
    expect(asTextFile(twoInvalid).warnings).toEqual([{ line: 3, code: "invalid-bytes", message: "2 invalid byte sequences (not utf-8) replaced by U+FFFD on line 3" }]);
    expect(asTextFile(literal).input.repairs).toEqual([]);
  });

  it("jsonl: only the record with invalid bytes gets the repair, counted as for a text file; an encoded or escaped U+FFFD is none", () => {
    const file = join(t.dir, "fffd.jsonl");
    writeFileSync(file, jsonl([["a", asJsonText(oneInvalid)], ["b", asJsonText(literal)], ["c", escaped], ["d", asJsonText(twoInvalid)], ["e", asJsonText(literal)]]));
    const out = docs(khabar(["-i", "jsonl", file]).stdout);
    expect(out.map((d) => d.input.id)).toEqual(["a", "b", "c", "d", "e"]);
    for (const [i, dump] of [[0, oneInvalid], [3, twoInvalid]] as const) {
      const expected = asTextFile(dump);
      expect([out[i]!.input.repairs, out[i]!.warnings, out[i]!.article]).toEqual([expected.input.repairs, expected.warnings, expected.article]);
    }
    for (const i of [1, 2, 4]) expect([out[i]!.input.id, out[i]!.input.repairs, out[i]!.warnings]).toEqual([out[i]!.input.id, [], []]);
    expect(out[1]!.article.paragraphs).toEqual(["رمز \uFFFD في النص."]);
    expect(out[2]!.article.paragraphs).toEqual(["رمز \uFFFD مهرب."]);
  });

  it("csv and --split-on: the same, record by record", () => {
    const csv = join(t.dir, "fffd.csv");
    writeFileSync(csv, Buffer.concat([u('id,text\nb,"'), literal, u('"\nd,"'), twoInvalid, u('"\ne,"'), literal, u('"\n')]));
    const split = join(t.dir, "fffd.txt");
    writeFileSync(split, Buffer.concat([u("=== b ===\n"), literal, u("\n=== d ===\n"), twoInvalid, u("\n=== e ===\n"), literal, u("\n")]));
    const expected = asTextFile(Buffer.concat([twoInvalid, u("\n")]));
    for (const args of [["-i", "csv", csv], ["--split-on", "^=== (.+) ===$", split]]) {
      const out = docs(khabar(args).stdout);
      expect(out.map((d) => [d.input.id, d.input.repairs, d.warnings.length])).toEqual([
        ["b", [], 0],
        ["d", ["invalid-bytes"], 1],
        ["e", [], 0],
      ]);
      expect([out[1]!.warnings, out[1]!.article]).toEqual([expected.warnings, expected.article]);
    }
  });

  it("gives byte-identical documents with -j 1 and -j 2 (an input over 4 MiB, parsed in a worker too)", () => {
    const padding = u("كلمة عربية أخرى في فقرة طويلة. ".repeat(90));
    const cases = [oneInvalid, literal, twoInvalid, Buffer.concat([u("عنوان\n\nنص\0 "), Buffer.from([0xc3]), u("\n")])];
    const records: [string, Buffer][] = Array.from({ length: 1024 }, (_, k) => [String(k + 1), asJsonText(Buffer.concat([cases[k % 4]!, u("\n\n"), padding]))]);
    records.splice(700, 0, ["escaped", escaped]);
    const file = join(t.dir, "fffd-many.jsonl");
    writeFileSync(file, jsonl(records));
    const [one, two] = ["1", "2"].map((jobs) => khabar(["-i", "jsonl", "-j", jobs, file]));
    expect(two!.stdout).toBe(one!.stdout);
    const out = docs(one!.stdout);
    expect(out).toHaveLength(1025);
    expect(out.map((d) => d.input.repairs.join(" ")).slice(696, 705)).toEqual(["invalid-bytes", "", "invalid-bytes", "invalid-bytes nul", "", "invalid-bytes", "", "invalid-bytes", "invalid-bytes nul"]);
  });
});

describe("--input-format csv", () => {
  it("reads quoted fields with newlines, a ; delimiter and a BOM", () => {
    const file = join(t.dir, "in.csv");
    const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const rows = ["id;title;text", `x1;"a;b";${quoted(dump(1))}`, `x2;only title`, `x3;"t";${quoted('قال "فلان" كلاماً.')}`];
    writeFileSync(file, `\uFEFF${rows.join("\r\n")}\r\n`);
    const r = khabar(["--input-format", "csv", file]);
    const out = docs(r.stdout);
    expect(out.map((d) => [d.input.record, d.input.id, typeof d.error])).toEqual([
      [1, "x1", "undefined"],
      [2, "x2", "string"],
      [3, "x3", "undefined"],
    ]);
    expect(out[0]!.article.paragraphs.length).toBeGreaterThan(0);
    expect(JSON.stringify(out[2])).toContain('قال \\"فلان\\" كلاماً.');
    expect(r.status).toBe(1);
  });

  it("detects a , delimiter too", () => {
    const r = khabar(["-i", "csv"], { input: `text,id\n${JSON.stringify(dump(1))},k\n` });
    expect(r.status).toBe(0);
    expect(docs(r.stdout).map((d) => d.input.id)).toEqual(["k"]);
  });

  it("keeps a quote inside an unquoted field as it is (scraped text quotes names), and every record around it", () => {
    // A stray quote used to end the input with csv-parse's error, and records read before it with it.
    const rows = ["id,text", "a1,أول خبر", 'a2,قال "الشرق الأوسط" أمس إن الاجتماع انتهى.', 'a3,"مقتبس" في أول الحقل', "a4,آخر خبر"];
    const r = khabar(["-i", "csv"], { input: `${rows.join("\n")}\n` });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    const out = docs(r.stdout);
    expect(out.map((d) => d.input.id)).toEqual(["a1", "a2", "a3", "a4"]);
    expect(out[1]!.article.title ?? out[1]!.article.paragraphs[0]).toBe('قال "الشرق الأوسط" أمس إن الاجتماع انتهى.');
  });
});

describe("--input-format json", () => {
  it("reads an array of records element by element; a bad element is one error document", () => {
    const file = join(t.dir, "in.json");
    writeFileSync(file, `[\n  {"id": "j1", "text": ${JSON.stringify(dump(1))}},\n  {bad},\n  ${JSON.stringify(dump(3))},\n  42\n]\n`);
    const r = khabar(["--input-format", "json", file]);
    const out = docs(r.stdout);
    expect(out.map((d) => [d.input.record, d.input.id, typeof d.error])).toEqual([
      [1, "j1", "undefined"],
      [2, null, "string"],
      [3, null, "undefined"],
      [4, null, "string"],
    ]);
    expect(r.status).toBe(1);
  });

  it("reports a file that is not an array", () => {
    const r = khabar(["-i", "json"], { input: '{"text": "x"}' });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^khabar: -: not a JSON array of records/);
  });
});

describe("--split-on", () => {
  const text = ["=== https://a.example/1 ===", dump(1), "=== https://a.example/2 ===", dump(2), "=== https://a.example/3 ===", ""].join("\n");

  it("cuts one file into many dumps; the separator line belongs to neither; group 1 becomes input.id", () => {
    const file = join(t.dir, "many.txt");
    writeFileSync(file, text);
    const r = khabar(["--split-on", "^=== (.+) ===$", file]);
    expect(r.status).toBe(0);
    const out = docs(r.stdout);
    expect(out.map((d) => [d.input.record, d.input.id])).toEqual([
      [1, "https://a.example/1"],
      [2, "https://a.example/2"],
      [3, "https://a.example/3"],
    ]);
    expect(r.stdout).not.toContain("===");
    expect(out[2]!.article.paragraphs).toEqual([]);
  });

  it("keeps text before the first separator as a dump, and has no id without a group", () => {
    const r = khabar(["--split-on", "^-{5,}$"], { input: `${dump(1)}-----\n${dump(2)}` });
    const out = docs(r.stdout);
    expect(out.map((d) => [d.input.path, d.input.record, "id" in d.input])).toEqual([
      ["-", 1, false],
      ["-", 2, false],
    ]);
  });

  it("breaks lines at a lone CR too (SPEC §1): a separator after one starts the next dump, whose text stays as it was", () => {
    // Old Mac line ends throughout, and a file whose first dump ends in a lone CR before a separator on its own \n line.
    const dumps = ["عنوان أول\r\rنص الخبر الأول.\r", "عنوان ثان\r\rنص الخبر الثاني.\r"];
    const mixed = ["عنوان أول\n\nنص الخبر الأول.\r", "عنوان ثان\n\nنص الخبر الثاني.\n"];
    for (const [sep, parts] of [["\r", dumps], ["\n", mixed]] as const) {
      const file = join(t.dir, "cr.txt");
      writeFileSync(file, `=== a ===${sep}${parts[0]}=== b ===${sep}${parts[1]}`);
      const r = khabar(["--split-on", "^=== (.+) ===$", file]);
      expect(r.status).toBe(0);
      const out = docs(r.stdout);
      expect(out.map((d) => d.input.id)).toEqual(["a", "b"]);
      // Each dump is parsed as the same text in a file of its own: its line ends (and so its crlf repair) kept.
      out.forEach((d, i) => {
        const alone = join(t.dir, "alone.txt");
        writeFileSync(alone, parts[i]!);
        const [expected] = docs(khabar([alone]).stdout);
        expect(d.article).toEqual(expected!.article);
        expect([d.input.lines, d.input.repairs, d.warnings]).toEqual([expected!.input.lines, expected!.input.repairs, expected!.warnings]);
      });
      expect(out[0]!.article.title).toBe("عنوان أول");
      expect(out[0]!.input.repairs).toEqual(["crlf"]);
    }
  });

  it("is a usage error with a bad pattern, or with a record format", () => {
    expect(khabar(["--split-on", "(unclosed"], { input: "" }).status).toBe(2);
    expect(khabar(["--split-on", "x", "-i", "jsonl"], { input: "" }).status).toBe(2);
  });
});
