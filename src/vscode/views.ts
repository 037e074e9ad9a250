/**
 * The editor views in one registration: the "Customer Needs" tree, the
 * status bar count, and "Create a needs file" behind the welcome view.
 */
import type * as vscode from 'vscode';
import type { Config } from './config';
import { registerCreateNeedsFile } from './createNeedsFile';
import type { NeedsStore } from './needsStore';
import { NeedsStatusBar } from './statusBar';
import type { NeedsTreeProvider } from './tree/needsTree';
import { registerNeedsTree } from './tree/registerTree';
import type { WorkspaceIndex } from './workspaceIndex';

/** What the views expose to tests and other extensions. */
export interface ViewsApi {
  /** The "Customer Needs" tree's data, as the view asks for it. */
  readonly needsTree: NeedsTreeProvider;
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
): { api: ViewsApi; disposable: vscode.Disposable } {
  const tree = registerNeedsTree(store, index, config, context.workspaceState);
  const statusBar = new NeedsStatusBar(store, config);
  const created = registerCreateNeedsFile(store);
  return {
    api: { needsTree: tree.provider, statusBar },
    disposable: {
      dispose: () => [tree.disposable, statusBar, created].forEach((d) => d.dispose()),
    },
  };
}
