/** `khabar rules`: the classifiers in pipeline order, then the marker vocabulary in force (with --markers). */
import { describeRules } from "../index.js";
import type { MarkerVocabulary } from "../types.js";

export function renderRules(markers: Partial<MarkerVocabulary> | undefined, json: boolean): string {
  const described = describeRules(markers);
  if (json) return `${JSON.stringify(described, null, 2)}\n`;
  const rows: string[] = ["Classifiers, in pipeline order (the first that claims a line decides it):"];
  if (!described.rules.length) rows.push("  (none)");
  const nameWidth = Math.max(0, ...described.rules.map((r) => r.name.length));
  const labels = described.rules.map((r) => r.labels.join(", "));
  const labelWidth = Math.max(0, ...labels.map((l) => l.length));
  described.rules.forEach((r, i) => {
    rows.push(`  ${String(i + 1).padStart(2)}. ${r.name.padEnd(nameWidth)}  ${labels[i]!.padEnd(labelWidth)}  ${r.description}`);
  });
  rows.push("", `Marker vocabulary in force (built in${markers ? " + --markers" : ""}; compared on the match form):`);
  for (const [kind, list] of Object.entries(described.markers)) {
    rows.push(`  ${kind} (${list.length}):`);
    for (const m of list) rows.push(`    ${m}`);
  }
  return `${rows.join("\n")}\n`;
}
