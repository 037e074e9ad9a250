/**
 * Suspect links in the editor: while a review is open, an `@need` of a need
 * whose words the change edited is an Information diagnostic (`suspect-link`)
 * naming the edited fields, until someone confirms the code still serves the
 * need. The confirmation is kept in workspace state with a fingerprint of the
 * need's fields, so it lapses as soon as the need's words change again. The
 * review's own checklist says which needs changed: the editor and the CLI
 * agree on it.
 */
import * as vscode from 'vscode';
import { findAnnotations } from '../../core/annotations';
import type { ChecklistNeed } from '../../core/checklist';
import { needFingerprint } from '../../core/needChanges';
import { shortRevision } from '../../core/present';
import { Command, DiagnosticCollection, StorageKey } from '../ids';
import { Disposable, KeyedDelayer } from '../lifecycle';
import { lineRange } from '../convert';
import { DIAGNOSTIC_SOURCE } from '../editor/diagnostics';
import type { NeedsStore } from '../needsStore';
import type { ChecklistModel } from './model';

export const SUSPECT_LINK = 'suspect-link';
/** Code is re-checked this long after the last keystroke. */
const TYPING_DELAY_MS = 250;

class SuspectDiagnostics extends Disposable implements vscode.CodeActionProvider {
  private readonly pending = this._register(new KeyedDelayer<string>());
  private readonly collection = this._register(
    vscode.languages.createDiagnosticCollection(DiagnosticCollection.Suspects),
  );

  constructor(
    private readonly model: ChecklistModel,
    private readonly store: NeedsStore,
    private readonly memento: vscode.Memento,
  ) {
    super();
    this._register(model.onDidChange(() => this.refreshAll()));
    this._register(vscode.workspace.onDidOpenTextDocument((d) => this.check(d)));
    this._register(vscode.workspace.onDidChangeTextDocument((e) => this.later(e.document)));
    this._register(vscode.workspace.onDidCloseTextDocument((d) => this.collection.delete(d.uri)));
    this._register(
      vscode.languages.registerCodeActionsProvider({ scheme: 'file' }, this, {
        providedCodeActionKinds: [vscode.CodeActionKind.QuickFix],
      }),
    );
    this._register(
      vscode.commands.registerCommand(Command.ConfirmSuspectLink, (id: unknown, print: unknown) =>
        this.confirm(id, print),
      ),
    );
    this.refreshAll();
  }

  /** The needs the current review edited, by id. */
  private changedNeeds(): Map<string, ChecklistNeed> {
    const needs = this.model.current.review?.checklist.needs ?? [];
    return new Map(needs.filter((n) => n.changed === true).map((n) => [n.id, n]));
  }

  private refreshAll(): void {
    this.collection.clear();
    for (const d of vscode.workspace.textDocuments) this.check(d);
  }

  private later(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.pending.trigger(
      key,
      () => {
        if (!document.isClosed) this.check(document);
      },
      TYPING_DELAY_MS,
    );
  }

  /** The fingerprint of `id` as `uri` sees it now, unless a confirmation of it is stored. */
  private unconfirmed(uri: vscode.Uri, id: string): string | undefined {
    const found = this.store.findNeed(uri, id);
    if (found === undefined || found.need.status === 'retired') return undefined;
    const print = needFingerprint(found.need);
    return this.memento.get<string>(StorageKey.SuspectConfirmedPrefix + id) === print
      ? undefined
      : print;
  }

  private check(document: vscode.TextDocument): void {
    const review = this.model.current.review;
    const changed = this.changedNeeds();
    if (
      review === undefined ||
      changed.size === 0 ||
      document.uri.scheme !== 'file' ||
      vscode.workspace.getWorkspaceFolder(document.uri)?.uri.toString() !==
        review.folder.uri.toString()
    ) {
      this.collection.delete(document.uri);
      return;
    }
    const base = shortRevision(review.checklist.base);
    const out: vscode.Diagnostic[] = [];
    for (let line = 0; line < document.lineCount; line++) {
      const text = document.lineAt(line).text;
      if (!text.includes('@need')) continue;
      for (const a of findAnnotations(text)) {
        const need = changed.get(a.id);
        if (need === undefined || this.unconfirmed(document.uri, a.id) === undefined) continue;
        const fields = (need.changedFields ?? []).join(', ');
        const d = new vscode.Diagnostic(
          lineRange(line, a.start, a.end),
          `The need "${a.id}" changed since ${base} (${fields}): does this code still serve what it now says?`,
          vscode.DiagnosticSeverity.Information,
        );
        d.code = SUSPECT_LINK;
        d.source = DIAGNOSTIC_SOURCE;
        out.push(d);
      }
    }
    this.collection.set(document.uri, out);
  }

  provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): vscode.CodeAction[] {
    const out: vscode.CodeAction[] = [];
    for (const d of context.diagnostics) {
      if (d.code !== SUSPECT_LINK || d.source !== DIAGNOSTIC_SOURCE) continue;
      const id = document.getText(d.range);
      const print = this.unconfirmed(document.uri, id);
      if (print === undefined) continue;
      const action = new vscode.CodeAction(
        'Confirm still serves this need',
        vscode.CodeActionKind.QuickFix,
      );
      action.diagnostics = [d];
      action.isPreferred = true;
      action.command = {
        command: Command.ConfirmSuspectLink,
        title: 'Confirm still serves this need',
        arguments: [id, print],
      };
      out.push(action);
    }
    return out;
  }

  /** Remembers that the code serves `id` as its fields are now (`print`). */
  private async confirm(id: unknown, print: unknown): Promise<void> {
    if (typeof id !== 'string' || typeof print !== 'string') return;
    await this.memento.update(StorageKey.SuspectConfirmedPrefix + id, print);
    this.refreshAll();
  }
}

/** The suspect diagnostics of the checklist's current review, with their quick fix. */
export function registerSuspectDiagnostics(
  model: ChecklistModel,
  store: NeedsStore,
  memento: vscode.Memento,
): vscode.Disposable {
  return new SuspectDiagnostics(model, store, memento);
}
