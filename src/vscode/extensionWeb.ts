/**
 * The extension's entry point in the browser (vscode.dev, github.dev: a web
 * worker extension host, no Node). The same features as on the desktop, wired
 * to the browser's Host: files through `vscode.workspace.fs`, no git. Left out
 * because they need Node: the MCP server (a Node process) and the checklist's
 * language-model tool (it runs git); the Review Checklist view explains that it
 * has no change to review here and what to do instead.
 */
import * as vscode from 'vscode';
import { registerLanguageModelTools } from './agents/languageModelTools';
import { registerAuthoring } from './authoring/registerAuthoring';
import { registerChecklist } from './checklist/commands';
import { registerCommands } from './commands';
import { Config } from './config';
import { registerEditor } from './editor/registerEditor';
import type { OutsideInApi } from './extension';
import { ContextKey } from './ids';
import { NeedsStore } from './needsStore';
import { registerViews } from './views';
import { webHost } from './webHost';
import { WorkspaceIndex } from './workspaceIndex';

/** What the desktop offers, less the agents (no MCP server without Node). */
export type OutsideInWebApi = Omit<OutsideInApi, 'agents'>;

export function activate(context: vscode.ExtensionContext): OutsideInWebApi {
  const host = webHost();
  const config = new Config();
  const store = new NeedsStore(config);
  const index = new WorkspaceIndex(store, config, host);
  const checklist = registerChecklist(store, config, context.workspaceState, host.review);
  const views = registerViews(store, index, config, context.workspaceState, host);
  context.subscriptions.push(
    config,
    store,
    index,
    registerEditor(store, config, index),
    registerCommands(store),
    registerAuthoring(store),
    registerLanguageModelTools(store, config),
    checklist,
    views,
  );
  void vscode.commands.executeCommand('setContext', ContextKey.NoGit, true);
  return {
    onDidChangeNeeds: store.onDidChange,
    ready: () => store.ready(),
    views,
    checklist,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
