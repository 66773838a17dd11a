/**
 * Dump files read whole into one buffer reused from group to group: an open, an fstat, a read and a close
 * per file, and no new buffer each time (readFileSync allocates one per file, and on a tree of ~100k small
 * dumps that allocation is a good part of what reading costs).
 *
 * A task reads a group of files (its batch) one after another, then parses them: system calls made in a
 * row run faster than the same calls made between two parses, whose work has pushed the kernel's code and
 * data out of the caches (measured in one process, alternating the two orders batch by batch over the
 * 200 MB benchmark tree: 5–9% less time per file, parse included, for groups of 32–512 files).
 *
 * The bytes a read returns are a view of the kept buffer, after the group's earlier files (each starts at a
 * multiple of 8, as a buffer of its own would): they are good until `nextGroup()`, and the caller must be
 * done with them by then. A task parses each file's bytes to rendered strings before it starts the next
 * group, and parseBuffer keeps no reference to the bytes it is given (decoding makes a string of them; the
 * views it takes on the way, for the BOM, the detection sample or the U+FFFD count, are dropped when it
 * returns).
 *
 * The kept buffer grows with the groups, up to KEEP_BYTES; when a group outgrows it, a new one is kept and
 * the group's earlier views keep the old one alive until they go. A file bigger than KEEP_BYTES, or one whose
 * size fstat does not tell and that is not empty, gets a buffer of its own, which the reader does not hold: it
 * goes with the caller's view, so one big dump does not pin its size for the rest of the run.
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";

/** The kept buffer's first size, and the most it grows to. Dumps are a few KB; a few hold a line of some 100 KB. */
const FIRST_BYTES = 64 * 1024;
const KEEP_BYTES = 1024 * 1024;
/** Chunk read at a time from a file whose size fstat does not tell (a device, a /proc file: size 0). */
const CHUNK_BYTES = 64 * 1024;
/** The first read of such a file, into the reader's own small buffer (less than CHUNK_BYTES). */
const PROBE_BYTES = 4096;
/** What an empty file reads as: nothing, in no buffer anyone reuses. */
const EMPTY = Buffer.alloc(0);

/** The file holds more than the reader was allowed to read; `size` is its size (or the bytes seen so far, past the limit). */
export class DumpTooLargeError extends Error {
  constructor(readonly size: number) {
    super(`${size} bytes is too large`);
  }
}

export class FileReader {
  #buffer: Buffer | null = null;
  /** Bytes of the kept buffer that hold the current group's files. */
  #used = 0;
  /** The first read of a file of unknown size goes here: most such files are empty, and need no buffer. */
  readonly #probe = Buffer.allocUnsafeSlow(PROBE_BYTES);

  constructor(
    private readonly firstBytes = FIRST_BYTES,
    private readonly keepBytes = KEEP_BYTES,
  ) {}

  /** Starts a new group of reads: the bytes the earlier reads returned are no longer good. */
  nextGroup(): void {
    this.#used = 0;
  }

  /**
   * The bytes of the file at `path`, read whole; good until the next `nextGroup()`. A file over `maxBytes` is
   * not read: DumpTooLargeError. File-system errors are thrown as by fs (ENOENT, EACCES, EISDIR …).
   */
  read(path: string, maxBytes: number): Uint8Array {
    const fd = openSync(path, "r");
    try {
      const st = fstatSync(fd);
      // As readFileSync: a regular file is read up to the size fstat gives; size 0 (or not a regular file) means unknown.
      const size = st.isFile() ? st.size : 0;
      if (size > maxBytes) throw new DumpTooLargeError(size);
      return size > 0 ? this.#readSized(fd, size) : readToEnd(fd, maxBytes, this.#probe);
    } finally {
      closeSync(fd);
    }
  }

  /** The size of the buffer kept for the next reads (for tests). */
  get keptBytes(): number {
    return this.#buffer?.length ?? 0;
  }

  #readSized(fd: number, size: number): Uint8Array {
    let buffer = this.#buffer;
    let at = this.#used;
    const kept = size <= this.keepBytes;
    if (!kept) {
      buffer = Buffer.allocUnsafeSlow(size);
      at = 0;
    } else if (!buffer || buffer.length - at < size) {
      buffer = Buffer.allocUnsafeSlow(Math.min(this.keepBytes, Math.max(size, this.firstBytes, 2 * (buffer?.length ?? 0))));
      this.#buffer = buffer;
      at = 0;
    }
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buffer, at + got, size - got, -1);
      if (n === 0) break; // the file shrank since fstat: what is there
      got += n;
    }
    // The next file starts 8-byte aligned: word-at-a-time scans (binary.ts countControls) want an aligned start.
    if (kept) this.#used = (at + got + 7) & ~7;
    return buffer.subarray(at, at + got);
  }
}

/**
 * A file of unknown size: empty (most often), or read in chunks into a buffer of its own (devices and /proc
 * files are rare). Its first read goes to `probe`, so an empty file takes no buffer.
 */
function readToEnd(fd: number, maxBytes: number, probe: Buffer): Uint8Array {
  const first = readSync(fd, probe, 0, probe.length, -1);
  if (first === 0) return EMPTY;
  if (first > maxBytes) throw new DumpTooLargeError(first);
  let buffer = Buffer.allocUnsafeSlow(CHUNK_BYTES);
  probe.copy(buffer, 0, 0, first);
  let got = first;
  for (;;) {
    if (got === buffer.length) {
      const bigger = Buffer.allocUnsafeSlow(2 * buffer.length);
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
