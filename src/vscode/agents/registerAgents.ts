/** What coding agents get from the editor: language-model tools and the MCP server. */
import type * as vscode from 'vscode';
import type { ChecklistApi } from '../checklist/commands';
import type { Config } from '../config';
import { DisposableStore } from '../lifecycle';
import type { NeedsStore } from '../needsStore';
import { registerChecklistTool } from './checklistTool';
import { registerLanguageModelTools } from './languageModelTools';
import type { McpServerLaunch } from './mcpServerProvider';
import { mcpServerLaunches, registerMcpServerProvider } from './mcpServerProvider';

export interface AgentsApi {
  /** The MCP servers the extension offers VS Code for this workspace, as VS Code would run them. */
  mcpServers(): McpServerLaunch[];
}

/** The registered tools and server provider; disposing them ends every registration. */
export class Agents extends DisposableStore implements AgentsApi {
  constructor(private readonly extensionUri: vscode.Uri) {
    super();
  }

  mcpServers(): McpServerLaunch[] {
    return mcpServerLaunches(this.extensionUri);
  }
}

export function registerAgents(
  store: NeedsStore,
  config: Config,
  context: vscode.ExtensionContext,
  checklist: ChecklistApi,
): Agents {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  const agents = new Agents(context.extensionUri);
  agents.addAll(
    registerLanguageModelTools(store, config),
    registerChecklistTool(checklist, config),
    registerMcpServerProvider(context.extensionUri, version),
  );
  return agents;
}
