/**
 * Narrowing a change to one folder of the repository: `outside-in checklist
 * --root` and the editor's workspace folder both review only the files under
 * their folder, with paths relative to it, by this one rule.
 */
import type { FileChange } from './diff';

/**
 * The changes under `folder` (relative to the top of the repository, `/`
 * separators, `''` for the top itself), with paths relative to it. Changes
 * elsewhere are left out. A rename across the folder's edge keeps only the
 * side inside, so no path ever leads out of the folder:
 * - renamed or copied into the folder: added there, with the lines the diff
 *   adds (the removed lines belong to the file outside);
 * - renamed out of the folder: deleted there, at its old path, with the lines
 *   the diff removes;
 * - copied out of the folder: left out, since the original is unchanged.
 */
export function changesInFolder(files: readonly FileChange[], folder: string): FileChange[] {
  const sub = folder.replace(/^\.?\/+|\/+$/g, '');
  if (sub === '' || sub === '.') return [...files];
  const prefix = `${sub}/`;
  const inside = (p: string): boolean => p.startsWith(prefix);
  const local = (p: string): string => p.slice(prefix.length);
  const out: FileChange[] = [];
  for (const f of files) {
    const from = f.oldPath;
    if (from === undefined || (inside(from) && inside(f.path))) {
      if (!inside(f.path)) continue;
      out.push(
        from === undefined
          ? { ...f, path: local(f.path) }
          : { ...f, path: local(f.path), oldPath: local(from) },
      );
    } else if (inside(f.path)) {
      out.push({
        path: local(f.path),
        status: 'added',
        binary: f.binary,
        added: f.added,
        removed: [],
      });
    } else if (inside(from) && f.status === 'renamed') {
      out.push({
        path: local(from),
        status: 'deleted',
        binary: f.binary,
        added: [],
        removed: f.removed,
      });
    }
  }
  return out;
}
