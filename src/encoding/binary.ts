/** Is this input a dump at all? Images, archives, executables are reported and skipped (SPEC §3), never parsed. */
import { looksUtf16, sniffBom } from "./detect.js";

/** The head of a file tells text from binary; reading more would only cost time on big inputs. */
const PROBE_BYTES = 8192;
/**
 * Share of control bytes (other than NUL, tab, LF, FF, CR and ESC) above which a file is binary.
 * Compressed or image data has about 10% of such bytes; text, even with stray ones, well under 1%.
 */
const MAX_CONTROL_SHARE = 0.03;

/** Signatures of common binary formats that a scraper's output directory may hold by mistake. */
const MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, XLSX, EPUB, JAR
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68, 0x39], // bzip2 (BZh9 — the usual block size)
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
  [0x28, 0xb5, 0x2f, 0xfd], // zstd
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O 64
  [0xce, 0xfa, 0xed, 0xfe], // Mach-O 32
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66], // SQLite
  [0x4f, 0x67, 0x67, 0x53], // Ogg
  [0x49, 0x44, 0x33], // MP3 with ID3
  [0x1a, 0x45, 0xdf, 0xa3], // Matroska / WebM
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** Control bytes text does not hold: C0 except NUL, tab, LF, FF, CR, ESC (terminal colours), and DEL. */
function isBinaryControl(b: number): boolean {
  return (b >= 0x01 && b <= 0x08) || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f) || b === 0x7f;
}

/** 1 for a binary control byte: the count over a probe is one table read per byte (every input is probed). */
const BINARY_CONTROL = Uint8Array.from({ length: 256 }, (_, b) => (isBinaryControl(b) ? 1 : 0));
/** First bytes of the signatures: most inputs start with none of them and skip the signature checks. */
const MAGIC_FIRST = new Set(MAGIC.map((magic) => magic[0]!));

/**
 * Binary control bytes in `probe`. Four bytes at a time where the probe is aligned: a word with no byte below
 * 0x20 and none equal to 0x7F holds none (the bit tests may also flag a word that has none — a borrow — but
 * never miss one), so only words holding a line break, a tab or a control are looked at byte by byte.
 */
export function countControls(probe: Uint8Array): number {
  const n = probe.length;
  let controls = 0;
  let i = 0;
  if ((probe.byteOffset & 3) === 0 && n >= 64) {
    const words = new Uint32Array(probe.buffer, probe.byteOffset, n >>> 2);
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      const del = w ^ 0x7f7f7f7f;
      if ((((w - 0x20202020) & ~w) | ((del - 0x01010101) & ~del)) & 0x80808080) {
        const at = k << 2;
        controls += BINARY_CONTROL[probe[at]!]! + BINARY_CONTROL[probe[at + 1]!]! + BINARY_CONTROL[probe[at + 2]!]! + BINARY_CONTROL[probe[at + 3]!]!;
      }
    }
    i = words.length << 2;
  }
  for (; i < n; i++) controls += BINARY_CONTROL[probe[i]!]!;
  return controls;
}

/**
 * True for images, archives, executables and the like. NUL bytes alone never make a dump binary (SPEC §2),
 * and UTF-16 text — whose bytes are full of 0x00 and 0x06 — is text.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return false;
  const bom = sniffBom(bytes);
  if (bom && bom.encoding !== "utf-8") return false;
  if (MAGIC_FIRST.has(bytes[0]!)) {
    for (const magic of MAGIC) if (startsWith(bytes, magic)) return true;
  }
  const probe = bytes.subarray(0, PROBE_BYTES);
  const controls = countControls(probe);
  // A single stray control byte in a short text is a typo, not a format. UTF-16 Arabic is full of 0x06
  // bytes: it is asked about only when the count says binary (most inputs never are).
  return controls > 1 && controls > probe.length * MAX_CONTROL_SHARE && !looksUtf16(probe);
}
