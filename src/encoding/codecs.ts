/** Incremental decoders, one per encoding: UTF-8 and UTF-16 by TextDecoder's rules (WHATWG replacement), iconv-lite else. */
import { iconv } from "./iconv.js";
import { decodeWellFormedUtf8 } from "./utf8.js";

/** The encoding to decode with, once `auto` and `utf-16` (either byte order) are settled. */
export interface DecodePlan {
  /** Canonical name, for `input.encoding`. */
  encoding: string;
  /** The name to hand iconv-lite (the user's spelling works, canonical names too). */
  codec: string;
  /** Bytes of byte-order mark to skip (0 when there is none). */
  bomLength: number;
}

export interface ChunkDecoder {
  write(bytes: Uint8Array): string;
  end(): string;
}

/**
 * UTF-16BE through the UTF-16LE decoder, bytes swapped: Node built without full ICU has no `utf-16be`
 * TextDecoder, and this one behaves the same (U+FFFD for lone surrogates and an odd last byte).
 */
function utf16beDecoder(): ChunkDecoder {
  const le = new TextDecoder("utf-16le", { ignoreBOM: true });
  let carry = -1;
  const swap = (bytes: Uint8Array): Uint8Array => {
    // The byte carried from the chunk before, if any, comes first.
    const total = bytes.length + (carry < 0 ? 0 : 1);
    const out = new Uint8Array(total & ~1);
    const at = (i: number): number => (carry < 0 ? bytes[i]! : i === 0 ? carry : bytes[i - 1]!);
    for (let i = 0; i + 1 < total; i += 2) {
      out[i] = at(i + 1);
      out[i + 1] = at(i);
    }
    carry = total % 2 === 1 ? at(total - 1) : -1;
    return out;
  };
  return {
    write: (bytes) => le.decode(swap(bytes), { stream: true }),
    end: () => {
      // An odd last byte goes in as it is: the decoder then gives one U+FFFD for it and any pending surrogate.
      const odd = carry >= 0 ? Uint8Array.of(carry) : undefined;
      carry = -1;
      return le.decode(odd);
    },
  };
}

/** Bytes at the end of `bytes` that start a sequence the chunk does not finish (0–3). */
function unfinishedTail(bytes: Uint8Array): number {
  for (let k = 1; k <= 3 && k <= bytes.length; k++) {
    const b = bytes[bytes.length - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const needs = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return needs > k ? k : 0;
  }
  return 0;
}

/**
 * UTF-8 chunk by chunk through decodeWellFormedUtf8 (three times TextDecoder's speed on Arabic), cutting each
 * chunk before a sequence it does not finish and carrying those bytes on. The first ill-formed chunk hands
 * the rest of the stream to TextDecoder (its state is empty then: everything before ended on a sequence
 * boundary), so replacement characters follow WHATWG exactly.
 */
function utf8Decoder(): ChunkDecoder {
  const d = new TextDecoder("utf-8", { ignoreBOM: true });
  let carry: Uint8Array | null = null;
  let slow = false;
  return {
    write(bytes) {
      let all = bytes;
      if (carry) {
        all = new Uint8Array(carry.length + bytes.length);
        all.set(carry);
        all.set(bytes, carry.length);
        carry = null;
      }
      if (slow) return d.decode(all, { stream: true });
      const cut = all.length - unfinishedTail(all);
      const text = decodeWellFormedUtf8(all.subarray(0, cut), false);
      if (text === null) {
        slow = true;
        return d.decode(all, { stream: true });
      }
      // A copy: `all` may be the caller's Buffer, whose slice() is a view of memory the caller reuses.
      if (cut < all.length) carry = Uint8Array.prototype.slice.call(all, cut);
      return text;
    },
    end() {
      const rest = carry;
      carry = null;
      return rest ? d.decode(rest) : d.decode();
    },
  };
}

export function makeChunkDecoder(plan: DecodePlan): ChunkDecoder {
  if (plan.encoding === "utf-16be") return utf16beDecoder();
  if (plan.encoding === "utf-8") return utf8Decoder();
  if (plan.encoding === "utf-16le") {
    const d = new TextDecoder(plan.encoding, { ignoreBOM: true });
    return { write: (b) => d.decode(b, { stream: true }), end: () => d.decode() };
  }
  const d = iconv().getDecoder(plan.codec, { stripBOM: false });
  return {
    // A copy: some of iconv-lite's decoders keep the chunks they are given (UTF-32's detection holds its first
    // 32 bytes' buffers), and the caller may reuse its buffer once write returns.
    write: (b) => d.write(Buffer.from(b)),
    // Not every decoder's end() gives a string (CESU-8's gives 0, which would be written as "0").
    end: () => {
      const rest: unknown = d.end();
      return typeof rest === "string" ? rest : "";
    },
  };
}

/** Decodes a whole buffer with one plan (the byte-order mark, if any, already cut off). */
export function decodeWith(plan: DecodePlan, bytes: Uint8Array): string {
  const d = makeChunkDecoder(plan);
  return d.write(bytes) + d.end();
}
