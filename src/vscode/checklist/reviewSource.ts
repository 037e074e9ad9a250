/**
 * What the checklist needs from wherever the change under review comes from:
 * which repository holds a folder, the change a choice names, what it did to
 * the needs, and when HEAD moves. The desktop answers with git
 * (`ReviewGit`, git.ts); the browser build has no git process and answers with
 * `NoDiffReview` (noDiff.ts). Nothing here runs anything, so both builds share it.
 */
import type * as vscode from 'vscode';
import type { NeedChanges } from '../../core/needChanges';
import type { NeedsSet } from '../../core/needsSet';
import type { HeadLink } from '../../core/suspects';
import type { ChangeUnderReview } from '../../node/changeUnderReview';
import type { GitRepository } from './gitApi';
import type { ReviewChoice } from './target';

/** A failure to show the reviewer as it is. */
export class ReviewError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = 'ReviewError';
  }
}

export interface ReviewRepository {
  /** The top of the work tree, as git prints it. */
  readonly root: string;
  /** The Git extension's repository, when the extension is there and knows it. */
  readonly extension?: GitRepository;
}

/** The change under review (files relative to the workspace folder), as the view shows it. */
export interface ReviewedChange extends ChangeUnderReview {
  /** A hint when the change is empty for a reason worth saying. */
  readonly note?: string;
}

/**
 * Why the checklist does nothing in Restricted Mode. A repository's own
 * `.git/config` can name programs that `git diff` runs (a clean filter that
 * `.gitattributes` applies to the changed files, for one), and flags cannot
 * switch all of them off, so git never runs in an untrusted workspace.
 */
export const RESTRICTED_MESSAGE =
  "Restricted Mode: the Review Checklist reads the change with git, and a repository's own git settings can make git run programs. Trust this workspace to review a change.";

export interface ReviewSource {
  /** Why no review can start here at all (set where git cannot run): the view shows it. */
  readonly unavailable?: string;
  /** The repository that holds `folder`; a ReviewError says why there is none. */
  repository(folder: vscode.Uri): Promise<ReviewRepository>;
  /** The change `choice` names, with paths relative to `folder`. */
  change(folder: vscode.Uri, choice: ReviewChoice, signal: AbortSignal): Promise<ReviewedChange>;
  /** What `change` did to the needs, and the code at its HEAD still linked to the needs it edited or ended. */
  needChanges(
    change: ReviewedChange,
    set: NeedsSet,
    signal: AbortSignal,
  ): Promise<{ changes: NeedChanges; found: HeadLink[]; set: NeedsSet }>;
  /** Fires when HEAD moves (checkout, commit, reset): the review may have changed. */
  watchHead(repo: ReviewRepository, onChange: () => void): vscode.Disposable;
  /** `file` at `ref` as the Git extension shows it (read-only), when the extension is there. */
  gitUri(file: vscode.Uri, ref: string): Promise<vscode.Uri | undefined>;
}
