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
import type { OutsideInApi } from './extension';
import { registerFeatures } from './features';
import { ContextKey } from './ids';
import { webHost } from './webHost';

/** What the desktop offers, less the agents (no MCP server without Node). */
export type OutsideInWebApi = Omit<OutsideInApi, 'agents'>;

export function activate(context: vscode.ExtensionContext): OutsideInWebApi {
  const { config, store, checklist, views } = registerFeatures(context, webHost());
  context.subscriptions.push(registerLanguageModelTools(store, config));
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
