/**
 * The authoring commands (create a needs file, new need, link, evidence) and
 * the "Link to Need..." code action.
 */
import * as vscode from 'vscode';
import type { NeedsStore } from '../needsStore';
import { Command } from '../ids';
import { registerCreateNeedsFile } from './createNeedsFile';
import { LinkToNeedAction, linkToNeed } from './linkToNeed';
import { newNeedFromSelection } from './newNeed';
import { recordEvidence } from './recordEvidence';

export function registerAuthoring(store: NeedsStore): vscode.Disposable {
  return vscode.Disposable.from(
    registerCreateNeedsFile(store),
    vscode.commands.registerCommand(Command.NewNeedFromSelection, (answers?: unknown) =>
      newNeedFromSelection(store, answers),
    ),
    vscode.commands.registerCommand(Command.LinkToNeed, (arg?: unknown) => linkToNeed(store, arg)),
    vscode.commands.registerCommand(Command.RecordEvidence, (arg?: unknown) =>
      recordEvidence(store, arg),
    ),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new LinkToNeedAction(store), {
      providedCodeActionKinds: [LinkToNeedAction.kind],
    }),
  );
}
