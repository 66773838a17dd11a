/**
 * `--stats`: counters over the run, printed on stderr at the end. Per-document counts are made where
 * the document is (in the worker) and merged here.
 */
import type { KhabarDocument } from "../types.js";

export interface StatsDelta {
  rules: Record<string, number>;
  dropped: Record<string, number>;
  repairs: Record<string, number>;
}

export function emptyDelta(): StatsDelta {
  return { rules: {}, dropped: {}, repairs: {} };
}

function bump(map: Record<string, number>, key: string, by = 1): void {
  map[key] = (map[key] ?? 0) + by;
}

export function countDocument(delta: StatsDelta, doc: KhabarDocument): void {
  for (const line of doc.lines ?? []) bump(delta.rules, line.rule);
  for (const d of doc.dropped) bump(delta.dropped, d.reason);
  for (const r of doc.input.repairs) bump(delta.repairs, r);
}

export class RunStats {
  readonly totals: StatsDelta = emptyDelta();
  documents = 0;
  failures = 0;
  skipped = 0;
  inputs = 0;
  bytes = 0;
  private readonly started = performance.now();

  merge(delta: StatsDelta): void {
    for (const key of ["rules", "dropped", "repairs"] as const) {
      for (const [k, v] of Object.entries(delta[key])) bump(this.totals[key], k, v);
    }
  }

  format(): string {
    const seconds = (performance.now() - this.started) / 1000;
    const mb = this.bytes / 1e6;
    const rows: string[] = [
      "khabar: stats:",
      `  documents      ${this.documents}`,
      `  inputs         ${this.inputs}${this.skipped ? ` (${this.skipped} skipped, output exists)` : ""}`,
      `  failures       ${this.failures}`,
      `  read           ${mb.toFixed(2)} MB in ${seconds.toFixed(2)} s (${seconds > 0 ? (mb / seconds).toFixed(2) : "0.00"} MB/s)`,
    ];
    const table = (title: string, map: Record<string, number>) => {
      const entries = Object.entries(map).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
      rows.push(`  ${title}${entries.length ? "" : "  (none)"}`);
      const width = Math.max(0, ...entries.map(([k]) => k.length));
      for (const [k, v] of entries) rows.push(`    ${k.padEnd(width)}  ${v}`);
    };
    table("lines by rule", this.totals.rules);
    table("dropped by reason", this.totals.dropped);
    table("repairs by kind", this.totals.repairs);
    return `${rows.join("\n")}\n`;
  }
}
