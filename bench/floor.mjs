#!/usr/bin/env node
// The floor: the work no dump parser can avoid, done as cheaply as plain Node allows.
// Reads the same bytes khabar reads (walks a directory for *.txt, or streams a JSONL file),
// decodes UTF-8, splits lines, and writes one JSON array of each dump's lines per output line.
// No classification at all. Usage: node bench/floor.mjs [--input-format jsonl] <dir-or-file>

import fs from "node:fs";
import path from "node:path";
import { StringDecoder } from "node:string_decoder";

const OUT_CHUNK = 1 << 20; // batch stdout writes: one syscall per ~1 MB, as any sane writer would
const LINE_RE = /\r\n|\r|\n/;

let pending = [];
let pendingLen = 0;
let docs = 0;
let bytesIn = 0;

/** Queues one document; the callers flush once ~1 MB is pending. */
function emit(lines) {
  const s = JSON.stringify(lines) + "\n";
  pending.push(s);
  pendingLen += s.length;
  docs++;
}

// A closed pipe (`floor dir | head`) ends the run quietly, like khabar.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

function flush() {
  const s = pending.join("");
  pending = [];
  pendingLen = 0;
  if (!s) return;
  if (process.stdout.write(s)) return;
  return new Promise((resolve) => process.stdout.once("drain", resolve));
}

function* walk(dir) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else if (e.isFile() && e.name.endsWith(".txt")) yield p;
  }
}

const decoder = new TextDecoder("utf-8"); // replacement, not fatal: like a parser that never crashes

async function floorDir(root) {
  const files = fs.statSync(root).isDirectory() ? walk(root) : [root];
  for (const file of files) {
    const buf = fs.readFileSync(file);
    bytesIn += buf.length;
    let text = decoder.decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    emit(text.split(LINE_RE));
    if (pendingLen >= OUT_CHUNK) await flush();
  }
}

async function floorJsonl(file) {
  const sd = new StringDecoder("utf8");
  let carry = "";
  const handle = (line) => {
    if (!line) return;
    let text = "";
    try {
      const rec = JSON.parse(line);
      text = typeof rec.text === "string" ? rec.text : "";
    } catch {
      text = "";
    }
    emit(text.split(LINE_RE));
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1 << 20 })) {
    bytesIn += chunk.length;
    const s = carry + sd.write(chunk);
    let start = 0;
    let nl;
    while ((nl = s.indexOf("\n", start)) !== -1) {
      handle(s.slice(start, nl));
      start = nl + 1;
    }
    carry = s.slice(start);
    if (pendingLen >= OUT_CHUNK) await flush();
  }
  carry += sd.end();
  if (carry) handle(carry);
}

const args = process.argv.slice(2);
let format = "text";
const inputs = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--input-format") format = args[++i];
  else inputs.push(args[i]);
}
if (inputs.length === 0) {
  process.stderr.write("usage: node bench/floor.mjs [--input-format jsonl] <dir-or-file>...\n");
  process.exit(2);
}
for (const input of inputs) {
  if (format === "jsonl") await floorJsonl(input);
  else await floorDir(input);
}
await flush();
if (process.env.FLOOR_STATS) process.stderr.write(`floor: ${docs} docs, ${bytesIn} bytes\n`);
