/** Feed bytes to a StreamDecoder in pieces cut at `cuts` (ascending offsets), as a stream would arrive. */
import { StreamDecoder } from "../../src/encoding/index.js";

export function streamed(bytes: Uint8Array, cuts: number[], encoding?: string): { text: string; decoder: StreamDecoder } {
  const decoder = new StreamDecoder(encoding);
  let text = "";
  let last = 0;
  for (const cut of [...cuts, bytes.length]) {
    text += decoder.write(bytes.subarray(last, cut));
    last = cut;
  }
  text += decoder.end();
  return { text, decoder };
}
