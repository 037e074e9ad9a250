/**
 * The change under review, read from git: the one answer that
 * `outside-in checklist` (and the MCP `checklist` tool) and the editor's
 * Review Checklist share. The choice's rules are in src/core/changeChoice.ts,
 * the narrowing to a folder in src/core/changesInFolder.ts; this file only
 * asks git. Messages name no command-line option: each caller adds its own hint.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { BaseSide, ChangeChoice, ChangePlan, ResolvedHead } from '../core/changeChoice';
import { diffRevisionArgs, headCommitName, headLabel, planChange } from '../core/changeChoice';
import { changesInFolder } from '../core/changesInFolder';
import { parseUnifiedDiff } from '../core/diff';
import type { FileChange } from '../core/diff';
import {
  GIT_DIFF_FLAGS,
  commitOf,
  currentBranch,
  defaultBranch,
  emptyTree,
  mergeBase,
  repoRoot,
  resolveRevision,
} from './git';
import { DEFAULT_MAX_BYTES, GitError, runGitOk } from './gitProcess';
import type { GitOptions } from './gitProcess';
import { untrackedFiles } from './untracked';

export interface ChangeUnderReview {
  /** The top of the work tree, as git prints it. */
  readonly top: string;
  /** The folder reviewed, relative to `top` with `/` separators; `''` for the top itself. */
  readonly folder: string;
  /** The commit compared with (git's empty tree before the first commit). */
  readonly base: string;
  /** A commit id, `WORKTREE` or `INDEX`. */
  readonly head: string;
  /**
   * Base and head as the reviewer knows them: the names given or found (a
   * branch, the default branch, a typed revision), else an id, `WORKTREE` or
   * `INDEX`. Names, not ids, so a new commit on the branch is the same review.
   */
  readonly labels: { readonly base: string; readonly head: string };
  /** The changed files under `folder`, with paths relative to it. */
  readonly files: FileChange[];
}

/**
 * The change `choice` names, for the repository that holds `root` and
 * narrowed to `root` (see changesInFolder).
 * @throws GitError with a message that names no command-line option
 */
export async function changeUnderReview(
  root: string,
  choice: ChangeChoice,
  opts: GitOptions = {},
): Promise<ChangeUnderReview> {
  const plan = planChange(choice);
  if ('error' in plan) throw new GitError('bad-range', plan.error);
  const top = await repoRoot(root, opts);
  const folder = await folderIn(top, root);
  const branch = await currentBranch(top, opts);
  const headCommit = await commitOf(top, 'HEAD', opts);
  if (plan.onBranch) {
    if (headCommit === undefined)
      throw new GitError(
        'no-commit',
        'This repository has no commit yet: review the uncommitted changes instead.',
      );
    if (branch === undefined)
      throw new GitError(
        'detached-head',
        'HEAD is detached, so there is no branch to review: check out a branch, or review a commit range.',
      );
  }
  const head: ResolvedHead =
    plan.head.kind === 'commit'
      ? { kind: 'commit', id: await resolveRevision(top, plan.head.rev, opts) }
      : plan.head;
  // The commit a merge-base meets: the head commit, else HEAD (none before the first commit).
  const tip = head.kind === 'commit' ? head.id : headCommit;
  const base = await resolveBase(top, plan, tip, opts);

  const text = await runGitOk(
    top,
    ['diff', ...GIT_DIFF_FLAGS, ...diffRevisionArgs(base.id, head), '--'],
    opts,
  );
  const files = parseUnifiedDiff(text);
  if (head.kind === 'worktree') {
    const budget = (opts.maxBytes ?? DEFAULT_MAX_BYTES) - Buffer.byteLength(text);
    const known = new Set(files.map((f) => f.path));
    for (const f of await untrackedFiles(top, budget, opts)) if (!known.has(f.path)) files.push(f);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  const labels = {
    base: base.name ?? branch ?? headCommit ?? 'HEAD',
    head:
      plan.head.kind === 'commit'
        ? plan.onBranch
          ? (branch ?? 'HEAD')
          : plan.head.rev
        : headLabel(head),
  };
  return {
    top,
    folder,
    base: base.id,
    head: headLabel(head),
    labels,
    files: changesInFolder(files, folder),
  };
}

/** The base's commit id, and its name when the choice or the default branch gave one. */
async function resolveBase(
  top: string,
  plan: ChangePlan,
  tip: string | undefined,
  opts: GitOptions,
): Promise<{ id: string; name?: string }> {
  const side: BaseSide = plan.base;
  switch (side.kind) {
    case 'revision':
      return { id: await resolveRevision(top, side.rev, opts), name: side.rev };
    case 'head':
      return { id: tip ?? (await emptyTree(top, opts)) };
    case 'merge-base': {
      if (tip === undefined)
        // Before the first commit there is no HEAD to meet: compare with BASE itself.
        return side.with === undefined
          ? { id: await emptyTree(top, opts) }
          : { id: await resolveRevision(top, side.with, opts), name: side.with };
      const name = side.with ?? (await defaultBranch(top, opts));
      if (name === undefined) {
        if (side.noDefault === 'head') return { id: tip };
        throw new GitError(
          'no-default-branch',
          'No default branch (origin/HEAD, main, master or trunk) to review against: review a commit range instead.',
        );
      }
      return { id: await mergeBase(top, name, headCommitName(plan.head), opts), name };
    }
  }
}

/** `root` relative to `top`, both with symbolic links resolved. */
async function folderIn(top: string, root: string): Promise<string> {
  const rel = path.relative(await realpath(top), await realpath(root));
  if (rel === '..' || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    throw new GitError('failed', `"${root}" is not inside the repository at "${top}"`);
  return rel.split(path.sep).join('/');
}
