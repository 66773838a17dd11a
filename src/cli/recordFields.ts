/**
 * From a parsed record to the dump's text and id: `--text-field` (default: the first present of
 * `text`, `content`, `body`) and `--id-field` (default `id`), both dotted paths (`meta.id`).
 */

export const DEFAULT_TEXT_FIELDS = ["text", "content", "body"] as const;
export const DEFAULT_ID_FIELD = "id";

export type ResolvedRecord = { text: string; id: string | null; error?: undefined } | { error: string; id: string | null };

/** The value at a dotted path; a key that itself holds dots (a CSV header `meta.id`) wins. */
export function getPath(value: unknown, path: string): unknown {
  if (value === null || typeof value !== "object") return undefined;
  const obj = value as Record<string, unknown>;
  if (Object.hasOwn(obj, path)) return obj[path];
  let cur: unknown = obj;
  for (const key of path.split(".")) {
    if (cur === null || typeof cur !== "object" || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function idOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  return null;
}

/** A JSON string record is the dump itself; an object record names its text and id by field. */
export function resolveRecord(value: unknown, textField?: string, idField?: string): ResolvedRecord {
  if (typeof value === "string") return { text: value, id: null };
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { error: `record is ${Array.isArray(value) ? "an array" : value === null ? "null" : `a ${typeof value}`}, not an object`, id: null };
  }
  const id = idOf(getPath(value, idField ?? DEFAULT_ID_FIELD));
  const fields = textField ? [textField] : DEFAULT_TEXT_FIELDS;
  for (const field of fields) {
    const text = getPath(value, field);
    if (text === undefined || text === null) continue;
    if (typeof text !== "string") return { error: `field "${field}" is a ${Array.isArray(text) ? "array" : typeof text}, not a string`, id };
    return { text, id };
  }
  return { error: textField ? `record has no "${textField}" field` : `record has none of the fields ${fields.map((f) => `"${f}"`).join(", ")}`, id };
}

/** A JSONL line or JSON array element, parsed and resolved. */
export function resolveJsonRecord(json: string, textField?: string, idField?: string): ResolvedRecord {
  if (!json.trim()) return { error: "empty line, not a JSON record", id: null };
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (err) {
    return { error: `malformed JSON: ${(err as Error).message}`, id: null };
  }
  return resolveRecord(value, textField, idField);
}
