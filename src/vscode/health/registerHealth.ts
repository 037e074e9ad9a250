/**
 * Wires the "Needs Health" view: its TreeView, a refresh button, and
 * refreshes when the needs or the code change (coalesced: the workspace index
 * fires on every saved file).
 */
import * as vscode from 'vscode';
import type { Host } from '../host';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';
import { folderHealth } from './healthReport';
import { HealthTreeProvider } from './healthTree';

export const HEALTH_VIEW = 'outside-in.health';
export const REFRESH_HEALTH = 'outside-in.health.refresh';

/** Saves and needs-file edits come in bursts: one refresh after the last. */
const CHANGE_DELAY_MS = 1000;

export function registerHealth(
  store: NeedsStore,
  index: WorkspaceIndex,
  host: Host,
): { provider: HealthTreeProvider; disposable: vscode.Disposable } {
  const provider = new HealthTreeProvider(() => folderHealth(store, index, host));
  const view = vscode.window.createTreeView(HEALTH_VIEW, { treeDataProvider: provider });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const later = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => provider.refresh(), CHANGE_DELAY_MS);
  };
  return {
    provider,
    disposable: vscode.Disposable.from(
      provider,
      view,
      vscode.commands.registerCommand(REFRESH_HEALTH, () => provider.refresh()),
      index.onDidChange(later),
      vscode.workspace.onDidGrantWorkspaceTrust(() => provider.refresh()),
      { dispose: () => clearTimeout(timer) },
    ),
  };
}
