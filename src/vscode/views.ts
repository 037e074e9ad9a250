/**
 * The views in one registration: the "Customer Needs" tree, the "Needs
 * Health" view and the status bar count, exposed together to tests and other
 * extensions.
 */
import type * as vscode from 'vscode';
import type { Config } from './config';
import { NeedsStatusBar } from './editor/statusBar';
import type { HealthTreeProvider } from './health/healthTree';
import type { Host } from './host';
import { registerHealth } from './health/registerHealth';
import { DisposableStore } from './lifecycle';
import type { NeedsStore } from './needsStore';
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

/** The registered views; disposing them ends every registration. */
export class Views extends DisposableStore implements ViewsApi {
  constructor(
    readonly needsTree: NeedsTreeProvider,
    readonly health: HealthTreeProvider,
    readonly statusBar: NeedsStatusBar,
  ) {
    super();
  }
}

export function registerViews(
  store: NeedsStore,
  index: WorkspaceIndex,
  config: Config,
  state: vscode.Memento,
  host: Host,
): Views {
  const tree = registerNeedsTree(store, index, config, state);
  const health = registerHealth(store, index, host);
  const statusBar = new NeedsStatusBar(store, config);
  const views = new Views(tree.provider, health.provider, statusBar);
  views.addAll(tree, health, statusBar);
  return views;
}
