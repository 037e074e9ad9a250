/**
 * The change under review as a reviewer or a command line names it, and the
 * revisions each choice implies. The editor's Review Checklist and
 * `outside-in checklist` both describe what they review with a ChangeChoice,
 * and src/node/changeUnderReview.ts turns it into a diff by these rules, so
 * the two can never read a different change from the same words.
 */

/** What is reviewed. */
export type ChangeChoice =
  /** The commits of the current branch that `base` (default: the default branch) lacks; uncommitted work left out. */
  | { readonly mode: 'branch'; readonly base?: string }
  /** The working tree against HEAD, untracked (not ignored) files included. */
  | { readonly mode: 'uncommitted' }
  /** The index against HEAD. */
  | { readonly mode: 'staged' }
  /** A typed commit range, `BASE...HEAD` or `BASE..HEAD`; see parseRange. */
  | { readonly mode: 'range'; readonly range: string }
  /**
   * `git diff BASE...HEAD` with either side optional: BASE is the default
   * branch (HEAD itself when there is none), HEAD is the working tree with
   * untracked files. What `outside-in checklist` reviews.
   */
  | { readonly mode: 'compare'; readonly base?: string; readonly head?: string };

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

/** The side of the diff under review. */
export type HeadSide =
  /** A commit, as named; git resolves it. */
  | { readonly kind: 'commit'; readonly rev: string }
  /** The working tree, untracked (not ignored) files included. */
  | { readonly kind: 'worktree' }
  /** The index (staged changes). */
  | { readonly kind: 'index' };

/** The side the change is compared with. */
export type BaseSide =
  /** This revision itself (`A..B`). */
  | { readonly kind: 'revision'; readonly rev: string }
  /** HEAD itself; before the first commit, the empty tree. */
  | { readonly kind: 'head' }
  /**
   * The merge-base of `with` and the head commit (HEAD for the working tree
   * or the index). `with` undefined: the default branch; when there is none,
   * `noDefault` says whether HEAD is the base or the review is refused.
   * Before the first commit there is nothing to meet: `with` itself, or the
   * empty tree.
   */
  | {
      readonly kind: 'merge-base';
      readonly with?: string;
      readonly noDefault: 'head' | 'refuse';
    };

/** The revisions a choice implies, before git resolves them. */
export interface ChangePlan {
  readonly base: BaseSide;
  readonly head: HeadSide;
  /**
   * A branch review names its branch and its commits: it is refused on a
   * detached HEAD and before the first commit.
   */
  readonly onBranch: boolean;
}

/**
 * The revisions `choice` implies, or what is wrong with a typed range.
 * `uncommitted` and `staged` compare with HEAD; `branch` compares HEAD with
 * its merge-base with the base branch; `A...B` compares B with the merge-base
 * of A and B, `A..B` B with A; `compare` is `BASE...HEAD` with defaults.
 */
export function planChange(choice: ChangeChoice): ChangePlan | { readonly error: string } {
  switch (choice.mode) {
    case 'branch':
      return {
        base: { kind: 'merge-base', with: choice.base, noDefault: 'refuse' },
        head: { kind: 'commit', rev: 'HEAD' },
        onBranch: true,
      };
    case 'uncommitted':
      return { base: { kind: 'head' }, head: { kind: 'worktree' }, onBranch: false };
    case 'staged':
      return { base: { kind: 'head' }, head: { kind: 'index' }, onBranch: false };
    case 'range': {
      const range = parseRange(choice.range);
      if ('error' in range) return range;
      return {
        base: range.threeDot
          ? { kind: 'merge-base', with: range.base, noDefault: 'refuse' }
          : { kind: 'revision', rev: range.base },
        head: { kind: 'commit', rev: range.head },
        onBranch: false,
      };
    }
    case 'compare':
      return {
        base: { kind: 'merge-base', with: choice.base, noDefault: 'head' },
        head:
          choice.head === undefined ? { kind: 'worktree' } : { kind: 'commit', rev: choice.head },
        onBranch: false,
      };
  }
}

/** The head revision a merge-base is taken with: HEAD for the working tree and the index. */
export function headCommitName(head: HeadSide): string {
  return head.kind === 'commit' ? head.rev : 'HEAD';
}

/** What `git diff` compares, with every revision resolved to an id. */
export type ResolvedHead =
  | { readonly kind: 'commit'; readonly id: string }
  | { readonly kind: 'worktree' }
  | { readonly kind: 'index' };

/**
 * The revision arguments of `git diff` for `base` (an id) and `head`: two
 * commits, the index (`--cached`), or the working tree. They follow the
 * fixed flags and come before `--`.
 */
export function diffRevisionArgs(base: string, head: ResolvedHead): string[] {
  switch (head.kind) {
    case 'commit':
      return [base, head.id];
    case 'index':
      return ['--cached', base];
    case 'worktree':
      return [base];
  }
}

/** The checklist's name for the head side: a commit id, `WORKTREE` or `INDEX`. */
export function headLabel(head: ResolvedHead): string {
  return head.kind === 'commit' ? head.id : head.kind === 'index' ? 'INDEX' : 'WORKTREE';
}
