/**
 * What `.gitignore` files leave out of a walk (docs/needs-file.md): every
 * `.gitignore` from the root down, each for its own folder and below, and no
 * folder entered that is ignored or never scanned. The tree walk of the
 * command line and the editor's search for needs files both ask here, so
 * they skip the same files.
 */
import ignore from 'ignore';
import type { Ignore } from 'ignore';
import { DEFAULT_EXCLUDES } from './excludes';

/** The rules of one `.gitignore`, for the folder it stands in. */
export interface IgnoreScope {
  /** Relative to the root, `/`-separated, '' for the root. */
  readonly dir: string;
  readonly rules: Ignore;
}

/** The rules of the `.gitignore` text found in `dir`. */
export function ignoreScope(dir: string, text: string): IgnoreScope {
  return { dir, rules: ignore().add(text) };
}

/** Whether one of `scopes` (those of `path`'s folder and above) ignores `path`. */
export function isIgnored(scopes: readonly IgnoreScope[], path: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const local = scope.dir === '' ? path : path.slice(scope.dir.length + 1);
    if (scope.rules.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

/** The folders from the root down to the one holding `path`: '', 'a', 'a/b' for 'a/b/c.ts'. */
export function foldersAbove(path: string): string[] {
  const parts = path.split('/');
  parts.pop();
  return ['', ...parts.map((_, i) => parts.slice(0, i + 1).join('/'))];
}

/**
 * Whether a walk from the root reaches the file `path`: no folder on the way
 * is never scanned or ignored, and the file is not ignored. `gitignores`
 * holds the text of the `.gitignore` of each folder above `path` that has
 * one (see `foldersAbove`).
 */
export function isReached(
  path: string,
  gitignores: ReadonlyMap<string, string>,
  excludes: readonly string[] = DEFAULT_EXCLUDES,
): boolean {
  const scopes: IgnoreScope[] = [];
  for (const dir of foldersAbove(path)) {
    if (dir !== '') {
      const name = dir.slice(dir.lastIndexOf('/') + 1);
      // The walk tests a folder against the rules above it, then reads its own.
      if (excludes.includes(name) || isIgnored(scopes, dir, true)) return false;
    }
    const text = gitignores.get(dir);
    if (text !== undefined) scopes.push(ignoreScope(dir, text));
  }
  return !isIgnored(scopes, path, false);
}
