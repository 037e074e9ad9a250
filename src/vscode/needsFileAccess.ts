/**
 * Finding and reading needs files through `vscode.workspace.fs` (so virtual
 * workspaces work): the default names, the search for nested ones, and the
 * text of each, from the editor when it is open.
 */
import * as vscode from 'vscode';
import type { DecodedText } from '../core/decode';
import { decodeNeedsBytes } from '../core/decode';

/** Default names, in order of preference, relative to the folder they apply to. */
export const DEFAULT_NEEDS_FILES = [
  'customer-needs.yaml',
  'customer-needs.yml',
  '.customer-needs.yaml',
  '.customer-needs.yml',
  '.github/customer-needs.yaml',
  '.github/customer-needs.yml',
  'docs/customer-needs.yaml',
  'docs/customer-needs.yml',
];

export const NEEDS_GLOB = '**/{customer-needs,.customer-needs}.{yaml,yml}';
const NEVER_SCANNED = '**/{node_modules,dist,out,.git}/**';

export function needsFileUri(folder: vscode.WorkspaceFolder, relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function findNeedsFiles(
  folder: vscode.WorkspaceFolder,
  extra: readonly string[],
): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  // The default names at the folder's root are looked up directly: file search
  // is not available on every (virtual) file system.
  for (const name of [...DEFAULT_NEEDS_FILES, ...extra]) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    if (await exists(uri)) found.set(uri.toString(), uri);
  }
  try {
    const pattern = new vscode.RelativePattern(folder, NEEDS_GLOB);
    for (const uri of await vscode.workspace.findFiles(pattern, NEVER_SCANNED)) {
      found.set(uri.toString(), uri);
    }
  } catch {
    // No search provider for this file system: the root files are enough.
  }
  return [...found.values()];
}

export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

/** The editor's text when the file is open (unsaved edits count), else the text on disk. */
export async function readText(uri: vscode.Uri): Promise<DecodedText | undefined> {
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  // VS Code has already decoded an open file, by the encoding it chose: there
  // are no bytes left to check, so an open file has no `invalid-utf8` problem.
  if (open !== undefined && !open.isClosed) return { text: open.getText(), problems: [] };
  try {
    return decodeNeedsBytes(await vscode.workspace.fs.readFile(uri));
  } catch {
    // Deleted between finding and reading it: the watcher reloads again.
    return undefined;
  }
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
