/**
 * The checklist's view of git: which repository a workspace folder is in, and
 * the change a ReviewChoice names. The change itself comes from
 * src/node/changeUnderReview.ts, the code `outside-in checklist` runs, so
 * editor and CI never disagree. What stays here is VS Code's own: workspace
 * trust, the built-in Git extension (repositories it knows, HEAD change
 * events, `git:` URIs), and the wording of failures for the view.
 */
import * as vscode from 'vscode';
import { changeUnderReview } from '../../node/changeUnderReview';
import { GitError, repoRoot } from '../../node/git';
import { runGit } from '../../node/gitProcess';
import { readNeedChanges } from '../../node/needChanges';
import type { NeedChanges } from '../../core/needChanges';
import type { NeedsSet } from '../../core/needsSet';
import type { HeadLink } from '../../core/suspects';
import { DisposableStore } from '../lifecycle';
import type { GitApi, GitExtension, GitRepository } from './gitApi';
import type { ReviewedChange, ReviewRepository, ReviewSource } from './reviewSource';
import { RESTRICTED_MESSAGE, ReviewError } from './reviewSource';
import type { ReviewChoice } from './target';

/** Every git run goes through here first: no git in an untrusted workspace. */
function assertTrusted(): void {
  if (!vscode.workspace.isTrusted) throw new ReviewError(RESTRICTED_MESSAGE);
}

/** How long to wait for the Git extension to finish opening repositories. */
const GIT_API_WAIT_MS = 5_000;

/** The change under review read with git: the desktop's ReviewSource. */
export class ReviewGit implements ReviewSource {
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
    folder: vscode.Uri,
    choice: ReviewChoice,
    signal: AbortSignal,
  ): Promise<ReviewedChange> {
    assertTrusted();
    const change = await explain(changeUnderReview(folder.fsPath, choice, { signal }));
    const note =
      choice.mode === 'branch' && change.base === change.head
        ? `${change.labels.head} has no commits that ${change.labels.base} lacks: nothing committed to review.`
        : undefined;
    return { ...change, note };
  }

  /**
   * What `change` did to the needs of its folder, and the code at its HEAD
   * still linked to the needs it edited or ended: the CLI's own code
   * (src/node/needChanges.ts).
   */
  async needChanges(
    change: ReviewedChange,
    set: NeedsSet,
    signal: AbortSignal,
  ): Promise<{ changes: NeedChanges; found: HeadLink[]; set: NeedsSet }> {
    return explain(
      readNeedChanges({
        top: change.top,
        sub: change.folder,
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
    const watchers = new DisposableStore();
    void runGit(repo.root, ['rev-parse', '--absolute-git-dir']).then((out) => {
      if (watchers.isDisposed || out.exitCode !== 0) return;
      const gitDir = vscode.Uri.file(out.stdout.trim());
      const watcher = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(gitDir, '{HEAD,refs/heads/**}'),
      );
      watchers.addAll(
        watcher,
        watcher.onDidChange(onChange),
        watcher.onDidCreate(onChange),
        watcher.onDidDelete(onChange),
      );
    });
    return watchers;
  }

  /** `file` at `ref` as the Git extension shows it (read-only), when the extension is there. */
  async gitUri(file: vscode.Uri, ref: string): Promise<vscode.Uri | undefined> {
    const api = await this.gitApi();
    return api?.toGitUri(file, ref);
  }
}

function headId(repo: GitRepository): string {
  return `${repo.state.HEAD?.name ?? ''}\u0000${repo.state.HEAD?.commit ?? ''}`;
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
