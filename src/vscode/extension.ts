/**
 * The extension's entry point on the desktop (Node extension host): builds the
 * store and wires the features to it. The browser's is extensionWeb.ts.
 */
import * as vscode from 'vscode';
import type { AgentsApi } from './agents/registerAgents';
import { registerAgents } from './agents/registerAgents';
import { registerAuthoring } from './authoring/registerAuthoring';
import type { ChecklistApi } from './checklist/commands';
import { registerChecklist } from './checklist/commands';
import { registerCommands } from './commands';
import { Config } from './config';
import { registerEditor } from './editor/registerEditor';
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
  const version = (context.extension.packageJSON as { version?: string }).version ?? '';
  const host = nodeHost(context.storageUri ?? context.globalStorageUri, version);
  const store = new NeedsStore(config);
  const index = new WorkspaceIndex(store, config, host);
  context.subscriptions.push(
    config,
    store,
    index,
    registerEditor(store, config, index),
    registerCommands(store),
    registerAuthoring(store),
  );
  // Each is pushed as soon as it exists, so a later failure leaks none of them.
  // The checklist is built first: the agents' checklist tool reads it.
  const checklist = registerChecklist(store, config, context.workspaceState, host.review);
  context.subscriptions.push(checklist);
  const views = registerViews(store, index, config, context.workspaceState, host);
  context.subscriptions.push(views);
  // What the extension could not offer this editor, and why: Output > Outside-In.
  const log = vscode.window.createOutputChannel('Outside-In', { log: true });
  context.subscriptions.push(log);
  const agents = registerAgents(store, config, context, checklist, log);
  context.subscriptions.push(agents);
  return {
    onDidChangeNeeds: store.onDidChange,
    ready: () => store.ready(),
    views,
    checklist,
    agents,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
