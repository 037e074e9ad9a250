/**
 * What a reviewer chose to review, and the pure rules around it: parsing a
 * typed commit range, naming a review for its persisted ticks, and moving diff
 * paths from the top of the repository to the workspace folder the needs
 * apply to. No `vscode` here, so the unit tests run in plain Node.
 */
import * as path from 'node:path';
import type { FileChange } from '../../core/diff';
import { shortRevision } from '../../core/present';

export type ReviewMode = 'branch' | 'uncommitted' | 'staged' | 'range';

export const REVIEW_MODES: readonly ReviewMode[] = ['branch', 'uncommitted', 'staged', 'range'];

/** The change under review, as chosen in the quick pick (or passed to the command). */
export type ReviewChoice =
  | { readonly mode: 'branch'; readonly base?: string }
  | { readonly mode: 'uncommitted' }
  | { readonly mode: 'staged' }
  | { readonly mode: 'range'; readonly range: string };

export interface CommitRange {
  readonly base: string;
  readonly head: string;
  /** `A...B`: B against the merge-base of A and B, as the CLI does; `A..B`: B against A. */
  readonly threeDot: boolean;
}

/** A revision as typed: never an option, no whitespace; git itself says whether it exists. */
const REVISION = /^[^\s.-](?:\S*[^\s.])?$/;

/** `BASE..HEAD` or `BASE...HEAD` -> the range, or a message saying what is wrong with it. */
export function parseRange(text: string): CommitRange | { readonly error: string } {
  const trimmed = text.trim();
  const match = /^(.+?)(\.\.\.?)(.+)$/.exec(trimmed);
  if (match === null)
    return { error: 'Type a range as BASE..HEAD or BASE...HEAD, e.g. main...HEAD' };
  const [, base = '', dots = '', head = ''] = match;
  for (const rev of [base, head]) {
    if (rev.includes('..') || !REVISION.test(rev))
      return { error: `"${rev}" is not a revision (a branch, tag or commit id)` };
  }
  return { base, head, threeDot: dots === '...' };
}

/**
 * What the checklist's message calls the change under review: what the
 * reviewer chose, and the commits it came to (`base`, `head`), all short. The
 * view's header names the commits too, but a view alone in the panel shows no
 * header. A range typed as the very commit ids it came to is named once.
 */
export function describeReview(choice: ReviewChoice, base: string, head: string): string {
  const revisions = `${shortRevision(base)}...${shortRevision(head)}`;
  switch (choice.mode) {
    case 'branch':
      return `${choice.base === undefined ? 'Branch against its base' : `Branch against ${choice.base}`} (${revisions})`;
    case 'uncommitted':
      return `Uncommitted changes (${revisions})`;
    case 'staged':
      return `Staged changes (${revisions})`;
    case 'range': {
      const typed = parseRange(choice.range);
      if ('error' in typed) return `${choice.range} (${revisions})`;
      const [typedBase, typedHead] = [shortRevision(typed.base), shortRevision(typed.head)];
      const named = `${typedBase}${typed.threeDot ? '...' : '..'}${typedHead}`;
      return typedBase === shortRevision(base) && typedHead === shortRevision(head)
        ? named
        : `${named} (${revisions})`;
    }
  }
}

/** Whether a value read back from storage or passed to the command is a choice. */
export function asChoice(value: unknown): ReviewChoice | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  switch (v.mode) {
    case 'branch':
      return typeof v.base === 'string' && v.base.trim() !== ''
        ? { mode: 'branch', base: v.base.trim() }
        : { mode: 'branch' };
    case 'uncommitted':
    case 'staged':
      return { mode: v.mode };
    case 'range':
      return typeof v.range === 'string' ? { mode: 'range', range: v.range.trim() } : undefined;
    default:
      return undefined;
  }
}

/**
 * Ticks belong to one review: the repository, the base and the head branch
 * (names, not commit ids, so a new commit pushed to the branch under review
 * keeps what was already checked). The need and question come from
 * `questionKey`, so an edit of the needs file that keeps a question keeps its tick.
 */
export function reviewKey(repoRoot: string, base: string, head: string): string {
  return JSON.stringify([repoRoot, base, head]);
}

/**
 * Diff paths are relative to the top of the repository (`top`); the needs'
 * paths to the workspace folder (`folder`). Changes outside the folder are
 * dropped, as the CLI's `--root` does; a repository inside the folder gets its
 * paths prefixed.
 */
export function changesForFolder(
  files: readonly FileChange[],
  top: string,
  folder: string,
): FileChange[] {
  const posix = (p: string): string => p.split(path.sep).join('/');
  const repoInFolder = posix(path.relative(folder, top));
  if (repoInFolder === '') return [...files];
  const moved =
    (map: (p: string) => string) =>
    (f: FileChange): FileChange => ({
      ...f,
      path: map(f.path),
      oldPath: f.oldPath === undefined ? undefined : map(f.oldPath),
    });
  const outside = (rel: string): boolean =>
    rel === '..' || rel.startsWith('../') || path.isAbsolute(rel);
  if (!outside(repoInFolder)) return files.map(moved((p) => `${repoInFolder}/${p}`));
  const sub = posix(path.relative(top, folder));
  if (outside(sub)) return [];
  const inside = (p: string): boolean => p.startsWith(sub + '/');
  const local = (p: string): string => p.slice(sub.length + 1);
  // A side of a rename outside the folder is not the folder's: keep only the side inside.
  return files
    .filter((f) => inside(f.path) || (f.oldPath !== undefined && inside(f.oldPath)))
    .map((f) => {
      const oldPath = f.oldPath !== undefined && inside(f.oldPath) ? local(f.oldPath) : undefined;
      if (inside(f.path)) return { ...f, path: local(f.path), oldPath };
      return { ...f, path: oldPath ?? '', oldPath: undefined };
    });
}
