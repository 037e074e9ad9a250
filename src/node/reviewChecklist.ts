/**
 * The checklist of a change in a repository: git's diff, the needs files of
 * the root, and the core's checklist. `outside-in checklist` and the GitHub
 * Action both build it here, so they list the same needs.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { Checklist } from '../core/checklist';
import { buildChecklist } from '../core/checklist';
import type { FileChange } from '../core/diff';
import type { LoadOptions } from '../core/load';
import { diff, repoRoot } from './git';
import { listNeedsFiles, loadNeedsFiles } from './needsFiles';

export interface ReviewRequest {
  /** The folder the needs files are looked for in; may be below the top of the repository. */
  readonly root: string;
  readonly base?: string;
  readonly head?: string;
  readonly load: LoadOptions;
}

export interface Review {
  readonly checklist: Checklist;
  /** The root's path from the top of the repository (`packages/app`), `''` at the top. */
  readonly prefix: string;
  /** What the reader should know: no needs file, a needs file with errors. */
  readonly warnings: readonly string[];
}

/** Builds the checklist of BASE...HEAD for the needs files under `root`. @throws GitError */
export async function reviewChecklist(req: ReviewRequest): Promise<Review> {
  const top = await repoRoot(req.root);
  const change = await diff({ root: top, base: req.base, head: req.head });
  // git speaks from the top of the repository; the contract from the root.
  const rel = path.relative(top, await realpath(req.root));
  const outside = rel.startsWith('..') || path.isAbsolute(rel);
  const prefix = outside ? '' : rel.split(path.sep).join('/');
  const files = changesUnder(change.files, prefix);
  const root = prefix === '' ? top : path.join(top, prefix);
  const loaded = await loadNeedsFiles(root, await listNeedsFiles(root), req.load);
  const warnings: string[] = [];
  if (loaded.files.length === 0)
    warnings.push('no needs file in this repository; the checklist holds no needs');
  for (const f of loaded.files) {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0)
      warnings.push(`${f.path} has ${errors} error(s); run "outside-in check" for details`);
  }
  const revs = { base: change.base, head: change.head };
  return { checklist: buildChecklist(loaded.set, files, revs, req.load), prefix, warnings };
}

/** The changes that touch `sub` (a folder of the repository, `''` for all), with paths relative to it. */
export function changesUnder(files: readonly FileChange[], sub: string): FileChange[] {
  if (sub === '') return [...files];
  const inside = (p: string): boolean => p.startsWith(sub + '/');
  const local = (p: string): string => path.posix.relative(sub, p);
  return files
    .filter((f) => inside(f.path) || (f.oldPath !== undefined && inside(f.oldPath)))
    .map((f) => ({
      ...f,
      path: local(f.path),
      oldPath: f.oldPath === undefined ? undefined : local(f.oldPath),
    }));
}
