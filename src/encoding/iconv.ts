/**
 * iconv-lite, loaded on first use: most dumps are UTF-8 and never need it, and its import is a quarter of
 * the library's start-up. It is CommonJS, so a synchronous require keeps the decoding API synchronous.
 */
import { createRequire } from "node:module";
import type iconvLite from "iconv-lite";

let loaded: typeof iconvLite | null = null;

export function iconv(): typeof iconvLite {
  return (loaded ??= createRequire(import.meta.url)("iconv-lite") as typeof iconvLite);
}
