/** What the authoring suite's tests share: opening fixture files, a line diff, undo. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { workspaceUri } from '../helpers';

export async function openEditor(
  relativePath: string,
  selection?: vscode.Range,
): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(
    workspaceUri(...relativePath.split('/')),
  );
  return vscode.window.showTextDocument(document, { selection, preview: false });
}

export async function textOf(relativePath: string): Promise<string> {
  const document = await vscode.workspace.openTextDocument(
    workspaceUri(...relativePath.split('/')),
  );
  return document.getText();
}

/** The unit tests' line diff: one rule for what an edit changed. */
export { lineDiff } from '../../unit/helpers/textDiff';

/**
 * Undoes once in `relativePath`'s editor (made active first) and checks the
 * text is `before` again: the command's edit was a single undo step.
 */
export async function undoRestores(relativePath: string, before: string): Promise<void> {
  const editor = await openEditor(relativePath);
  await vscode.commands.executeCommand('undo');
  assert.equal(editor.document.getText(), before);
  // Back to the text on disk without saving: a save runs other extensions' save participants.
  if (editor.document.isDirty)
    await vscode.commands.executeCommand('workbench.action.files.revert');
}
