/**
 * The checklist of a change in a repository: the change under review, the
 * needs files of the root, and the core's checklist. `outside-in checklist`
 * and the GitHub Action both build it here, so they list the same needs.
 */
import * as path from 'node:path';
import type { Checklist } from '../core/checklist';
import { buildChecklist } from '../core/checklist';
import type { LoadOptions } from '../core/load';
import { withNeedChanges } from '../core/suspects';
import { changeUnderReview } from './changeUnderReview';
import { readNeedChanges } from './needChanges';
import { findNeedsFiles, loadNeedsFiles } from './needsFiles';

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
  const change = await changeUnderReview(req.root, {
    mode: 'compare',
    base: req.base,
    head: req.head,
  });
  const prefix = change.folder;
  const root = prefix === '' ? change.top : path.join(change.top, prefix);
  const loaded = await loadNeedsFiles(root, (await findNeedsFiles(root)).counted, req.load);
  const warnings: string[] = [];
  if (loaded.files.length === 0)
    warnings.push('no needs file in this repository; the checklist holds no needs');
  for (const f of loaded.files) {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0)
      warnings.push(`${f.path} has ${errors} error(s); run "outside-in check" for details`);
  }
  const revs = { base: change.base, head: change.head };
  // The needs at BASE against HEAD: a reworded need makes the code written for it suspect.
  const needs = await readNeedChanges({
    top: change.top,
    sub: prefix,
    base: change.base,
    head: change.head,
    files: change.files,
    set: loaded.set,
    load: req.load,
  });
  const checklist = withNeedChanges(
    buildChecklist(loaded.set, change.files, revs, req.load),
    needs.set,
    needs.changes,
    needs.found,
    req.load,
  );
  return { checklist, prefix, warnings };
}
