/** Every command of the extension, by id, with its handler. */
import * as vscode from 'vscode';
import type { NeedsStore } from './needsStore';

export enum Command {
  ReloadNeeds = 'outside-in.reloadNeeds',
}

export function registerCommands(store: NeedsStore): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(Command.ReloadNeeds, () => store.reload()),
  );
}
