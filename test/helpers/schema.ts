/** The shipped JSON Schema, compiled once with ajv: every document khabar emits must validate. */
import Ajv from "ajv";
import { readFileSync } from "node:fs";

const schema = JSON.parse(readFileSync(new URL("../../schema/khabar-1.schema.json", import.meta.url), "utf8"));
const validator = new Ajv({ allErrors: true }).compile(schema);

/** Validation errors as readable strings; empty when the document is valid. */
export function schemaErrors(doc: unknown): string[] {
  if (validator(doc)) return [];
  return (validator.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`);
}
