/**
 * The extension's entry point on the desktop (Node extension host): builds the
 * store and wires the features to it. The browser's is extensionWeb.ts.
 */
import * as vscode from 'vscode';
import type { AgentsApi } from './agents/registerAgents';
import { registerAgents } from './agents/registerAgents';
import type { ChecklistApi } from './checklist/commands';
import { registerFeatures } from './features';
import { nodeHost } from './nodeHost';
import type { ViewsApi } from './views';

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
  const version = (context.extension.packageJSON as { version?: string }).version ?? '';
  const host = nodeHost(context.storageUri ?? context.globalStorageUri, version);
  const { config, store, checklist, views } = registerFeatures(context, host);
  // What the extension could not offer this editor, and why: Output > Outside-In.
  const log = vscode.window.createOutputChannel('Outside-In', { log: true });
  context.subscriptions.push(log);
  // The agents' checklist tool reads the checklist.
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
