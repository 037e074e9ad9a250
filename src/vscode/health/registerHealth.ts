/**
 * Wires the "Needs Health" view: its TreeView, a refresh button, and
 * refreshes when the needs or the code change (coalesced: the workspace index
 * fires on every saved file).
 */
import * as vscode from 'vscode';
import type { Host } from '../host';
import { Command, View } from '../ids';
import { Delayer, DisposableStore } from '../lifecycle';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';
import { folderHealth } from './healthReport';
import { HealthTreeProvider } from './healthTree';

/** Saves and needs-file edits come in bursts: one refresh after the last. */
const CHANGE_DELAY_MS = 1000;

/** The registered view; disposing it ends every registration. */
export class HealthView extends DisposableStore {
  constructor(readonly provider: HealthTreeProvider) {
    super();
  }
}

export function registerHealth(store: NeedsStore, index: WorkspaceIndex, host: Host): HealthView {
  const provider = new HealthTreeProvider(() => folderHealth(store, index, host));
  const view = vscode.window.createTreeView(View.Health, { treeDataProvider: provider });
  const changes = new Delayer();
  const registered = new HealthView(provider);
  registered.addAll(
    provider,
    view,
    vscode.commands.registerCommand(Command.RefreshHealth, () => provider.refresh()),
    index.onDidChange(() => changes.trigger(() => provider.refresh(), CHANGE_DELAY_MS)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => provider.refresh()),
    changes,
  );
  return registered;
}
