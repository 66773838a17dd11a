/**
 * From command-line arguments to the list of inputs: files as given, directories walked recursively
 * in a sorted, deterministic order (code-unit order of names, depth first), `-` for standard input.
 *
 * The order never depends on timing. A loop of symbolic links, a broken link or an unreadable folder
 * is reported through `onProblem` (when the walk gets there) and the walk goes on.
 *
 * `walkInputs` yields the inputs one by one as the walk finds them, so a tree of any size is walked in
 * memory bounded by its depth and its largest folder, and parsing starts at once; `expandInputs` makes
 * the whole list (for the progress bar, which shows a total). The walk is synchronous: a `statSync`
 * costs a few microseconds where an awaited `stat` costs a round trip through the thread pool.
 *
 * A plain file (its directory entry says so) is stat'ed only when `sizes` asks for its size: the task
 * that reads it gets the size from its own fstat. Links, folders and anything else are always stat'ed,
 * so they are followed, or reported, whatever `sizes` says.
 */
import { readdirSync, statSync, type Dirent, type Stats } from "node:fs";
import { basename } from "node:path";
import { compileGlob } from "./glob.js";
import { describeFsError } from "./fsErrors.js";

export interface InputRef {
  /** The path as the user wrote it (walked files: the given folder joined with the relative path); `-` for stdin. */
  path: string;
  /** The name under `--out-dir`: relative to the walked folder, the base name for a file given directly, `stdin`. */
  relative: string;
  /** Bytes, when known before reading (not for stdin or pipes, nor for a walked plain file unless `sizes` was asked). */
  size: number | null;
  /** A regular file, read whole by a task (not stdin, a FIFO, /dev/fd/N or a device). */
  regular: boolean;
  stdin: boolean;
}

export interface WalkOptions {
  glob: string;
  /** Record formats (jsonl, json, csv) take files or stdin only: a folder is a bad input. */
  filesOnly: string | null;
  onProblem: (path: string, message: string) => void;
  /** Stat each walked plain file for its size (a given file, link or folder is stat'ed anyway). */
  sizes: boolean;
}

export async function expandInputs(args: readonly string[], options: WalkOptions): Promise<InputRef[]> {
  return [...walkInputs(args, options)];
}

export function* walkInputs(args: readonly string[], options: WalkOptions): Generator<InputRef, void, undefined> {
  const matches = compileGlob(options.glob);
  for (const arg of args.length ? args : ["-"]) {
    if (arg === "-") {
      yield { path: "-", relative: "stdin", size: null, regular: false, stdin: true };
      continue;
    }
    let st: Stats;
    try {
      st = statSync(arg);
    } catch (err) {
      options.onProblem(arg, describeFsError(err));
      continue;
    }
    if (st.isDirectory()) {
      if (options.filesOnly) {
        options.onProblem(arg, `is a directory (--input-format ${options.filesOnly} reads files or standard input)`);
        continue;
      }
      yield* walk(arg, "", new Set([key(st)]), matches, options.onProblem, options.sizes);
    } else {
      // A FIFO or /dev/fd/N given by name (`khabar <(zcat x.gz)`) is read like a file.
      yield { path: arg, relative: basename(arg), size: st.isFile() ? st.size : null, regular: st.isFile(), stdin: false };
    }
  }
}

function key(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

const byName = (a: Dirent, b: Dirent) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

function* walk(
  root: string,
  rel: string,
  ancestors: Set<string>,
  matches: (p: string) => boolean,
  onProblem: (path: string, message: string) => void,
  sizes: boolean,
): Generator<InputRef, void, undefined> {
  const dirPath = rel ? joinPath(root, rel) : root;
  let entries: Dirent[];
  try {
    entries = readdirSync(dirPath, { withFileTypes: true });
  } catch (err) {
    onProblem(dirPath, describeFsError(err));
    return;
  }
  entries.sort(byName);
  for (const e of entries) {
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    const symlink = e.isSymbolicLink();
    const isPlainFile = e.isFile();
    // A plain file the glob does not pick is never looked at.
    if (isPlainFile && !matches(childRel)) continue;
    const childPath = joinPath(root, childRel);
    if (isPlainFile && !sizes) {
      yield { path: childPath, relative: childRel, size: null, regular: true, stdin: false };
      continue;
    }
    let isDir = e.isDirectory();
    let isFile = isPlainFile;
    let st: Stats | null = null;
    if (symlink || isDir || isFile) {
      try {
        st = statSync(childPath);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        // A dangling link says nothing about what it pointed to: report it only where a file would be picked.
        if (matches(childRel)) onProblem(childPath, symlink ? `broken symbolic link (${describeFsError(err)})` : describeFsError(err));
        continue;
      }
    }
    if (isDir && st) {
      const k = key(st);
      if (ancestors.has(k)) {
        onProblem(childPath, "symbolic link loop (the link leads back to a folder being walked), skipped");
        continue;
      }
      ancestors.add(k);
      yield* walk(root, childRel, ancestors, matches, onProblem, sizes);
      ancestors.delete(k);
    } else if (matches(childRel)) {
      if (isFile && st) yield { path: childPath, relative: childRel, size: st.size, regular: true, stdin: false };
      else onProblem(childPath, "not a regular file, skipped");
    }
  }
}
