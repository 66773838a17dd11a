/** Feed bytes to a StreamDecoder in pieces cut at `cuts` (ascending offsets), as a stream would arrive. */
import { StreamDecoder } from "../../src/encoding/index.js";

export function streamed(bytes: Uint8Array, cuts: number[], encoding?: string, options?: { marks?: boolean }): { text: string; decoder: StreamDecoder } {
  const decoder = new StreamDecoder(encoding, options);
  let text = "";
  let last = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(last, cut));
    last = cut;
  }
  text += decoder.end();
  return { text, decoder };
}

/**
 * As `streamed`, each piece handed over in one Buffer that is overwritten after every write, as a reader that
 * reuses its buffer does: a decoder that kept a view of a piece (a Buffer's slice() is one) decodes garbage.
 */
export function streamedReusing(bytes: Uint8Array, cuts: number[], encoding?: string): { text: string; decoder: StreamDecoder } {
  const decoder = new StreamDecoder(encoding);
  const shared = Buffer.alloc(bytes.length);
  let text = "";
  let last = 0;
  for (const cut of [...cuts, bytes.length]) {
    const piece = shared.subarray(0, cut - last);
    piece.set(bytes.subarray(last, cut));
    text += decoder.write(piece);
    shared.fill(0xff);
    last = cut;
  }
  text += decoder.end();
  return { text, decoder };
}
