/**
 * Which needs files count (docs/needs-file.md): the files with a default
 * name, one per folder they speak for, the first in the documented order of
 * preference. The choice is made on paths alone, before anything is read, so
 * the command line and the editor make it the same way; every file left out
 * is reported, never dropped in silence.
 */
import type { FileProblem } from './coverage';
import { DEFAULT_EXCLUDES } from './excludes';
import { scopeDir } from './scopes';

/** The default file names, searched for in any folder. */
export const NEEDS_FILE_NAMES: readonly string[] = [
  'customer-needs.yaml',
  'customer-needs.yml',
  '.customer-needs.yaml',
  '.customer-needs.yml',
];

/**
 * The default needs files relative to the folder they speak for, the
 * preferred first: in the folder itself, then in its `.github/`, then in its
 * `docs/`, each by NEEDS_FILE_NAMES' order.
 */
export const NEEDS_FILE_PREFERENCE: readonly string[] = ['', '.github/', 'docs/'].flatMap((dir) =>
  NEEDS_FILE_NAMES.map((name) => dir + name),
);

/** The default names as one glob, for file searches and watchers. */
export const NEEDS_FILE_GLOB = '**/{customer-needs,.customer-needs}.{yaml,yml}';

/** The folders no search enters (DEFAULT_EXCLUDES), as one glob for file searches. */
export const NEVER_SCANNED_GLOB = `**/{${DEFAULT_EXCLUDES.join(',')}}/**`;

/** Whether a relative, `/`-separated path has a default needs-file name. */
export function isNeedsFileName(path: string): boolean {
  return NEEDS_FILE_NAMES.includes(path.slice(path.lastIndexOf('/') + 1));
}

/** A needs file that does not count: another one speaks for its folder and comes first. */
export interface ShadowedNeedsFile {
  /** The needs file left out, relative to the root, `/`-separated. */
  readonly path: string;
  /** The needs file that counts instead. */
  readonly by: string;
}

export interface NeedsFileChoice {
  /** The needs files that count, in the order given. */
  readonly counted: readonly string[];
  /** The needs files left out, in the order given. */
  readonly shadowed: readonly ShadowedNeedsFile[];
}

/**
 * Chooses, among needs files found by their default names (relative paths,
 * `/`-separated), the ones that count: one per folder they speak for
 * (`scopeDir`), the first in NEEDS_FILE_PREFERENCE. Paths given twice count
 * once.
 */
export function chooseNeedsFiles(paths: readonly string[]): NeedsFileChoice {
  const unique = [...new Set(paths)];
  const best = new Map<string, string>();
  for (const path of unique) {
    const dir = scopeDir(path);
    const current = best.get(dir);
    if (current === undefined || rank(path, dir) < rank(current, dir)) best.set(dir, path);
  }
  const counted: string[] = [];
  const shadowed: ShadowedNeedsFile[] = [];
  for (const path of unique) {
    const by = best.get(scopeDir(path)) as string;
    if (by === path) counted.push(path);
    else shadowed.push({ path, by });
  }
  return { counted, shadowed };
}

/**
 * The warning a shadowed needs file gets, at its line 1, column 1: rule
 * `shadowed-needs-file`.
 */
export function shadowedProblem(shadowed: ShadowedNeedsFile): FileProblem {
  const origin = { line: 0, character: 0 };
  return {
    file: shadowed.path,
    severity: 'warning',
    rule: 'shadowed-needs-file',
    message:
      `This needs file is not read: ${shadowed.by} speaks for the same folder and comes ` +
      'first. Keep one needs file per folder: move these needs into it and delete this file.',
    span: { start: origin, end: origin },
  };
}

/** Its place in NEEDS_FILE_PREFERENCE; a name not in it comes last. */
function rank(path: string, dir: string): number {
  const local = dir === '' ? path : path.slice(dir.length + 1);
  const i = NEEDS_FILE_PREFERENCE.indexOf(local);
  return i < 0 ? NEEDS_FILE_PREFERENCE.length : i;
}
