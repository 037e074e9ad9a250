/** What coding agents get from the editor: language-model tools and the MCP server. */
import * as vscode from 'vscode';
import type { ChecklistApi } from '../checklist/commands';
import type { Config } from '../config';
import type { NeedsStore } from '../needsStore';
import { registerChecklistTool } from './checklistTool';
import { registerLanguageModelTools } from './languageModelTools';
import type { McpServerLaunch } from './mcpServerProvider';
import { mcpServerLaunches, registerMcpServerProvider } from './mcpServerProvider';

export interface AgentsApi {
  /** The MCP servers the extension offers VS Code for this workspace, as VS Code would run them. */
  mcpServers(): McpServerLaunch[];
}

export function registerAgents(
  store: NeedsStore,
  config: Config,
  context: vscode.ExtensionContext,
  checklist: ChecklistApi,
): { disposable: vscode.Disposable; api: AgentsApi } {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  return {
    disposable: vscode.Disposable.from(
      registerLanguageModelTools(store, config),
      registerChecklistTool(checklist, config),
      registerMcpServerProvider(context.extensionUri, version),
    ),
    api: { mcpServers: () => mcpServerLaunches(context.extensionUri) },
  };
}
