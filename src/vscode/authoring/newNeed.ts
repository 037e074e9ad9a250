/**
 * "Outside-In: New Need from Selection": proposes a need from the selected
 * code (title and keywords from its identifiers, the file as its path), lets
 * the user confirm or edit the title and the id, appends it to the needs file
 * that counts for the file and opens that file at the new entry.
 */
import * as vscode from 'vscode';
import { addNeedInsertion } from '../../core/addNeed';
import { kebabId, newIdProblem, proposeNeed, uniqueId } from '../../core/needProposal';
import type { NeedsStore } from '../needsStore';
import {
  editNeedsFile,
  governingNeedsFile,
  sayNoNeedsFile,
  stringArg,
  trustedOrSay,
} from './needsEdit';

/**
 * Runs the command on the active editor. `answers` (`{ title, id }`) fills
 * the input boxes, for a keybinding or a test; a missing answer is asked.
 * Resolves to the needs file's URI once the need was added.
 */
export async function newNeedFromSelection(
  store: NeedsStore,
  answers?: unknown,
): Promise<vscode.Uri | undefined> {
  if (!trustedOrSay()) return undefined;
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showInformationMessage(
      'Select the code the new need is about in an editor first.',
    );
    return undefined;
  }
  await store.ready();
  const target = governingNeedsFile(store, editor.document.uri);
  if (target === undefined) {
    await sayNoNeedsFile(editor.document.uri);
    return undefined;
  }
  const taken = takenIds(store, target.needsFile);
  const proposal = proposeNeed(selectedText(editor), target.local, taken);
  const title =
    stringArg(answers, 'title') ??
    (await vscode.window.showInputBox({
      title: 'New Need from Selection (1/2): title',
      prompt: 'What the customer needs, in one line from their side.',
      value: proposal.title,
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() === '' ? 'A need needs a title.' : undefined),
    }));
  if (title === undefined || title.trim() === '') return undefined;
  const suggested = title === proposal.title ? proposal.id : uniqueId(kebabId(title), taken);
  const id =
    stringArg(answers, 'id') ??
    (await vscode.window.showInputBox({
      title: 'New Need from Selection (2/2): id',
      prompt: 'How code names the need (`@need id`): kebab-case, unique in the needs file.',
      value: suggested,
      ignoreFocusOut: true,
      validateInput: (v) => newIdProblem(v, taken),
    }));
  if (id === undefined) return undefined;
  const problem = newIdProblem(id, taken);
  if (problem !== undefined) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  const need = { id, title: title.trim(), paths: proposal.paths, keywords: proposal.keywords };
  const shown = await editNeedsFile(target.needsFile, (text) => addNeedInsertion(text, need));
  return shown && target.needsFile;
}

/** The selection's text, or the word at the cursor when nothing is selected. */
function selectedText(editor: vscode.TextEditor): string {
  const { document, selection } = editor;
  if (!selection.isEmpty) return document.getText(selection);
  const word = document.getWordRangeAtPosition(selection.active);
  return word ? document.getText(word) : '';
}

/** Every id the needs file defines, readable or not: a new need must not collide. */
function takenIds(store: NeedsStore, needsFile: vscode.Uri): Set<string> {
  const loaded = store.needsFileAt(needsFile);
  const ids = new Set<string>();
  for (const file of [loaded?.result.file, loaded?.file]) {
    for (const need of file?.needs ?? []) ids.add(need.id);
    for (const id of file?.invalidIds?.keys() ?? []) ids.add(id);
  }
  return ids;
}
