/**
 * A small glob matcher for `--glob` (Node 20's `path.matchesGlob` is experimental, so we keep our own).
 *
 * Supported: `**` (any number of path segments, including none), `*` (any run of characters within a
 * segment), `?` (one character), `{a,b}` (alternatives, nestable), `[abc]` / `[!abc]` (a character class).
 * A pattern without `/` matches the file's base name at any depth, as ripgrep's and .gitignore's do:
 * `--glob '*.md'` finds Markdown files in every folder of a walked tree.
 * Paths are matched relative to the directory given on the command line, with `/` separators.
 */

export type GlobMatcher = (relativePath: string) => boolean;

export function compileGlob(pattern: string): GlobMatcher {
  const basenameOnly = !pattern.includes("/");
  const re = new RegExp(`^${globToRegExpSource(pattern)}$`, "u");
  if (basenameOnly) return (p) => re.test(p.slice(p.lastIndexOf("/") + 1));
  return (p) => re.test(p);
}

function escapeChar(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

/** Translate one glob (or one `{…}` alternative) to regular-expression source. */
export function globToRegExpSource(glob: string): string {
  let out = "";
  let i = 0;
  while (i < glob.length) {
    const c = glob[i]!;
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const atSegmentStart = i === 0 || glob[i - 1] === "/";
        let j = i + 2;
        if (atSegmentStart && glob[j] === "/") {
          out += "(?:[^/]*/)*"; // `**/`: zero or more whole folders
          i = j + 1;
          continue;
        }
        out += ".*"; // `**` at the end or inside a segment: anything, slashes included
        i = j;
        continue;
      }
      out += "[^/]*";
      i++;
    } else if (c === "?") {
      out += "[^/]";
      i++;
    } else if (c === "[") {
      const close = glob.indexOf("]", i + 2);
      if (close < 0) {
        out += "\\[";
        i++;
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negate = body[0] === "!" || body[0] === "^";
      if (negate) body = body.slice(1);
      body = body.replace(/[\\\]]/g, (m) => `\\${m}`);
      out += negate ? `[^/${body}]` : `[${body}]`;
      i = close + 1;
    } else if (c === "{") {
      const close = matchingBrace(glob, i);
      if (close < 0) {
        out += "\\{";
        i++;
        continue;
      }
      const alternatives = splitTopLevel(glob.slice(i + 1, close));
      out += `(?:${alternatives.map(globToRegExpSource).join("|")})`;
      i = close + 1;
    } else if (c === "\\" && i + 1 < glob.length) {
      out += escapeChar(glob[i + 1]!);
      i += 2;
    } else {
      out += escapeChar(c);
      i++;
    }
  }
  return out;
}

function matchingBrace(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "{") depth++;
    else if (s[i] === "}" && --depth === 0) return i;
  }
  return -1;
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === "\\") i++;
    else if (s[i] === "{") depth++;
    else if (s[i] === "}") depth--;
    else if (s[i] === "," && depth === 0) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}
