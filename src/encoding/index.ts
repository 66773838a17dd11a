/** Decoding bytes to text and repairing messy text (SPEC §2 repairs, §3 encodings). */
export { looksBinary } from "./binary.js";
export { decodeBuffer, type Decoded } from "./decode.js";
export { detectEncoding, type Detection } from "./detect.js";
export { isKnownEncoding, suggestEncodings } from "./names.js";
export { repairText, type Repaired } from "./repair.js";
export { StreamDecoder } from "./stream.js";
