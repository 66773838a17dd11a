/**
 * `khabar inspect <input>`: the dump line by line — line number, the label the pipeline gave the line
 * (coloured), the text — to see at a glance why a line went where it went.
 */
import { readFile } from "node:fs/promises";
import type { ChalkInstance } from "chalk";
import { DumpTooBigError, parseBuffer } from "../index.js";
import type { KhabarDocument, LineExplain, MarkerVocabulary } from "../types.js";
import { decodeBuffer, looksBinary, repairText } from "../encoding/index.js";
import { describeFsError } from "../io/fsErrors.js";
import type { Sink } from "../io/output.js";
import type { Reporter } from "./reporter.js";

export interface InspectOptions {
  encoding: string;
  markers?: Partial<MarkerVocabulary>;
  tagLexicon?: string[];
}

type Paint = (chalk: ChalkInstance) => (s: string) => string;

/** Colours by the kind of label; labels are matched loosely, as the pipeline's names may grow. */
const LABEL_COLOURS: [RegExp, Paint][] = [
  [/title|heading/, (c) => c.bold.cyan],
  [/byline|author|published|date/, (c) => c.cyan],
  [/source/, (c) => c.green],
  [/tag/, (c) => c.magenta],
  [/read.?also/, (c) => c.yellow.bold],
  [/read.?more/, (c) => c.yellow],
  [/tweet|embed/, (c) => c.blue],
  [/related|bullet/, (c) => c.greenBright],
  [/drop|boiler|duplicate|chrome|share|ad$|nav/, (c) => c.gray],
  [/paragraph|body|prose/, (c) => (s) => s],
];
const FALLBACK_COLOURS: Paint[] = [(c) => c.red, (c) => c.green, (c) => c.yellow, (c) => c.blue, (c) => c.magenta, (c) => c.cyan];

export function paintLabel(chalk: ChalkInstance, label: string): (s: string) => string {
  const key = label.toLowerCase();
  for (const [re, paint] of LABEL_COLOURS) if (re.test(key)) return paint(chalk);
  let h = 0;
  for (const ch of key) h = (h * 31 + ch.codePointAt(0)!) >>> 0;
  return FALLBACK_COLOURS[h % FALLBACK_COLOURS.length]!(chalk);
}

/** Returns false when the input could not be read or parsed (reported), true otherwise. */
export async function inspect(path: string, options: InspectOptions, out: Sink, chalk: ChalkInstance, reporter: Reporter): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = path === "-" ? await readStdin() : await readFile(path);
  } catch (err) {
    reporter.problem(path, describeFsError(err));
    return false;
  }
  if (looksBinary(bytes)) {
    reporter.problem(path, "binary file, not a text dump");
    return false;
  }
  let doc: KhabarDocument;
  try {
    doc = parseBuffer(bytes, {
      path,
      explain: true,
      encoding: options.encoding,
      ...(options.markers ? { markers: options.markers } : {}),
      ...(options.tagLexicon ? { tagLexicon: options.tagLexicon } : {}),
    });
  } catch (err) {
    if (!(err instanceof DumpTooBigError)) throw err;
    reporter.problem(path, err.message);
    return false;
  }
  const lines = repairText(decodeBuffer(bytes, options.encoding).text).text.split(/\r\n|\r|\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const byLine = new Map<number, LineExplain>();
  for (const l of doc.lines ?? []) byLine.set(l.n, l);
  const numberWidth = String(lines.length).length;
  let labelWidth = 5;
  for (const l of byLine.values()) labelWidth = Math.max(labelWidth, l.label.length);
  const rows: string[] = [];
  lines.forEach((text, i) => {
    const info = byLine.get(i + 1);
    const label = info?.label ?? "";
    const paint = label ? paintLabel(chalk, label) : (s: string) => s;
    const number = chalk.dim(String(i + 1).padStart(numberWidth));
    rows.push(text.trim() || label ? `${number}  ${paint(label.padEnd(labelWidth))}  ${text}` : number);
  });
  await out.write(rows.length ? `${rows.join("\n")}\n` : "");
  for (const w of doc.warnings) reporter.problem(path, `${w.line !== null ? `line ${w.line}: ` : ""}warning ${w.code}: ${w.message}`);
  return true;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
