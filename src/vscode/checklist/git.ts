/**
 * The checklist's view of git: which repository a workspace folder is in, and
 * the change a ReviewChoice names. Repository discovery, merge-bases, HEAD
 * change events and `git:` URIs come from the built-in Git extension when it
 * is there; the diff text always comes from the `git` executable through
 * src/node/git.ts, the CLI's own code, so editor and CI never disagree. With
 * no Git extension, src/node/git.ts does everything.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseUnifiedDiff } from '../../core/diff';
import type { FileChange } from '../../core/diff';
import {
  GIT_DIFF_FLAGS,
  GitError,
  defaultBranch,
  diff,
  mergeBase,
  repoRoot,
  resolveRevision,
} from '../../node/git';
import { runGit, runGitOk } from '../../node/gitProcess';
import { readNeedChanges } from '../../node/needChanges';
import type { NeedChanges } from '../../core/needChanges';
import type { NeedsSet } from '../../core/needsSet';
import type { HeadLink } from '../../core/suspects';
import type { GitApi, GitExtension, GitRepository } from './gitApi';
import type { ReviewChoice } from './target';
import { changesForFolder, parseRange } from './target';

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

export interface ReviewedChange {
  readonly base: string;
  readonly head: string;
  /** Relative to the workspace folder. */
  readonly files: FileChange[];
  /** Names the review for its ticks: base and head as the reviewer knows them. */
  readonly scope: { readonly base: string; readonly head: string };
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

/** Every git run goes through here first: no git in an untrusted workspace. */
function assertTrusted(): void {
  if (!vscode.workspace.isTrusted) throw new ReviewError(RESTRICTED_MESSAGE);
}

/** How long to wait for the Git extension to finish opening repositories. */
const GIT_API_WAIT_MS = 5_000;

export class ReviewGit {
  private api: Promise<GitApi | undefined> | undefined;

  /** The Git extension's API once it is initialised, or undefined without it. */
  gitApi(): Promise<GitApi | undefined> {
    this.api ??= loadGitApi();
    return this.api;
  }

  /** The repository that holds `folder`. */
  async repository(folder: vscode.Uri): Promise<ReviewRepository> {
    assertTrusted();
    if (folder.scheme !== 'file')
      throw new ReviewError(
        `${folder.toString()} is not on disk: the checklist needs a git repository.`,
      );
    const root = await explain(repoRoot(folder.fsPath));
    const api = await this.gitApi();
    let extension: GitRepository | undefined;
    try {
      const rootUri = vscode.Uri.file(root);
      // A repository made after the Git extension looked around is opened on request.
      extension =
        api?.getRepository(rootUri) ?? (await api?.openRepository?.(rootUri)) ?? undefined;
    } catch {
      extension = undefined;
    }
    return { root, extension };
  }

  /** The change `choice` names, with paths relative to `folder`. */
  async change(
    repo: ReviewRepository,
    folder: vscode.Uri,
    choice: ReviewChoice,
    signal: AbortSignal,
  ): Promise<ReviewedChange> {
    assertTrusted();
    const root = repo.root;
    const opts = { signal };
    const branch = await currentBranch(root, signal);
    const head = await explain(resolveRevision(root, 'HEAD', opts)).catch(() => undefined);
    let result: Omit<ReviewedChange, 'files'> & { files: FileChange[] };
    switch (choice.mode) {
      case 'branch': {
        if (head === undefined)
          throw new ReviewError(
            'This repository has no commit yet: review the uncommitted changes instead.',
          );
        if (branch === undefined)
          throw new ReviewError(
            'HEAD is detached, so there is no branch to review: check out a branch, or review a commit range.',
          );
        const baseRef = choice.base ?? (await explain(defaultBranch(root, opts)));
        if (baseRef === undefined)
          throw new ReviewError(
            'No default branch (origin/HEAD, main, master or trunk) to review against: review a commit range instead.',
          );
        const base = await this.mergeBase(repo, baseRef, signal);
        const change = await explain(diff({ root, base, head: 'HEAD', signal }));
        const note =
          base === head
            ? `${branch} has no commits that ${baseRef} lacks: nothing committed to review.`
            : undefined;
        result = { ...change, scope: { base: baseRef, head: branch }, note };
        break;
      }
      case 'uncommitted':
      case 'staged': {
        const staged = choice.mode === 'staged';
        // Before the first commit there is no HEAD: src/node/git.ts then compares with the empty tree.
        const change = await explain(
          diff({ root, base: head === undefined ? undefined : 'HEAD', staged, signal }),
        );
        result = { ...change, scope: { base: branch ?? head ?? 'HEAD', head: change.head } };
        break;
      }
      case 'range': {
        const range = parseRange(choice.range);
        if ('error' in range) throw new ReviewError(range.error);
        if (range.threeDot) {
          const change = await explain(diff({ root, base: range.base, head: range.head, signal }));
          result = { ...change, scope: { base: range.base, head: range.head } };
        } else {
          const base = await explain(resolveRevision(root, range.base, opts));
          const headSha = await explain(resolveRevision(root, range.head, opts));
          const text = await explain(
            runGitOk(root, ['diff', ...GIT_DIFF_FLAGS, base, headSha, '--'], opts),
          );
          result = {
            base,
            head: headSha,
            files: parseUnifiedDiff(text),
            scope: { base: range.base, head: range.head },
          };
        }
        break;
      }
    }
    const top = await realpath(root);
    const here = await realpath(folder.fsPath);
    return { ...result, files: changesForFolder(result.files, top, here) };
  }

