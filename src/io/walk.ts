/**
 * From command-line arguments to the list of inputs: files as given, directories walked recursively
 * in a sorted, deterministic order (code-unit order of names, depth first), `-` for standard input.
 *
 * The whole list is made before any parsing starts, so the progress bar knows the total and the
 * order never depends on timing. A loop of symbolic links, a broken link or an unreadable folder is
 * reported through `onProblem` and the walk goes on.
 */
import { opendir, stat } from "node:fs/promises";
import type { Stats } from "node:fs";
import { basename } from "node:path";
import { compileGlob } from "./glob.js";
import { describeFsError } from "./fsErrors.js";

export interface InputRef {
  /** The path as the user wrote it (walked files: the given folder joined with the relative path); `-` for stdin. */
  path: string;
  /** The name under `--out-dir`: relative to the walked folder, the base name for a file given directly, `stdin`. */
  relative: string;
  /** Bytes, when known before reading (not for stdin or pipes). */
  size: number | null;
  stdin: boolean;
}

export interface WalkOptions {
  glob: string;
  /** Record formats (jsonl, json, csv) take files or stdin only: a folder is a bad input. */
  filesOnly: string | null;
  onProblem: (path: string, message: string) => void;
}

export async function expandInputs(args: readonly string[], options: WalkOptions): Promise<InputRef[]> {
  const matches = compileGlob(options.glob);
  const out: InputRef[] = [];
  for (const arg of args.length ? args : ["-"]) {
    if (arg === "-") {
      out.push({ path: "-", relative: "stdin", size: null, stdin: true });
      continue;
    }
    let st: Stats;
    try {
      st = await stat(arg);
    } catch (err) {
      options.onProblem(arg, describeFsError(err));
      continue;
    }
    if (st.isDirectory()) {
      if (options.filesOnly) {
        options.onProblem(arg, `is a directory (--input-format ${options.filesOnly} reads files or standard input)`);
        continue;
      }
      await walk(arg, "", new Set([key(st)]), matches, out, options.onProblem);
    } else {
      // A FIFO or /dev/fd/N given by name (`khabar <(zcat x.gz)`) is read like a file.
      out.push({ path: arg, relative: basename(arg), size: st.isFile() ? st.size : null, stdin: false });
    }
  }
  return out;
}

function key(st: Stats): string {
  return `${st.dev}:${st.ino}`;
}

function joinPath(dir: string, name: string): string {
  return dir.endsWith("/") ? dir + name : `${dir}/${name}`;
}

async function walk(
  root: string,
  rel: string,
  ancestors: Set<string>,
  matches: (p: string) => boolean,
  out: InputRef[],
  onProblem: (path: string, message: string) => void,
): Promise<void> {
  const dirPath = rel ? joinPath(root, rel) : root;
  const entries: { name: string; symlink: boolean; dir: boolean; file: boolean }[] = [];
  try {
    const dir = await opendir(dirPath);
    for await (const e of dir) {
      entries.push({ name: e.name, symlink: e.isSymbolicLink(), dir: e.isDirectory(), file: e.isFile() });
    }
  } catch (err) {
    onProblem(dirPath, describeFsError(err));
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const childRel = rel ? `${rel}/${e.name}` : e.name;
    const childPath = joinPath(root, childRel);
    let isDir = e.dir;
    let isFile = e.file;
    let st: Stats | null = null;
    if (e.symlink || e.dir || e.file) {
      try {
        st = await stat(childPath);
        isDir = st.isDirectory();
        isFile = st.isFile();
      } catch (err) {
        // A dangling link says nothing about what it pointed to: report it only where a file would be picked.
        if (matches(childRel)) onProblem(childPath, e.symlink ? `broken symbolic link (${describeFsError(err)})` : describeFsError(err));
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
      await walk(root, childRel, ancestors, matches, out, onProblem);
      ancestors.delete(k);
    } else if (matches(childRel)) {
      if (isFile && st) out.push({ path: childPath, relative: childRel, size: st.size, stdin: false });
      else onProblem(childPath, "not a regular file, skipped");
    }
  }
}
