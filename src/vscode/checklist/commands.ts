/**
 * The checklist's commands: review (choose what, then build), refresh, copy or
 * open as Markdown, reset, and open the line behind a reason. Also the API the
 * integration tests read the checklist through.
 */
import * as vscode from 'vscode';
import type { Because, Checklist } from '../../core/checklist';
import { shortRevision } from '../../core/present';
import { renderMarkdown } from '../../core/render';
import { Command, View, focusCommand } from '../ids';
import { DisposableStore } from '../lifecycle';
import type { Config } from '../config';
import type { NeedsStore } from '../needsStore';
import { ChecklistModel, TickStore } from './model';
import type { ReviewSource } from './reviewSource';
import { RESTRICTED_MESSAGE, ReviewError } from './reviewSource';
import type { ReviewChoice } from './target';
import { asChoice } from './target';
import { pickChoice, pickFolder } from './pickers';
import { registerSuspectDiagnostics } from './suspectDiagnostics';
import { registerChecklistView } from './view';

/** What the integration tests (and other extensions) can ask of the checklist. */
export interface ChecklistApi {
  readonly onDidChange: vscode.Event<void>;
  current(): {
    readonly checklist?: Checklist;
    readonly ticks: ReadonlySet<string>;
    readonly error?: string;
    readonly key?: string;
    readonly loading: boolean;
  };
  /** What ticking a box in the view does. */
  setTick(needId: string, question: string, ticked: boolean): Promise<void>;
  /** The ticks of the current review as a fresh TickStore reads them back from workspaceState. */
  storedTicks(): ReadonlySet<string>;
}

/** Arguments the review command accepts (from tests, keybindings, or the SCM title bar). */
interface ReviewArgs {
  readonly mode?: unknown;
  readonly base?: unknown;
  readonly range?: unknown;
  /** A workspace folder's name or URI. */
  readonly folder?: unknown;
  /** Given by the Source Control title bar: the repository it shows. */
  readonly rootUri?: unknown;
}

/** The registered checklist: disposing it ends every registration; it answers the API itself. */
export class ChecklistFeature extends DisposableStore implements ChecklistApi {
  private readonly changed: vscode.EventEmitter<void>;
  readonly onDidChange: vscode.Event<void>;

  constructor(
    private readonly model: ChecklistModel,
    private readonly memento: vscode.Memento,
  ) {
    super();
    this.add(model);
    this.changed = this.add(new vscode.EventEmitter<void>());
    this.onDidChange = this.changed.event;
    this.add(model.onDidChange(() => this.changed.fire()));
  }

  current(): ReturnType<ChecklistApi['current']> {
    const s = this.model.current;
    return {
      checklist: s.review?.checklist,
      ticks: s.ticks,
      error: s.error,
      key: s.review?.key,
      loading: s.loading,
    };
  }

  setTick(needId: string, question: string, ticked: boolean): Promise<void> {
    return this.model.setTick(needId, question, ticked);
  }

  storedTicks(): ReadonlySet<string> {
    const key = this.model.current.review?.key;
    return key === undefined ? new Set() : new TickStore(this.memento).get(key);
  }
}

