/**
 * Owns the loaded needs files of the workspace: finds them under their default
 * names, reads them through `vscode.workspace.fs` (so virtual workspaces work),
 * loads them with the core, reloads on change and fires `onDidChange`.
 */
import * as vscode from 'vscode';
import { loadNeedsText } from '../core/load';
import type { LoadResult, Need, NeedsFile } from '../core/model';

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
  /** The folder the file applies to (with everything below it). */
  readonly scope: vscode.Uri;
  readonly result: LoadResult;
}

export class NeedsStore implements vscode.Disposable {
  private files: readonly LoadedNeedsFile[] = [];
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
    const previous = this.loading;
    this.loading = previous.then(() => this.loadAll());
    return this.loading;
  }

  get loaded(): readonly LoadedNeedsFile[] {
    return this.files;
  }

  /** The needs file that applies to `uri`: the one of the nearest enclosing scope. */
  needsFileFor(uri: vscode.Uri): NeedsFile | undefined {
    let best: LoadedNeedsFile | undefined;
    for (const f of this.files) {
      if (f.result.file === undefined || !contains(f.scope, uri)) continue;
      if (best === undefined || f.scope.path.length > best.scope.path.length) best = f;
    }
    return best?.result.file;
  }

  findNeed(uri: vscode.Uri, id: string): Need | undefined {
    return this.needsFileFor(uri)?.needs.find((n) => n.id === id);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  private async loadAll(): Promise<void> {
    const candidates = await findCandidates();
    const byScope = new Map<string, { uri: vscode.Uri; scope: vscode.Uri; rank: number }>();
    for (const uri of candidates) {
      const placed = scopeOf(uri);
      if (placed === undefined) continue;
      const key = placed.scope.toString();
      const existing = byScope.get(key);
      if (existing === undefined || placed.rank < existing.rank)
        byScope.set(key, { uri, ...placed });
    }
    const loaded = await Promise.all(
      [...byScope.values()].map(async ({ uri, scope }) => ({
        uri,
        scope,
        result: await readAndLoad(uri),
      })),
    );
    this.files = loaded.filter((f): f is LoadedNeedsFile => f.result !== undefined);
    this.changed.fire();
  }
}

async function findCandidates(): Promise<vscode.Uri[]> {
  const found = new Map<string, vscode.Uri>();
  // The default names at each folder's root are looked up directly: file search
  // is not available on every (virtual) file system.
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    for (const name of DEFAULT_NEEDS_FILES) {
      const uri = vscode.Uri.joinPath(folder.uri, name);
      if (await exists(uri)) found.set(uri.toString(), uri);
    }
  }
  try {
    for (const uri of await vscode.workspace.findFiles(NEEDS_GLOB, NEVER_SCANNED)) {
      found.set(uri.toString(), uri);
    }
  } catch {
    // No search provider for this file system: the root files are enough.
  }
  return [...found.values()];
}

function scopeOf(uri: vscode.Uri): { scope: vscode.Uri; rank: number } | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (folder === undefined) return undefined;
  const relative = uri.path.slice(folder.uri.path.replace(/\/$/, '').length + 1);
  const segments = relative.split('/');
  const name = segments.slice(-2).join('/');
  const nested = DEFAULT_NEEDS_FILES.indexOf(name);
  // `.github/` and `docs/` hold the needs of the folder above them.
  if (nested >= 0 && name.includes('/')) {
    return { scope: vscode.Uri.joinPath(uri, '..', '..'), rank: nested };
  }
  const rank = DEFAULT_NEEDS_FILES.indexOf(segments[segments.length - 1] ?? '');
  return rank < 0 ? undefined : { scope: vscode.Uri.joinPath(uri, '..'), rank };
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

function contains(folder: vscode.Uri, uri: vscode.Uri): boolean {
  if (folder.scheme !== uri.scheme || folder.authority !== uri.authority) return false;
  const prefix = folder.path.endsWith('/') ? folder.path : `${folder.path}/`;
  return uri.path.startsWith(prefix);
}
