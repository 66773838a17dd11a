/** A worker thread of `-j N` (the built dist/bundle/worker.js) runs tasks with the heap of its own. */
import { once } from "node:events";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const settings = { format: "ndjson", pretty: false, explain: false, stats: false, strict: false, encoding: "auto" };

describe("a worker thread", () => {
  it("refuses a dump, or a record, too big for its own heap as an input problem, and goes on", async () => {
    const worker = new Worker(join(ROOT, "dist", "bundle", "worker.js"), {
      workerData: settings,
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 },
    });
    try {
      const [ready] = await once(worker, "message");
      expect(ready).toEqual({ ready: true });
      const blank = "\n".repeat(600_000);
      worker.postMessage({ id: 1, task: { kind: "file", path: "blank.txt", bytes: Buffer.from(blank) } });
      const [file] = await once(worker, "message");
      expect(file.id).toBe(1);
      expect(file.results[0].problems).toEqual([
        { message: expect.stringMatching(/^over \d+ lines, too large for one dump in this process's memory \(\d+ MiB for a dump\); cut it with --split-on/) },
      ]);
      const items = [
        { record: 1, json: JSON.stringify({ text: blank }) },
        { record: 2, json: JSON.stringify({ text: "عنوان\n\nنص الخبر." }) },
      ];
      worker.postMessage({ id: 2, task: { kind: "records", path: "in.jsonl", encoding: "utf-8", bomRecord: null, marked: false, items } });
      const [records] = await once(worker, "message");
      const docs = records.results[0].outputs.map((o: string) => JSON.parse(o));
      expect(docs[0].error).toMatch(/^over \d+ lines, too large for one dump in this process's memory .*; cut the record into several/);
      expect(docs[1].error).toBeUndefined();
      expect(docs[1].article.paragraphs).toEqual(["نص الخبر."]);
      expect(records.results[0].problems).toEqual([{ record: 1, message: docs[0].error }]);
    } finally {
      await worker.terminate();
    }
  });
});
