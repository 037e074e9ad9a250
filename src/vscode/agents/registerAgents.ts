/** What coding agents get from the editor: language-model tools and the MCP server. */
import * as vscode from 'vscode';
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
  /**
   * What this editor was offered: an editor older than an API (VS Code 1.100
   * has no MCP server definition providers) gets the rest, and a log line.
   */
  readonly offered: { readonly languageModelTools: boolean; readonly mcpServerProvider: boolean };
}

/** The registered tools and server provider; disposing them ends every registration. */
export class Agents extends DisposableStore implements AgentsApi {
  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly offered: AgentsApi['offered'],
  ) {
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
  log: vscode.LogOutputChannel,
): Agents {
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '');
  // VS Code for the web and some editors built on VS Code have no vscode.lm.registerTool.
  const languageModelTools = typeof vscode.lm?.registerTool === 'function';
  if (!languageModelTools)
    log.info(
      `VS Code ${vscode.version} has no language-model tools: the chat tools are not offered.`,
    );
  const mcp = registerMcpServerProvider(context.extensionUri, version, log);
  const agents = new Agents(context.extensionUri, {
    languageModelTools,
    mcpServerProvider: mcp !== undefined,
  });
  agents.addAll(
    registerLanguageModelTools(store, config),
    registerChecklistTool(checklist, config),
    ...(mcp === undefined ? [] : [mcp]),
  );
  return agents;
}
