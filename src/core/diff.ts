/**
 * Unified diff text -> changed files and lines.
 *
 * Reads what `git diff` prints with the flags in `src/node/git.ts`
 * (`GIT_DIFF_FLAGS`: `-U0`, `a/` and `b/` prefixes, renames detected) and
 * also plain unified diffs with or without context lines. Pure: text in,
 * values out. It never throws: on garbage it returns what it could read.
 */

/** One added or removed line. */
export interface ChangedLine {
  /** 1-based: the line in HEAD for an added line, in BASE for a removed one. */
  readonly line: number;
  /** The line's text, without the line break (and without a trailing `\r`). */
  readonly text: string;
}

export type ChangeStatus = 'added' | 'deleted' | 'modified' | 'renamed' | 'copied';

/** One file in a diff. */
export interface FileChange {
  /** Path in HEAD (for a deletion: the old path), `/` separators, relative to the repo root. */
  readonly path: string;
  /** The path in BASE, for renames and copies only. */
  readonly oldPath?: string;
  readonly status: ChangeStatus;
  /** Git could not show lines (`Binary files ... differ` or a binary patch). */
  readonly binary: boolean;
  readonly added: readonly ChangedLine[];
  readonly removed: readonly ChangedLine[];
}

/** A file while it is being read; frozen into a FileChange when the next one starts. */
interface Draft {
  headerOld?: string;
  headerNew?: string;
  minusPath?: string | null; // null: /dev/null
  plusPath?: string | null;
  fromPath?: string; // rename from / copy from
  toPath?: string;
  status?: ChangeStatus;
  binary: boolean;
  sawMinusPlus: boolean;
  added: ChangedLine[];
  removed: ChangedLine[];
}

interface Hunk {
  oldLine: number;
  newLine: number;
  oldLeft: number;
  newLeft: number;
}

// Linear: no nested quantifiers, anchored.
const HUNK_HEADER = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@/;

/**
 * Parses the text of a unified diff (as printed by `git diff`).
 *
 * Handles new, deleted, renamed and copied files, mode-only changes, binary
 * files, `\ No newline at end of file`, hunk headers with omitted counts,
 * paths quoted with C escapes (`"a/caf\303\251.ts"`) and CRLF content.
 * Runs in time linear in the text and never throws.
 *
 * @returns the files in the order of the diff; an empty diff gives `[]`.
 */
export function parseUnifiedDiff(text: string): FileChange[] {
  const files: FileChange[] = [];
  let draft: Draft | undefined;
  let hunk: Hunk | undefined;

  const finish = (): void => {
    if (draft) {
      const file = freeze(draft);
      if (file) files.push(file);
    }
    draft = undefined;
    hunk = undefined;
  };

  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;

    // Inside a hunk the counts say which lines are content, so a removed line
    // that reads "--- x" or "diff --git" is not mistaken for a header.
    if (hunk && draft && (hunk.oldLeft > 0 || hunk.newLeft > 0)) {
      const mark = line.charAt(0);
      if (mark === '-' && hunk.oldLeft > 0) {
        draft.removed.push({ line: hunk.oldLine++, text: line.slice(1) });
        hunk.oldLeft--;
        continue;
      }
      if (mark === '+' && hunk.newLeft > 0) {
        draft.added.push({ line: hunk.newLine++, text: line.slice(1) });
        hunk.newLeft--;
        continue;
      }
      // An empty line is a context line whose leading space was trimmed
      // (diff.suppressBlankEmpty, or an editor that strips trailing spaces).
      if ((mark === ' ' || line === '') && hunk.oldLeft > 0 && hunk.newLeft > 0) {
        hunk.oldLine++;
        hunk.newLine++;
        hunk.oldLeft--;
        hunk.newLeft--;
        continue;
      }
      if (mark === '\\') continue;
      // Anything else ends a truncated hunk; read the line as a header below.
      hunk = undefined;
    }

    if (line.startsWith('diff --git ')) {
      finish();
      draft = newDraft();
      const paths = parseGitHeaderPaths(line.slice('diff --git '.length));
      if (paths) {
        draft.headerOld = stripPrefix(paths[0], 'a/');
        draft.headerNew = stripPrefix(paths[1], 'b/');
      }
      continue;
    }

    const header = HUNK_HEADER.exec(line);
    if (header) {
      if (!draft) continue;
      const oldLine = toCount(header[1], 0);
      const newLine = toCount(header[3], 0);
      hunk = {
        oldLine,
        newLine,
        oldLeft: toCount(header[2], 1),
        newLeft: toCount(header[4], 1),
      };
      continue;
    }

    if (line.startsWith('--- ') && isPlusLine(lines[i + 1])) {
      // A plain unified diff has no "diff --git" line: each "---"/"+++" pair
      // that follows content starts a new file.
      if (!draft || draft.sawMinusPlus) {
        finish();
        draft = newDraft();
      }
      const next = lines[i + 1] ?? '';
      draft.minusPath = parseSidePath(line.slice(4), 'a/');
      draft.plusPath = parseSidePath(trimCr(next).slice(4), 'b/');
      draft.sawMinusPlus = true;
      i++;
      continue;
    }

    if (!draft) continue;
    readExtendedHeader(draft, line);
  }
  finish();
  return files;
}

