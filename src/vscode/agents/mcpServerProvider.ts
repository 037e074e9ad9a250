/**
 * Offers `outside-in mcp` to VS Code's chat without configuration: one stdio
 * server per trusted workspace folder, run with the editor's own Node.js and
 * the CLI bundled in the extension. The API is stable from VS Code 1.101; our
 * engine is 1.100, so it is found at run time and typed here, narrowly.
 */
import * as vscode from 'vscode';
import { editorVersionAtLeast, MCP_PROVIDER_MIN_VERSION } from '../../core/editorVersion';
import { MCP_PROVIDER_ID } from '../ids';

/** What a stdio server definition holds: what VS Code runs, and what our tests run. */
export interface McpServerLaunch {
  readonly label: string;
  readonly command: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
  readonly cwd: vscode.Uri;
}

interface McpApi {
  registerMcpServerDefinitionProvider(
    id: string,
    provider: {
      readonly onDidChangeMcpServerDefinitions?: vscode.Event<void>;
      provideMcpServerDefinitions(): unknown[];
    },
  ): vscode.Disposable;
}

type StdioDefinitionClass = new (
  label: string,
  command: string,
  args?: string[],
  env?: Record<string, string>,
  version?: string,
) => { cwd?: vscode.Uri };

/** The servers for the workspace as it is: none while it is untrusted (the server runs git). */
export function mcpServerLaunches(extensionUri: vscode.Uri): McpServerLaunch[] {
  if (!vscode.workspace.isTrusted) return [];
  const cli = vscode.Uri.joinPath(extensionUri, 'dist', 'cli.js').fsPath;
  const folders = vscode.workspace.workspaceFolders ?? [];
  return folders
    .filter((f) => f.uri.scheme === 'file')
    .map((folder) => ({
      label: folders.length > 1 ? `Outside-In: ${folder.name}` : 'Outside-In',
      // In desktop VS Code this is Electron: ELECTRON_RUN_AS_NODE makes it plain Node.
      command: process.execPath,
      args: [cli, 'mcp', '--root', folder.uri.fsPath],
      env: { ELECTRON_RUN_AS_NODE: '1' },
      cwd: folder.uri,
    }));
}

/**
 * Registers the provider where the editor has the API, else logs why not and
 * returns undefined: there the README's mcp.json does it. VS Code 1.100 has a
 * proposed function of the same name that throws for our manifest, so its
 * presence alone is not enough; and a failure here must never stop activation.
 */
export function registerMcpServerProvider(
  extensionUri: vscode.Uri,
  version: string,
  log: vscode.LogOutputChannel,
): vscode.Disposable | undefined {
  const lm = vscode.lm as unknown as Partial<McpApi> | undefined;
  const Definition = (vscode as unknown as { McpStdioServerDefinition?: StdioDefinitionClass })
    .McpStdioServerDefinition;
  const unavailable = `VS Code ${vscode.version} cannot be offered the MCP server (that needs VS Code ${MCP_PROVIDER_MIN_VERSION} or newer): add \`outside-in mcp\` to .vscode/mcp.json instead, as the README shows.`;
  if (
    !editorVersionAtLeast(vscode.version, MCP_PROVIDER_MIN_VERSION) ||
    typeof lm?.registerMcpServerDefinitionProvider !== 'function' ||
    Definition === undefined
  ) {
    log.info(unavailable);
    return undefined;
  }
  const changed = new vscode.EventEmitter<void>();
  let provider: vscode.Disposable;
  try {
    provider = lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
      onDidChangeMcpServerDefinitions: changed.event,
      provideMcpServerDefinitions: () =>
        mcpServerLaunches(extensionUri).map((s) => {
          const definition = new Definition(s.label, s.command, [...s.args], { ...s.env }, version);
          definition.cwd = s.cwd;
          return definition;
        }),
    });
  } catch (e) {
    changed.dispose();
    log.warn(`${unavailable} ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  return vscode.Disposable.from(
    changed,
    provider,
    vscode.workspace.onDidGrantWorkspaceTrust(() => changed.fire()),
    vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()),
  );
}
