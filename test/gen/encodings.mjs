#!/usr/bin/env node
// Writes the encoding fixtures (fixtures/enc-*/input.txt + README) from one clean Arabic dump, reproducibly:
// the same bytes on every run. Run from anywhere: `node test/gen/encodings.mjs`. expected.json files are
// written separately (UPDATE_FIXTURES=1 npm test) and reviewed by hand.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import iconv from "iconv-lite";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures");

// Original prose. Only characters Windows-1256 and ISO-8859-6 both hold (no « » or curly quotes), so every
// encoding below can carry it; the `&` in `S&P` is a bare ampersand that must survive entity decoding.
const TITLE = "أسعار النفط ترتفع مع تراجع المخزونات الأمريكية";
const DUMP = [
  TITLE,
  "",
  "ارتفعت أسعار النفط في تعاملات الأربعاء بعد أن أظهرت بيانات رسمية تراجعا كبيرا في مخزونات الخام لدى الولايات المتحدة، أكبر مستهلك للطاقة في العالم.",
  "",
  'وقال محللون في "ستاندرد آند بورز" (S&P) إن السوق تترقب اجتماع الدول المنتجة الشهر المقبل، الذي قد يحدد مستوى الإنتاج حتى نهاية العام.',
  "",
  "وأضافت مصادر مطلعة أن عددا من دول الخليج تدرس خفضا إضافيا في الإنتاج إذا استمر ضعف الطلب في آسيا.",
  "",
  "ويرى خبراء أن تقلب الأسعار سيبقى مرتفعا خلال الأسابيع المقبلة، مع تراجع مؤشر S&P 500 في ظل الغموض الذي يحيط بالاقتصاد العالمي.",
  "",
  "المصدر: وكالات",
  "",
  "كلمات دلالية: اقتصاد، نفط، الخليج",
];
const CLEAN = DUMP.join("\n") + "\n";

const utf8 = (text) => Buffer.from(text, "utf8");

/** Windows-1252 as browsers read it: the five bytes it leaves undefined become their C1 control, not U+FFFD. */
function readAsWindows1252(bytes) {
  let out = "";
  for (const b of bytes) {
    const c = iconv.decode(Buffer.from([b]), "windows-1252");
    out += c === "\uFFFD" ? String.fromCharCode(b) : c;
  }
  return out;
}

/** UTF-8 bytes shown by a Windows-1252 reader, saved again as UTF-8: the classic `Ø§Ù„`. */
const latin1Mojibake = (text) => readAsWindows1252(utf8(text));
const cp1256Mojibake = (text) => iconv.decode(utf8(text), "windows-1256");

/** Arabic letters as isolated presentation forms (and the lam-alef ligatures), the way some PDF converters emit them. */
function toPresentationForms(text) {
  const isolated = new Map();
  for (let c = 0xfe70; c <= 0xfefc; c++) {
    const ch = String.fromCharCode(c);
    const base = ch.normalize("NFKC");
    if (base.length === 1 && !isolated.has(base)) isolated.set(base, ch);
  }
  return text
    .replaceAll("لأ", "\uFEF7")
    .replaceAll("لا", "\uFEFB")
    .replace(/./gu, (ch) => isolated.get(ch) ?? ch);
}

function insertBytes(text, inserts) {
  // inserts: [substring after which to insert, bytes]; each substring must occur in the text.
  let bytes = utf8(text);
  for (const [after, extra] of inserts) {
    const at = bytes.indexOf(utf8(after));
    if (at < 0) throw new Error(`not in the dump: ${after}`);
    const cut = at + utf8(after).length;
    bytes = Buffer.concat([bytes.subarray(0, cut), Buffer.from(extra), bytes.subarray(cut)]);
  }
  return bytes;
}

function roundTrips(bytes, encoding) {
  if (iconv.decode(bytes, encoding) !== CLEAN) throw new Error(`${encoding} cannot hold the dump`);
  return bytes;
}

/**
 * UTF-8 bytes shown by a Windows-1252 decoder that writes U+FFFD for the five bytes it leaves undefined (iconv-lite,
 * Python's `errors="replace"`), saved again as UTF-8: the lost bytes are gone for good.
 */
const lossyLatin1Mojibake = (text) => iconv.decode(utf8(text), "windows-1252");

// The clean dump with curly quotes around the firm's name: `ف` (D9 81) loses its second byte in most lines, and the
// closing `”` (E2 80 9D) its last.
const CURLY = CLEAN.replace('"ستاندرد آند بورز"', "“ستاندرد آند بورز”");

const linesOf = CLEAN.split("\n");
const mapLines = (pick, fn) => linesOf.map((line, i) => (pick(i) && line ? fn(line) : line)).join("\n");