export function registerChecklist(
  store: NeedsStore,
  config: Config,
  memento: vscode.Memento,
  source: ReviewSource,
): ChecklistFeature {
  const model = new ChecklistModel(memento, store, config, source);
  const restore = (): void => {
    const last = model.choices.last();
    const folder = last && vscode.workspace.getWorkspaceFolder(last.folder);
    if (last && folder && model.current.review === undefined)
      void model.load(folder, last.choice, progress);
  };
  const feature = new ChecklistFeature(model, memento);
  feature.addAll(
    registerChecklistView(model, restore),
    registerSuspectDiagnostics(model, store, memento),
    vscode.commands.registerCommand(Command.ReviewChecklist, (args?: ReviewArgs) =>
      review(model, args),
    ),
    vscode.commands.registerCommand(Command.RefreshChecklist, async () => {
      const state = await model.refresh();
      if (state.error !== undefined) void vscode.window.showErrorMessage(state.error);
    }),
    vscode.commands.registerCommand(Command.CopyChecklistMarkdown, async () => {
      const markdown = currentMarkdown(model);
      if (markdown === undefined) return;
      await vscode.env.clipboard.writeText(markdown);
      void vscode.window.setStatusBarMessage('Outside-In: checklist copied as Markdown', 3000);
    }),
    vscode.commands.registerCommand(Command.OpenChecklistMarkdown, async () => {
      const markdown = currentMarkdown(model);
      if (markdown === undefined) return;
      const document = await vscode.workspace.openTextDocument({
        language: 'markdown',
        content: markdown,
      });
      await vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand(
      Command.ResetChecklist,
      async (args?: { confirmed?: unknown }) => {
        if (model.current.review === undefined) return;
        if (args?.confirmed !== true) {
          const reset = 'Reset';
          const answer = await vscode.window.showWarningMessage(
            'Clear every tick of this checklist?',
            { modal: true, detail: 'The ticks of this repository, base and branch are forgotten.' },
            reset,
          );
          if (answer !== reset) return;
        }
        await model.reset();
      },
    ),
    vscode.commands.registerCommand(Command.OpenChecklistReason, (because: Because) =>
      openBecause(model, because),
    ),
  );
  return feature;
}

/** The review command: which folder, what to review, then build it. Returns the checklist (for tests). */
async function review(
  model: ChecklistModel,
  args: ReviewArgs | undefined,
): Promise<Checklist | undefined> {
  if (model.git.unavailable !== undefined) {
    // Said in the view, where the checklist would be, and never as an exception.
    await vscode.commands.executeCommand(focusCommand(View.Checklist));
    model.fail(model.git.unavailable);
    return undefined;
  }
  if (!vscode.workspace.isTrusted) {
    await explainRestricted();
    return undefined;
  }
  const folder = await pickFolder(args?.folder ?? args?.rootUri);
  if (folder === undefined) return undefined;
  let choice = asChoice(args);
  if (choice === undefined) {
    let remembered: ReviewChoice | undefined;
    try {
      remembered = model.choices.choice((await model.git.repository(folder.uri)).root);
    } catch (e) {
      void vscode.window.showErrorMessage(e instanceof ReviewError ? e.message : String(e));
      return undefined;
    }
    choice = await pickChoice(remembered);
    if (choice === undefined) return undefined;
  }
  // Show the view first, so the progress and any error appear where the checklist will be.
  // `.focus` opens the panel (or wherever the reviewer moved the view) on it; see view.ts for
  // why the panel.
  await vscode.commands.executeCommand(focusCommand(View.Checklist));
  const state = await model.load(folder, choice, progress);
  if (state.error !== undefined) void vscode.window.showErrorMessage(`Outside-In: ${state.error}`);
  return state.review?.checklist;
}

/**
 * Shows the view (its welcome text says why it is empty) and offers to manage
 * trust, without waiting for an answer: the command ends at once.
 */
async function explainRestricted(): Promise<void> {
  await vscode.commands.executeCommand(focusCommand(View.Checklist));
  const manage = 'Manage Workspace Trust';
  void vscode.window
    .showWarningMessage(`Outside-In: ${RESTRICTED_MESSAGE}`, manage)
    .then((answer) =>
      answer === manage ? vscode.commands.executeCommand('workbench.trust.manage') : undefined,
    );
}

/**
 * Runs the slow part (git diff) with the view's progress bar, and after a
 * second also a cancellable notification: a long diff deserves a way out, a
 * short one no pop-up.
 */
function progress<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const running = work(controller.signal);
  const settled = running.then(
    () => undefined,
    () => undefined,
  );
  void vscode.window.withProgress({ location: { viewId: View.Checklist } }, () => settled);
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'Outside-In: reading the change…',
        cancellable: true,
      },
      (_progress, token) => {
        token.onCancellationRequested(() => controller.abort());
        return settled;
      },
    );
  }, 1000);
  return running.finally(() => clearTimeout(timer));
}

function currentMarkdown(model: ChecklistModel): string | undefined {
  const state = model.current;
  if (state.review === undefined) {
    void vscode.window.showInformationMessage('Outside-In: run "Review Checklist" first.');
    return undefined;
  }
  // The CLI's renderer, so the pasted list equals `outside-in checklist --format markdown`.
  return renderMarkdown(state.review.checklist, state.ticks);
}

/**
 * Opens the line behind a reason. An added line is in the working tree; a
 * removed line exists only in the base, so it opens the diff with the base on
 * the left (through the Git extension's `git:` URIs), or, without the
 * extension, the file with a note that the line was removed.
 */
async function openBecause(model: ChecklistModel, because: Because): Promise<void> {
  const review = model.current.review;
  if (review === undefined) return;
  const file = vscode.Uri.joinPath(review.folder.uri, ...because.file.split('/'));
  const line = because.line === undefined ? undefined : Math.max(0, because.line - 1);
  const selection = line === undefined ? undefined : new vscode.Range(line, 0, line, 0);
  if (!because.removed) {
    await vscode.window.showTextDocument(file, { selection, preview: true });
    return;
  }
  const left = await model.git.gitUri(file, review.checklist.base);
  const exists = await vscode.workspace.fs.stat(file).then(
    () => true,
    () => false,
  );
  if (left !== undefined) {
    if (exists) {
      const head = review.checklist.head;
      const title = `${because.file} (${shortRevision(review.checklist.base)}) ↔ ${head === 'WORKTREE' ? 'working tree' : shortRevision(head)}`;
      await vscode.commands.executeCommand('vscode.diff', left, file, title, { preview: true });
      // The diff's selection applies to its right side: put the removed line on the left in view.
      const original = vscode.window.visibleTextEditors.find(
        (e) => e.document.uri.toString() === left.toString(),
      );
      if (original !== undefined && selection !== undefined) {
        original.selection = new vscode.Selection(selection.start, selection.start);
        original.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
      }
    } else {
      await vscode.window.showTextDocument(left, { selection, preview: true });
    }
    return;
  }
  if (exists) await vscode.window.showTextDocument(file, { preview: true });
  void vscode.window.showInformationMessage(
    `Line ${because.line ?? '?'} of ${because.file} was removed by this change (it is line ${because.line ?? '?'} in ${shortRevision(review.checklist.base)}).`,
  );
}
