/** The authoring commands (new need, link, evidence) and the "Link to Need..." code action. */
import * as vscode from 'vscode';
import type { NeedsStore } from '../needsStore';
import { LINK_TO_NEED, LinkToNeedAction, linkToNeed } from './linkToNeed';
import { newNeedFromSelection } from './newNeed';
import { RECORD_EVIDENCE, recordEvidence } from './recordEvidence';

export const NEW_NEED_FROM_SELECTION = 'outside-in.newNeedFromSelection';

export function registerAuthoring(store: NeedsStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(NEW_NEED_FROM_SELECTION, (answers?: unknown) =>
      newNeedFromSelection(store, answers),
    ),
    vscode.commands.registerCommand(LINK_TO_NEED, (arg?: unknown) => linkToNeed(store, arg)),
    vscode.commands.registerCommand(RECORD_EVIDENCE, (arg?: unknown) => recordEvidence(store, arg)),
    vscode.languages.registerCodeActionsProvider({ scheme: '*' }, new LinkToNeedAction(store), {
      providedCodeActionKinds: [LinkToNeedAction.kind],
    }),
  );
}
