/**
 * Which needs file speaks for which folder: a needs file applies to its own
 * folder and below (like `.editorconfig`), nearest first, and its top-level
 * `exclude` list leaves paths, and the needs files below, out of every one.
 */
import type { NeedsIndex } from './match';
import type { Span } from './model';

export interface Scope {
  /** The needs file, relative to the root, `/`-separated. */
  readonly needsFile: string;
  /** The folder it applies to ('' for the root). */
  readonly dir: string;
  readonly index: NeedsIndex;
}

/** Why a path is left out: a glob of a needs file's top-level `exclude` list names it. */
export interface Exclusion {
  /** The needs file, relative to the root, `/`-separated. */
  readonly needsFile: string;
  /** The glob as written. */
  readonly glob: string;
  /** Where the glob stands in the needs file. */
  readonly span: Span;
}

/** Needs files under `.github/` or `docs/` speak for the folder above. */
export function scopeDir(needsFile: string): string {
  const parts = needsFile.split('/');
  parts.pop();
  const last = parts[parts.length - 1];
  if (last === '.github' || last === 'docs') parts.pop();
  return parts.join('/');
}

/**
 * Whether the needs file at `needsFile` (speaking for `dir`) is left unread: a
 * needs file of a folder above `dir`, among `scopes`, excludes it. A needs
 * file never excludes itself or another that speaks for its own folder, so
 * reading them nearest the root first (`byScopeDepth`) and asking this of the
 * ones read so far decides them all; the CLI and the editor both do so.
 */
export function needsFileExcludedBy(
  scopes: readonly Scope[],
  needsFile: string,
  dir = scopeDir(needsFile),
): Exclusion | undefined {
  const above = scopes.filter(
    (s) => s.index.excludes !== undefined && s.dir !== dir && isWithin(dir, s.dir),
  );
  return above.length === 0 ? undefined : exclusionOf(above, needsFile);
}

/** `items` ordered by the depth of the folder each speaks for, nearest the root first. */
export function byScopeDepth<T>(items: readonly T[], dirOf: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i, depth: depth(dirOf(item)) }))
    .sort((a, b) => a.depth - b.depth || a.i - b.i)
    .map(({ item }) => item);
}

/** The first exclusion of `path` by `scopes` (nearest first), the earliest glob in its file. */
export function exclusionOf(scopes: readonly Scope[], path: string): Exclusion | undefined {
  for (const scope of scopes) {
    if (scope.index.excludes === undefined || !isWithin(path, scope.dir)) continue;
    const local = scope.dir === '' ? path : path.slice(scope.dir.length + 1);
    let first: Exclusion | undefined;
    for (const { owner } of scope.index.excludes.match(local)) {
      if (first === undefined || before(owner.span, first.span))
        first = { needsFile: scope.needsFile, glob: owner.value, span: owner.span };
    }
    if (first !== undefined) return first;
  }
  return undefined;
}

/** Whether `path` is `dir` or below it ('' is the root). */
function isWithin(path: string, dir: string): boolean {
  return dir === '' || path === dir || path.startsWith(dir + '/');
}

function before(a: Span, b: Span): boolean {
  return (
    a.start.line < b.start.line ||
    (a.start.line === b.start.line && a.start.character < b.start.character)
  );
}

export function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}
