/**
 * Owns the loaded needs files of the workspace: finds them under their default
 * names, reads them through `vscode.workspace.fs` (so virtual workspaces work),
 * loads them with the core into one NeedsSet per workspace folder (the same
 * model the CLI uses), reloads on change and fires `onDidChange`.
 */
import * as vscode from 'vscode';
import { loadNeedsText } from '../core/load';
import { buildIndex } from '../core/match';
import type { LoadResult, Need, NeedsFile } from '../core/model';
import type { Scope } from '../core/needsSet';
import { NeedsSet, scopeDir } from '../core/needsSet';

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

const NEEDS_GLOB = '**/{customer-needs,.customer-needs}.{yaml,yml}';
const NEVER_SCANNED = '**/{node_modules,dist,out,.git}/**';

export interface LoadedNeedsFile {
  readonly uri: vscode.Uri;
  readonly result: LoadResult;
}

export class NeedsStore implements vscode.Disposable {
  private files: readonly LoadedNeedsFile[] = [];
  /** One set per workspace folder (by folder URI): the core answers "which need is this". */
  private sets = new Map<string, NeedsSet>();
  private loading: Promise<void>;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires after the needs files were (re)loaded. */
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(NEEDS_GLOB);
    const reload = (): void => void this.reload();
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
    );
    this.loading = this.loadAll();
  }

  /** Resolves once the latest (re)load has finished. */
  async ready(): Promise<void> {
    let current: Promise<void>;
    do {
      current = this.loading;
      await current;
    } while (current !== this.loading);
  }

  reload(): Promise<void> {
    this.loading = this.loading.then(() => this.loadAll());
    return this.loading;
  }

  get loaded(): readonly LoadedNeedsFile[] {
    return this.files;
  }

  /** The needs of the workspace folder holding `uri`, and `uri`'s path relative to that folder. */
  setFor(
    uri: vscode.Uri,
  ): { set: NeedsSet; folder: vscode.WorkspaceFolder; path: string } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const set = folder && this.sets.get(folder.uri.toString());
    return folder && set && { set, folder, path: relativePath(folder, uri) };
  }

  /** Each workspace folder with its needs (folders without needs files have an empty set). */
  folderSets(): { folder: vscode.WorkspaceFolder; set: NeedsSet }[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => {
      const set = this.sets.get(folder.uri.toString());
      return set ? [{ folder, set }] : [];
    });
  }

  /** The need `id` as seen from `uri`: defined by the nearest needs file that knows it. */
  findNeed(uri: vscode.Uri, id: string): { need: Need; file: NeedsFile } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder === undefined) return undefined;
    const found = this.sets.get(folder.uri.toString())?.findNeed(id, relativePath(folder, uri));
    return found && { need: found.need, file: found.scope.index.file };
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async loadAll(): Promise<void> {
    const files: LoadedNeedsFile[] = [];
    const sets = new Map<string, NeedsSet>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const scopes: Scope[] = [];
      for (const uri of await findNeedsFiles(folder)) {
        const result = await readAndLoad(uri);
        if (result === undefined) continue;
        files.push({ uri, result });
        const needsFile = relativePath(folder, uri);
        if (result.file !== undefined) {
          scopes.push({ needsFile, dir: scopeDir(needsFile), index: buildIndex(result.file) });
        }
      }
      sets.set(folder.uri.toString(), new NeedsSet(preferredPerDir(scopes)));
    }
    this.files = files;
    this.sets = sets;
    this.changed.fire();
  }
}

/** Several default names in one folder: the first in DEFAULT_NEEDS_FILES' order wins. */
function preferredPerDir(scopes: Scope[]): Scope[] {
  const rank = (s: Scope): number => {
    const name = s.dir === '' ? s.needsFile : s.needsFile.slice(s.dir.length + 1);
    return DEFAULT_NEEDS_FILES.indexOf(name);
  };
  const best = new Map<string, Scope>();
  for (const s of scopes) {
    const current = best.get(s.dir);
    if (current === undefined || rank(s) < rank(current)) best.set(s.dir, s);
  }
  return [...best.values()];
}

async function findNeedsFiles(folder: vscode.WorkspaceFolder): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  // The default names at the folder's root are looked up directly: file search
  // is not available on every (virtual) file system.
  for (const name of DEFAULT_NEEDS_FILES) {
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

function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

async function readAndLoad(uri: vscode.Uri): Promise<LoadResult | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    return loadNeedsText(new TextDecoder('utf-8').decode(bytes));
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
