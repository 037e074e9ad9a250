/** Every command of the extension, by id, with its handler. */
import * as vscode from 'vscode';
import type { NeedsStore } from './needsStore';

export enum Command {
  ReloadNeeds = 'outside-in.reloadNeeds',
  /** The reviewer's checklist for the change under review (palette, Source Control title bar). */
  ReviewChecklist = 'outside-in.reviewChecklist',
  RefreshChecklist = 'outside-in.checklist.refresh',
  CopyChecklistMarkdown = 'outside-in.checklist.copyMarkdown',
  OpenChecklistMarkdown = 'outside-in.checklist.openMarkdown',
  ResetChecklist = 'outside-in.checklist.reset',
  /** Internal: (Because); opens the line a checklist reason points at. */
  OpenChecklistReason = 'outside-in.checklist.openBecause',
}

export function registerCommands(store: NeedsStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.ReloadNeeds, () => store.reload()),
  );
}
