/**
 * What is never linked to a need: the build folders no scan enters, and the
 * code a needs file's top-level `exclude` list names (docs/needs-file.md).
 */
import type { YAMLMap } from 'yaml';
import { MAX_GLOB_CHARS } from './loadParts';
import type { Located } from './model';
import type { YamlReader } from './yamlReader';

/** The folders never scanned (docs/needs-file.md), wherever they stand in a path. */
export const DEFAULT_EXCLUDES: readonly string[] = ['node_modules', 'dist', 'out', '.git'];

/**
 * The command line's own folder at a scan's root (its scan cache); it holds
 * its own `.gitignore`, so git and the walk leave it out.
 */
export const CACHE_DIR = '.outside-in';

/**
 * Whether `path` (`/`-separated) is that folder or in it: nothing there is
 * scanned or a needs file, so the editor's watchers let its writes pass.
 */
export function inCacheDir(path: string): boolean {
  return path.split('/').includes(CACHE_DIR);
}

/** True when a folder of `path` (relative, `/`-separated) is one of `names`. */
export function isExcluded(path: string, names: readonly string[] = DEFAULT_EXCLUDES): boolean {
  const parts = path.split('/');
  parts.pop();
  return parts.some((p) => names.includes(p));
}

/**
 * Reads the top-level `exclude` list: globs, relative to the folder the needs
 * file speaks for, of code no needs file links or checks. Each bad entry is a
 * problem at its own span and is left out; the rest still count.
 */
export function readExclude(r: YamlReader, root: YAMLMap): Located<string>[] {
  const out: Located<string>[] = [];
  for (const glob of r.strings(root, 'exclude', 'the needs file')) {
    const text = glob.value.trim();
    if (text === '') {
      r.report(
        'error',
        'wrong-type',
        'An entry of "exclude" in the needs file must be a glob, not empty text.',
        glob.span,
      );
    } else if (text.startsWith('!')) {
      // An exclude list cannot take code back in: dropping the `!` would
      // exclude what the author meant to keep, so it is an error, not a hint.
      r.report(
        'error',
        'negated-exclude',
        `"${glob.value}": "exclude" takes no "!" globs; list only the folders and files to leave out.`,
        glob.span,
      );
    } else if (glob.value.length > MAX_GLOB_CHARS) {
      r.report(
        'warning',
        'glob-too-long',
        `This exclude glob is ${glob.value.length} characters long; globs over ${MAX_GLOB_CHARS} characters are not matched.`,
        glob.span,
      );
    } else out.push(glob);
  }
  return out;
}