function readExtendedHeader(draft: Draft, line: string): void {
  if (line.startsWith('new file mode')) draft.status = 'added';
  else if (line.startsWith('deleted file mode')) draft.status = 'deleted';
  else if (line.startsWith('rename from ')) {
    draft.status = 'renamed';
    draft.fromPath = unquote(line.slice('rename from '.length));
  } else if (line.startsWith('rename to ')) {
    draft.status = 'renamed';
    draft.toPath = unquote(line.slice('rename to '.length));
  } else if (line.startsWith('copy from ')) {
    draft.status = 'copied';
    draft.fromPath = unquote(line.slice('copy from '.length));
  } else if (line.startsWith('copy to ')) {
    draft.status = 'copied';
    draft.toPath = unquote(line.slice('copy to '.length));
  } else if (line.startsWith('Binary files ') || line === 'GIT binary patch') {
    draft.binary = true;
  }
  // index, similarity index, old mode / new mode: nothing to keep.
}

function newDraft(): Draft {
  return { binary: false, sawMinusPlus: false, added: [], removed: [] };
}

function freeze(d: Draft): FileChange | undefined {
  let status: ChangeStatus = d.status ?? 'modified';
  if (!d.status && d.minusPath === null) status = 'added';
  if (!d.status && d.plusPath === null) status = 'deleted';

  const oldPath = d.fromPath ?? d.minusPath ?? d.headerOld;
  const newPath = d.toPath ?? d.plusPath ?? d.headerNew;
  const path = status === 'deleted' ? (oldPath ?? newPath) : (newPath ?? oldPath);
  if (!path) return undefined;

  const renamed = status === 'renamed' || status === 'copied';
  return {
    path,
    ...(renamed && oldPath !== undefined ? { oldPath } : {}),
    status,
    binary: d.binary,
    added: d.added,
    removed: d.removed,
  };
}

function toCount(digits: string | undefined, fallback: number): number {
  if (digits === undefined) return fallback;
  const n = Number(digits);
  return Number.isSafeInteger(n) ? n : fallback;
}

function trimCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

function isPlusLine(next: string | undefined): boolean {
  return next !== undefined && next.startsWith('+++ ');
}

function stripPrefix(path: string, prefix: string): string {
  return path.startsWith(prefix) ? path.slice(prefix.length) : path;
}

/** The path on a `---` or `+++` line; null for /dev/null. */
function parseSidePath(rest: string, prefix: string): string | null {
  let path: string;
  if (rest.startsWith('"')) {
    path = readQuoted(rest, 0)?.value ?? rest;
  } else {
    // Git adds a tab after a path that holds a space, and plain diff puts a
    // timestamp after a tab; an unquoted git path never holds a tab.
    const tab = rest.indexOf('\t');
    path = tab >= 0 ? rest.slice(0, tab) : rest;
  }
  if (path === '/dev/null') return null;
  return stripPrefix(path, prefix);
}

/** The two paths of `diff --git A B`, still with their prefixes. */
function parseGitHeaderPaths(rest: string): [string, string] | undefined {
  if (rest.startsWith('"')) {
    const first = readQuoted(rest, 0);
    if (!first || rest.charAt(first.end) !== ' ') return undefined;
    const second = rest.slice(first.end + 1);
    return [first.value, second.startsWith('"') ? unquote(second) : second];
  }
  // An unquoted path never holds a double quote, so ` "` starts a quoted second path.
  const quoted = rest.indexOf(' "');
  if (quoted >= 0) return [rest.slice(0, quoted), unquote(rest.slice(quoted + 1))];
  // Same path twice ("a/x y b/x y") is the usual case and the only safe
  // split when paths hold spaces; renames get their paths from "rename to".
  if ((rest.length - 1) % 2 === 0) {
    const half = (rest.length - 1) / 2;
    const a = rest.slice(0, half);
    const b = rest.slice(half + 1);
    if (rest.charAt(half) === ' ' && a.slice(2) === b.slice(2)) return [a, b];
  }
  const split = rest.indexOf(' b/');
  if (split >= 0) return [rest.slice(0, split), rest.slice(split + 1)];
  return undefined;
}

/** A path that may be quoted; unquoted text is returned as it is. */
function unquote(s: string): string {
  if (!s.startsWith('"')) return s;
  return readQuoted(s, 0)?.value ?? s;
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  '"': '"',
  '\\': '\\',
};

/**
 * Reads a C-quoted string as git writes it, starting at the opening quote.
 * Octal escapes are bytes of UTF-8, so runs of them are decoded together.
 */
function readQuoted(s: string, start: number): { value: string; end: number } | undefined {
  let out = '';
  let bytes: number[] = [];
  const flush = (): void => {
    if (bytes.length > 0) out += new TextDecoder('utf-8').decode(new Uint8Array(bytes));
    bytes = [];
  };
  let i = start + 1;
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '"') {
      flush();
      return { value: out, end: i + 1 };
    }
    if (c !== '\\') {
      flush();
      out += c;
      i++;
      continue;
    }
    const e = s.charAt(i + 1);
    const octal = /^[0-3][0-7]{2}$/.test(s.slice(i + 1, i + 4));
    if (octal) {
      bytes.push(parseInt(s.slice(i + 1, i + 4), 8));
      i += 4;
      continue;
    }
    flush();
    out += SIMPLE_ESCAPES[e] ?? e;
    i += 2;
  }
  return undefined;
}