  /**
   * What `change` did to the needs of `folder`, and the code at its HEAD still
   * linked to the needs it edited or ended: the CLI's own code
   * (src/node/needChanges.ts). Nothing for a folder that holds the repository
   * rather than lies in it.
   */
  async needChanges(
    repo: ReviewRepository,
    folder: vscode.Uri,
    change: ReviewedChange,
    set: NeedsSet,
    signal: AbortSignal,
  ): Promise<{ changes: NeedChanges; found: HeadLink[]; set: NeedsSet }> {
    const top = await realpath(repo.root);
    const sub = path
      .relative(top, await realpath(folder.fsPath))
      .split(path.sep)
      .join('/');
    if (sub === '..' || sub.startsWith('../') || path.isAbsolute(sub))
      return { changes: { changed: [], ended: [] }, found: [], set };
    return explain(
      readNeedChanges({
        top,
        sub,
        base: change.base,
        head: change.head,
        files: change.files,
        set,
        git: { signal },
      }),
    );
  }

  /** Fires when HEAD moves (checkout, commit, reset): the review may have changed. */
  watchHead(repo: ReviewRepository, onChange: () => void): vscode.Disposable {
    const ext = repo.extension;
    if (ext !== undefined) {
      let last = headId(ext);
      return ext.state.onDidChange(() => {
        const now = headId(ext);
        if (now === last) return;
        last = now;
        onChange();
      });
    }
    if (!vscode.workspace.isTrusted) return new vscode.Disposable(() => undefined);
    const watchers: vscode.Disposable[] = [];
    let disposed = false;
    void runGit(repo.root, ['rev-parse', '--absolute-git-dir']).then((out) => {
      if (disposed || out.exitCode !== 0) return;
      const gitDir = vscode.Uri.file(out.stdout.trim());
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(gitDir, '{HEAD,refs/heads/**}'),
      );
      watchers.push(
        watcher,
        watcher.onDidChange(onChange),
        watcher.onDidCreate(onChange),
        watcher.onDidDelete(onChange),
      );
    });
    return new vscode.Disposable(() => {
      disposed = true;
      for (const w of watchers) w.dispose();
    });
  }

  /** `file` at `ref` as the Git extension shows it (read-only), when the extension is there. */
  async gitUri(file: vscode.Uri, ref: string): Promise<vscode.Uri | undefined> {
    const api = await this.gitApi();
    return api?.toGitUri(file, ref);
  }

  private async mergeBase(
    repo: ReviewRepository,
    baseRef: string,
    signal: AbortSignal,
  ): Promise<string> {
    const viaExtension = await repo.extension?.getMergeBase(baseRef, 'HEAD').catch(() => undefined);
    // The extension answers undefined for an unknown ref: src/node/git.ts then says which one.
    if (viaExtension !== undefined && /^[0-9a-f]{40,64}$/.test(viaExtension.trim()))
      return viaExtension.trim();
    return explain(mergeBase(repo.root, baseRef, 'HEAD', { signal }));
  }
}

function headId(repo: GitRepository): string {
  return `${repo.state.HEAD?.name ?? ''}\u0000${repo.state.HEAD?.commit ?? ''}`;
}

/**
 * The branch HEAD is on, or undefined when detached. Read from git, not from
 * the extension's state: that lags behind a checkout by a status refresh.
 */
async function currentBranch(root: string, signal: AbortSignal): Promise<string | undefined> {
  const out = await explain(runGit(root, ['symbolic-ref', '-q', '--short', 'HEAD'], { signal }));
  const name = out.stdout.trim();
  return out.exitCode === 0 && name !== '' ? name : undefined;
}

async function loadGitApi(): Promise<GitApi | undefined> {
  try {
    const extension = vscode.extensions.getExtension<GitExtension>('vscode.git');
    if (extension === undefined) return undefined;
    const exports = extension.isActive ? extension.exports : await extension.activate();
    if (!exports.enabled) return undefined;
    const api = exports.getAPI(1);
    if (api.state !== 'initialized') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, GIT_API_WAIT_MS);
        const sub = api.onDidChangeState((s) => s === 'initialized' && done());
        function done(): void {
          clearTimeout(timer);
          sub.dispose();
          resolve();
        }
      });
    }
    return api;
  } catch {
    // Disabled or failing: the git executable is enough.
    return undefined;
  }
}

/** GitErrors, in words for a reviewer; other errors as they are. */
async function explain<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (!(e instanceof GitError)) throw e;
    switch (e.code) {
      case 'no-git':
        throw new ReviewError('Git was not found on PATH: install git to review a change.');
      case 'not-a-repo':
        throw new ReviewError(
          'This folder is not in a git repository: there is no change to review.',
        );
      case 'cancelled':
        throw new ReviewError('Cancelled.', true);
      default:
        throw new ReviewError(e.message);
    }
  }
}
