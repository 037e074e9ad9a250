/**
 * Finding needs files in a tree and loading them from disk into a NeedsSet.
 * The size limit is checked on the file before it is read.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { decodeNeedsBytes } from '../core/decode';
import type { LoadOptions } from '../core/load';
import { DEFAULT_MAX_CHARS, loadNeedsText } from '../core/load';
import { buildIndex } from '../core/match';
import type { Problem } from '../core/model';
import { NeedsSet, byScopeDepth, needsFileExcludedBy, scopeDir } from '../core/needsSet';
import { runGitOk } from './gitProcess';
import type { Exclusion, Scope } from '../core/needsSet';

/** The default file names (docs/needs-file.md) searched for, in any folder (and in `.github/` or `docs/`). */
export const NEEDS_FILE_NAMES: readonly string[] = [
  'customer-needs.yaml',
  'customer-needs.yml',
  '.customer-needs.yaml',
  '.customer-needs.yml',
];

/** Whether a relative path names a needs file by the default names. */
export function isNeedsFileName(rel: string): boolean {
  return NEEDS_FILE_NAMES.includes(rel.slice(rel.lastIndexOf('/') + 1));
}

/** A needs file as read: its problems, and its text when it could be read. */
export interface LoadedNeedsFile {
  /** Relative to the root, `/`-separated. */
  readonly path: string;
  readonly problems: readonly Problem[];
  readonly text?: string;
}

export interface LoadedSet {
  readonly set: NeedsSet;
  /** The needs files read, in the order of the paths given. */
  readonly files: readonly LoadedNeedsFile[];
  /** The needs files left unread: a needs file above them excludes them. */
  readonly excluded: readonly { readonly path: string; readonly by: Exclusion }[];
}

/**
 * Loads each needs file (paths relative to `root`) and builds the set of
 * scopes. Folders nearest the root first, so a needs file inside a folder that
 * one above it excludes is never read.
 */
export async function loadNeedsFiles(
  root: string,
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<LoadedSet> {
  const scopes: Scope[] = [];
  const files: LoadedNeedsFile[] = [];
  const excluded: { path: string; by: Exclusion }[] = [];
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  for (const rel of byScopeDepth(paths, scopeDir)) {
    const by = needsFileExcludedBy(scopes, rel);
    if (by !== undefined) {
      excluded.push({ path: rel, by });
      continue;
    }
    const abs = path.join(root, rel);
    let bytes: Uint8Array;
    try {
      const { size } = await fs.stat(abs);
      if (size > maxChars) {
        files.push({
          path: rel,
          problems: [
            fileProblem(
              'too-large',
              `The needs file is ${mb(size)} MB; the limit is ${mb(maxChars)} MB.`,
            ),
          ],
        });
        continue;
      }
      bytes = await fs.readFile(abs);
    } catch (e) {
      files.push({
        path: rel,
        problems: [
          fileProblem('unreadable', `Cannot read the needs file: ${(e as Error).message}`),
        ],
      });
      continue;
    }
    const { text, problems: encoding } = decodeNeedsBytes(bytes);
    const result = loadNeedsText(text, options);
    files.push({ path: rel, problems: [...encoding, ...result.problems], text });
    if (result.file)
      scopes.push({ needsFile: rel, dir: scopeDir(rel), index: buildIndex(result.file) });
  }
  const order = new Map(paths.map((p, i) => [p, i]));
  files.sort((a, b) => (order.get(a.path) ?? 0) - (order.get(b.path) ?? 0));
  return { set: new NeedsSet(scopes), files, excluded };
}

function fileProblem(rule: string, message: string): Problem {
  const origin = { line: 0, character: 0 };
  return { severity: 'error', rule, message, span: { start: origin, end: origin } };
}

function mb(n: number): string {
  return (n / (1024 * 1024)).toFixed(1);
}

/** Needs files git knows of (tracked or untracked, not ignored): fast on big trees. */
export async function listNeedsFiles(root: string): Promise<string[]> {
  const patterns = NEEDS_FILE_NAMES.map((n) => `:(glob)**/${n}`);
  const out = await runGitOk(root, [
    'ls-files',
    '-z',
    '--cached',
    '--others',
    '--exclude-standard',
    '--',
    ...patterns,
  ]);
  const seen = new Set(out.split('\0').filter((p) => p !== ''));
  return [...seen].sort();
}
