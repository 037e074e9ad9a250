/**
 * The editor views in one registration: the "Customer Needs" tree, the
 * "Needs Health" view, the status bar count, and "Create a needs file"
 * behind the welcome view.
 */
import type * as vscode from 'vscode';
import type { Config } from './config';
import { registerCreateNeedsFile } from './createNeedsFile';
import type { HealthTreeProvider } from './health/healthTree';
import type { Host } from './host';
import { registerHealth } from './health/registerHealth';
import type { NeedsStore } from './needsStore';
import { NeedsStatusBar } from './statusBar';
import type { NeedsTreeProvider } from './tree/needsTree';
import { registerNeedsTree } from './tree/registerTree';
import type { WorkspaceIndex } from './workspaceIndex';

/** What the views expose to tests and other extensions. */
export interface ViewsApi {
  /** The "Customer Needs" tree's data, as the view asks for it. */
  readonly needsTree: NeedsTreeProvider;
  /** The "Needs Health" view's data: coverage, needs without code, busy code. */
  readonly health: HealthTreeProvider;
  readonly statusBar: {
    /** The status bar item's text while shown, else undefined. */
    readonly text: string | undefined;
    readonly onDidUpdate: vscode.Event<void>;
  };
}

export function registerViews(
  store: NeedsStore,
  index: WorkspaceIndex,
  config: Config,
  context: vscode.ExtensionContext,
  host: Host,
): { api: ViewsApi; disposable: vscode.Disposable } {
  const tree = registerNeedsTree(store, index, config, context.workspaceState);
  const health = registerHealth(store, index, host);
  const statusBar = new NeedsStatusBar(store, config);
  const created = registerCreateNeedsFile(store);
  return {
    api: { needsTree: tree.provider, health: health.provider, statusBar },
    disposable: {
      dispose: () =>
        [tree.disposable, health.disposable, statusBar, created].forEach((d) => d.dispose()),
    },
  };
}
