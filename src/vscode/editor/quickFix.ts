/**
 * Quick fixes for `@need` with an unknown id: the closest known ids, and
 * adding the id as a new (assumed) need to the nearest needs file as one
 * undoable edit that keeps the file's comments.
 */
import * as vscode from 'vscode';
import { needStubInsertion } from '../../core/needStub';
import { closestIds } from '../../core/similar';
import { UNKNOWN_NEED } from '../../core/annotationProblems';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import type { NeedsStore } from '../needsStore';
import { needsFileUri } from '../needsFileAccess';

export class UnknownNeedQuickFix implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly store: NeedsStore) {}

  async provideCodeActions(
    document: vscode.TextDocument,
    _range: vscode.Range,
    context: vscode.CodeActionContext,
  ): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter(
      (d) => d.source === DIAGNOSTIC_SOURCE && d.code === UNKNOWN_NEED,
    );
    if (ours.length === 0) return [];
    await this.store.ready();
    const found = this.store.setFor(document.uri);
    if (found === undefined) return [];
    const scopes = found.set.scopesFor(found.path);
    const known = new Set<string>();
    for (const { scope } of scopes) {
      for (const n of scope.index.file.needs) if (n.status !== 'retired') known.add(n.id);
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const id = document.getText(diagnostic.range);
      closestIds(id, known).forEach((candidate, i) => {
        const action = new vscode.CodeAction(
          `Change to "${candidate}"`,
          vscode.CodeActionKind.QuickFix,
        );
        action.edit = new vscode.WorkspaceEdit();
        action.edit.replace(document.uri, diagnostic.range, candidate);
        action.diagnostics = [diagnostic];
        action.isPreferred = i === 0;
        actions.push(action);
      });
      const nearest = scopes[0]?.scope;
      if (nearest === undefined) continue;
      const target = needsFileUri(found.folder, nearest.needsFile);
      const needsDoc = await vscode.workspace.openTextDocument(target);
      const insertion = needStubInsertion(needsDoc.getText(), id);
      if (insertion === undefined) continue;
      const action = new vscode.CodeAction(
        `Add need "${id}" to ${nearest.needsFile}`,
        vscode.CodeActionKind.QuickFix,
      );
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(target, needsDoc.positionAt(insertion.offset), insertion.text);
      action.diagnostics = [diagnostic];
      actions.push(action);
    }
    return actions;
  }
}

export function registerQuickFix(store: NeedsStore): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider(
    { scheme: '*' },
    new UnknownNeedQuickFix(store),
    { providedCodeActionKinds: UnknownNeedQuickFix.kinds },
  );
}
