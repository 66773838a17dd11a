/**
 * Dump files read whole, one after another, into one buffer reused from file to file: an open, an fstat,
 * a read and a close per file, and no new buffer each time (readFileSync allocates one per file, and on a
 * tree of ~100k small dumps that allocation is a good part of what reading costs).
 *
 * The bytes a read returns are a view of that buffer: they are good until the next read, and the caller
 * must be done with them by then. A task parses each file's bytes to rendered strings before it reads the
 * next file, and parseBuffer keeps no reference to the bytes it is given (decoding makes a string of
 * them; the views it takes on the way, for the BOM, the detection sample or the U+FFFD count, are
 * dropped when it returns).
 *
 * The kept buffer grows with the files, up to KEEP_BYTES. A bigger file gets a buffer of its own, which
 * the reader does not hold: it goes with the caller's view, so one big dump does not pin its size for
 * the rest of the run.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** The kept buffer's first size, and the most it grows to. Dumps are a few KB; a few hold a line of some 100 KB. */
const FIRST_BYTES = 64 * 1024;
const KEEP_BYTES = 1024 * 1024;
/** Chunk read at a time from a file whose size fstat does not tell (a device, a /proc file: size 0). */
const CHUNK_BYTES = 64 * 1024;

/** The file holds more than the reader was allowed to read; `size` is its size (or the bytes seen so far, past the limit). */
export class DumpTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`${size} bytes is too large`);
  }
}

export class FileReader {
  #buffer: Buffer | null = null;

  constructor(
    private readonly firstBytes = FIRST_BYTES,
    private readonly keepBytes = KEEP_BYTES,
  ) {}

  /**
   * The bytes of the file at `path`, read whole; good until the next call. A file over `maxBytes` is not
   * read: DumpTooLargeError. File-system errors are thrown as by fs (ENOENT, EACCES, EISDIR …).
   */
  read(path: string, maxBytes: number): Uint8Array {
    const fd = openSync(path, "r");
    try {
      const st = fstatSync(fd);
      // As readFileSync: a regular file is read up to the size fstat gives; size 0 (or not a regular file) means unknown.
      const size = st.isFile() ? st.size : 0;
      if (size > maxBytes) throw new DumpTooLargeError(size);
      return size > 0 ? this.#readSized(fd, size) : this.#readToEnd(fd, maxBytes);
    } finally {
      closeSync(fd);
    }
  }

  /** The size of the buffer kept for the next read (for tests). */
  get keptBytes(): number {
    return this.#buffer?.length ?? 0;
  }

  #room(size: number): Buffer {
    const kept = this.#buffer;
    if (kept && kept.length >= size) return kept;
    if (size > this.keepBytes) return Buffer.allocUnsafeSlow(size);
    const grown = Buffer.allocUnsafeSlow(Math.min(this.keepBytes, Math.max(size, this.firstBytes, 2 * (kept?.length ?? 0))));
    this.#buffer = grown;
    return grown;
  }

  #readSized(fd: number, size: number): Uint8Array {
    const buffer = this.#room(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buffer, got, size - got, -1);
      if (n === 0) break; // the file shrank since fstat: what is there
      got += n;
    }
    return buffer.subarray(0, got);
  }

  #readToEnd(fd: number, maxBytes: number): Uint8Array {
    let buffer = this.#room(CHUNK_BYTES);
    let got = 0;
    for (;;) {
      if (got === buffer.length) {
        const bigger = this.#room(2 * buffer.length);
        bigger.set(buffer.subarray(0, got));
        buffer = bigger;
      }
      const n = readSync(fd, buffer, got, buffer.length - got, -1);
      if (n === 0) break;
      got += n;
      if (got > maxBytes) throw new DumpTooLargeError(got);
    }
    return buffer.subarray(0, got);
  }
}
