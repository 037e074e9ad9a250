/**
 * What the authoring commands share: the trust check, the needs file that
 * counts for a file, and applying a core insertion as one WorkspaceEdit (one
 * undo step) before showing the new text selected.
 */
import * as vscode from 'vscode';
import type { EditResult } from '../../core/yamlEdit';
import { Command } from '../ids';
import type { NeedsStore } from '../needsStore';
import { needsFileUri } from '../needsFileAccess';

/**
 * Editing is for trusted workspaces only, as the manifest's `when` clauses
 * say; a command run by id (a keybinding, another extension) is held to it too.
 */
export function trustedOrSay(): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showInformationMessage(
    'Outside-In edits needs files only in a trusted workspace. Trust this workspace to add needs, links and evidence.',
  );
  return false;
}

/** The needs file that counts for `uri` (the nearest), with `uri`'s path relative to the folder it speaks for. */
export function governingNeedsFile(
  store: NeedsStore,
  uri: vscode.Uri,
): { needsFile: vscode.Uri; local: string } | undefined {
  const found = store.setFor(uri);
  const nearest = found?.set.scopesFor(found.path)[0];
  if (found === undefined || nearest === undefined) return undefined;
  return { needsFile: needsFileUri(found.folder, nearest.scope.needsFile), local: nearest.local };
}

/** Says that no needs file speaks for the file, offering to create one. */
export async function sayNoNeedsFile(uri: vscode.Uri): Promise<void> {
  const create = 'Create a Needs File';
  const picked = await vscode.window.showWarningMessage(
    `No needs file speaks for ${vscode.workspace.asRelativePath(uri, true)}.`,
    create,
  );
  if (picked === create) await vscode.commands.executeCommand(Command.CreateNeedsFile);
}

/**
 * Computes the edit from the needs file's current text (unsaved edits
 * included), applies it as one WorkspaceEdit and opens the file with the new
 * entry selected. Resolves to the editor, or undefined when nothing changed.
 */
export async function editNeedsFile(
  uri: vscode.Uri,
  edit: (text: string) => EditResult,
): Promise<vscode.TextEditor | undefined> {
  const document = await vscode.workspace.openTextDocument(uri);
  const result = edit(document.getText());
  if (!result.ok) {
    void vscode.window.showErrorMessage(
      `${vscode.workspace.asRelativePath(uri, true)}: ${result.message}`,
    );
    return undefined;
  }
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.insert(uri, document.positionAt(result.insertion.offset), result.insertion.text);
  if (!(await vscode.workspace.applyEdit(workspaceEdit))) {
    void vscode.window.showErrorMessage(
      `Could not edit ${vscode.workspace.asRelativePath(uri, true)}; nothing changed.`,
    );
    return undefined;
  }
  const selection = new vscode.Range(
    document.positionAt(result.focus.start),
    document.positionAt(result.focus.end),
  );
  const editor = await vscode.window.showTextDocument(document, { selection, preview: false });
  editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return editor;
}

/** A URI given as a command argument (a Uri, or its string form). */
export function asUri(value: unknown): vscode.Uri | undefined {
  if (value instanceof vscode.Uri) return value;
  if (typeof value === 'string' && value.includes(':')) return vscode.Uri.parse(value, true);
  return undefined;
}

/** A string field of a command's argument object, when it is one. */
export function stringArg(arg: unknown, key: string): string | undefined {
  if (typeof arg !== 'object' || arg === null) return undefined;
  const value = (arg as Record<string, unknown>)[key];
  return typeof value === 'string' ? value : undefined;
}
