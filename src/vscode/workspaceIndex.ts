/**
 * Every link between code and needs across the workspace, for the views that
 * need the whole picture (sidebar, find references, counts in the needs file).
 * Built lazily on first use, with progress, by the host's scan (on the
 * desktop the one the CLI runs; `.gitignore` honoured, binary and huge files
 * skipped). A change of the needs or settings drops it; a saved or deleted
 * file updates only its own entry, so an open sidebar does not rescan the
 * workspace on every save. Never built in `activate`.
 */
import * as vscode from 'vscode';
import type { ScopedLink } from '../core/needsSet';
import { isNeedsFileName } from '../core/needsFileChoice';
import type { Config } from './config';
import type { Host } from './host';
import { DisposableStore } from './lifecycle';
import type { NeedsStore } from './needsStore';

export interface FileLinks {
  readonly uri: vscode.Uri;
  readonly links: readonly ScopedLink[];
}

export interface WorkspaceLinks {
  readonly files: readonly FileLinks[];
  /** Files not read (binary, too large, unreadable): said, never hidden. */
  readonly skipped: number;
  /** Every file the scan walked (URI strings): the ones .gitignore lets in. */
  readonly walked: ReadonlySet<string>;
}

export class WorkspaceIndex implements vscode.Disposable {
  private current: Promise<WorkspaceLinks> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables = new DisposableStore();
  /** Fires when the index is out of date; the next `links()` rebuilds it. */
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  constructor(
    private readonly store: NeedsStore,
    private readonly config: Config,
    private readonly host: Host,
  ) {
    const invalidate = (): void => {
      this.current = undefined;
      this.changed.fire();
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.addAll(
      this.changed,
      store.onDidChange(invalidate),
      config.onDidChange(invalidate),
      watcher,
      watcher.onDidChange((uri) => this.fileChanged(uri, invalidate)),
      watcher.onDidDelete((uri) => this.fileChanged(uri, invalidate)),
      // A new file may be ignored by .gitignore: only a walk can tell.
      watcher.onDidCreate(invalidate),
    );
  }

  /** The links of the whole workspace, scanning once with a progress notification. */
  links(): Promise<WorkspaceLinks> {
    this.current ??= this.scan();
    return this.current;
  }

  /** The links that name `needId` (as defined by `needsFile`, relative to its folder). */
  async linksOf(needId: string, needsFileUri: vscode.Uri): Promise<FileLinks[]> {
    const found = this.store.setFor(needsFileUri);
    const all = await this.links();
    return all.files
      .map((f) => ({
        uri: f.uri,
        links: f.links.filter((l) => l.needId === needId && (!found || l.needsFile === found.path)),
      }))
      .filter((f) => f.links.length > 0);
  }

  /** Re-reads one walked file into the index (or drops it when gone); anything else rebuilds. */
  private fileChanged(uri: vscode.Uri, invalidate: () => void): void {
    const current = this.current;
    if (current === undefined) return; // nothing built yet: the first links() reads it anyway
    const next = current.then(async (all) => {
      const key = uri.toString();
      // Ignored, excluded or outside: never scanned. A needs file is the store's to reload.
      if (!all.walked.has(key) || isNeedsFileName(uri.path)) return all;
      const found = this.store.setFor(uri);
      const outcome = await this.host.readSource(uri);
      const links = found && 'text' in outcome ? found.set.fileLinks(found.path, outcome.text) : [];
      const others = all.files.filter((f) => f.uri.toString() !== key);
      const files = links.length > 0 ? [...others, { uri, links }] : others;
      return { ...all, files };
    });
    this.current = next;
    next.then(
      () => this.changed.fire(),
      () => invalidate(),
    );
  }

  private scan(): Promise<WorkspaceLinks> {
    return Promise.resolve(
      vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Window,
          title: 'Outside-In: relating code to customer needs',
        },
        async () => {
          await this.store.ready();
          const files: FileLinks[] = [];
          const walked = new Set<string>();
          let skipped = 0;
          for (const { folder, set } of this.store.folderSets()) {
            if (set.scopes.length === 0) continue;
            const result = await this.host.scanFolder(
              folder.uri,
              set,
              this.config.settings.excludes,
            );
            if (result === undefined) continue; // a folder this host cannot walk has no links here
            skipped += result.skipped;
            for (const p of result.paths) walked.add(vscode.Uri.joinPath(folder.uri, p).toString());
            for (const f of result.files) {
              if (f.links.length > 0)
                files.push({ uri: vscode.Uri.joinPath(folder.uri, f.path), links: f.links });
            }
          }
          return { files, skipped, walked };
        },
      ),
    ).catch((e: unknown) => {
      this.current = undefined;
      throw e;
    });
  }

  dispose(): void {
    this.disposables.dispose();
  }
}
