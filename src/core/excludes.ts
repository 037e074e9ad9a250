/** The folders never scanned (docs/needs-file.md), wherever they stand in a path. */
export const DEFAULT_EXCLUDES: readonly string[] = ['node_modules', 'dist', 'out', '.git'];

/** True when a folder of `path` (relative, `/`-separated) is one of `names`. */
export function isExcluded(path: string, names: readonly string[] = DEFAULT_EXCLUDES): boolean {
  const parts = path.split('/');
  parts.pop();
  return parts.some((p) => names.includes(p));
}
