/**
 * The extension's entry point on the desktop (Node extension host): builds the
 * store and wires the features to it. The browser's is extensionWeb.ts.
 */
import type * as vscode from 'vscode';
import type { AgentsApi } from './agents/registerAgents';
import { registerAgents } from './agents/registerAgents';
import { registerAuthoring } from './authoring/registerAuthoring';
import type { ChecklistApi } from './checklist/commands';
import { registerChecklist } from './checklist/commands';
import { registerCommands } from './commands';
import { Config } from './config';
import { registerEditorFeatures } from './editorFeatures';
import { NeedsStore } from './needsStore';
import { nodeHost } from './nodeHost';
import type { ViewsApi } from './views';
import { registerViews } from './views';
import { WorkspaceIndex } from './workspaceIndex';

/** What other extensions (and our integration tests) can use. */
export interface OutsideInApi {
  /** Fires after the needs files were (re)loaded. */
  readonly onDidChangeNeeds: vscode.Event<void>;
  /** Resolves once the latest load of the needs files has finished. */
  ready(): Promise<void>;
  /** The sidebar tree and the status bar, as the user sees them. */
  readonly views: ViewsApi;
  /** The reviewer's checklist: what it shows and its ticks. */
  readonly checklist: ChecklistApi;
  /** What coding agents are offered: the MCP servers. */
  readonly agents: AgentsApi;
}

export function activate(context: vscode.ExtensionContext): OutsideInApi {
  const config = new Config();
  const host = nodeHost();
  const store = new NeedsStore(config);
  const index = new WorkspaceIndex(store, config, host);
  context.subscriptions.push(config, store, index);
  context.subscriptions.push(
    registerEditorFeatures(store, config, index),
    registerCommands(store),
    registerAuthoring(store),
  );
  const checklist = registerChecklist(store, config, context.workspaceState, host.review);
  context.subscriptions.push(checklist);
  const views = registerViews(store, index, config, context, host);
  context.subscriptions.push(views.disposable);
  const agents = registerAgents(store, config, context, checklist.api);
  context.subscriptions.push(agents.disposable);
  return {
    onDidChangeNeeds: store.onDidChange,
    views: views.api,
    ready: () => store.ready(),
    checklist: checklist.api,
    agents: agents.api,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