const fixtures = {
  "enc-clean-utf8": [utf8(CLEAN), "Clean UTF-8 Arabic dump: the baseline every other enc-* fixture is derived from."],
  "enc-utf8-bom": [Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(CLEAN)]), "UTF-8 with a byte-order mark: BOM stripped, repair `bom`."],
  "enc-utf16le-bom": [Buffer.concat([Buffer.from([0xff, 0xfe]), roundTrips(iconv.encode(CLEAN, "utf-16le"), "utf-16le")]), "UTF-16LE with BOM (Windows Notepad 'Unicode'): detected by BOM."],
  "enc-utf16be-bom": [Buffer.concat([Buffer.from([0xfe, 0xff]), roundTrips(iconv.encode(CLEAN, "utf-16be"), "utf-16be")]), "UTF-16BE with BOM: detected by BOM."],
  "enc-utf16le-nobom": [roundTrips(iconv.encode(CLEAN, "utf-16le"), "utf-16le"), "UTF-16LE without BOM: detected by the 0x00/0x06 high bytes of every pair."],
  "enc-windows-1256": [roundTrips(iconv.encode(CLEAN, "windows-1256"), "windows-1256"), "Windows-1256 (legacy Arabic web pages): detected by scoring, not UTF-8."],
  "enc-iso-8859-6": [roundTrips(iconv.encode(CLEAN, "iso-8859-6"), "iso-8859-6"), "ISO-8859-6: must be told apart from Windows-1256, which shares half its letters."],
  "enc-crlf": [utf8(CLEAN.replace(/\n/g, "\r\n")), "CRLF line ends: same document as enc-clean-utf8; the line splitter, not the decoder, handles them."],
  "enc-nul": [insertBytes(CLEAN, [[TITLE, [0]], ["أسعار النفط في", [0, 0]], ["المصدر:", [0]]]), "NUL bytes between words (a C scraper's buffers): deleted, repair `nul`; not binary."],
  "enc-invalid-bytes": [insertBytes(CLEAN, [["ارتفعت أسع", [0xff]], ["وأضافت مصا", [0xc3]]]), "Stray 0xFF and 0xC3 bytes inside words: still UTF-8, each replaced by U+FFFD, repair `invalid-bytes`."],
  "enc-mojibake-cp1256": [utf8(cp1256Mojibake(CLEAN)), "UTF-8 read as Windows-1256 and saved again (ط§ظ„): repair `mojibake-cp1256`."],
  "enc-mojibake-latin1": [utf8(latin1Mojibake(CLEAN)), "UTF-8 read as Windows-1252 by a browser and saved again (Ø§Ù„): repair `mojibake-latin1`."],
  "enc-mojibake-latin1-lost-bytes": [
    utf8(lossyLatin1Mojibake(CURLY)),
    "UTF-8 read by a Windows-1252 decoder that wrote U+FFFD for the bytes it leaves undefined, saved as UTF-8 (Ù� for ف): still utf-8, no invalid byte; repair `mojibake-latin1`, ف read back, the closing quote that lost a byte one U+FFFD.",
  ],
  "enc-mojibake-double": [utf8(latin1Mojibake(latin1Mojibake(CLEAN))), "UTF-8 read as Windows-1252 twice over (Ã˜Â§): repaired in two layers, repair `mojibake-latin1`."],
  "enc-legacy-cp1256": [utf8(readAsWindows1252(iconv.encode(CLEAN, "windows-1256"))), "Windows-1256 bytes read as Windows-1252 (ÇáãÕÏÑ): repair `legacy-cp1256`."],
  "enc-half-mojibake": [utf8(mapLines((i) => i === 4 || i === 6 || i === 10, cp1256Mojibake)), "Only lines 5, 7 and 11 are mojibake (a dump glued from two sources): only they change."],
  "enc-html-entities": [
    utf8(
      CLEAN.replace(TITLE, [...TITLE].map((ch) => (ch === " " ? " " : `&#${ch.codePointAt(0)};`)).join(""))
        .replace("مخزونات الخام", [..."مخزونات"].map((ch) => `&#x${ch.codePointAt(0).toString(16)};`).join("") + " الخام")
        .replaceAll('"', "&quot;")
        .replace("(S&P)", "(S&amp;P)"),
    ),
    "HTML entities left by the scraper (&#1571; &#x645; &quot; &amp;) decoded; the bare & in `S&P 500` stays.",
  ],
  "enc-presentation-forms": [utf8(CLEAN.replace(TITLE, toPresentationForms(TITLE))), "Title in isolated Arabic presentation forms (ﺃﺱﻉﺍﺭ, ligature ﻷ) as PDF converters emit them: folded by NFKC, repair `presentation-forms`."],
};

if (toPresentationForms(TITLE).normalize("NFKC") !== TITLE) throw new Error("presentation forms do not fold back to the title");

for (const [name, [bytes, why]] of Object.entries(fixtures)) {
  const dir = join(root, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "input.txt"), bytes);
  writeFileSync(join(dir, "README"), why + "\n");
}
console.log(`wrote ${Object.keys(fixtures).length} fixtures under ${root}`);
