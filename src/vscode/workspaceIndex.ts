/**
 * Every link between code and needs across the workspace, for the views that
 * need the whole picture (sidebar, find references, counts in the needs file).
 * Built lazily on first use, with progress, by the same scan the CLI runs
 * (`.gitignore` honoured, binary and huge files skipped), and dropped when the
 * needs or the code change. Never built in `activate`.
 */
import * as vscode from 'vscode';
import type { ScopedLink } from '../core/needsSet';
import { scanTree } from '../node/scan';
import type { Config } from './config';
import type { NeedsStore } from './needsStore';

export interface FileLinks {
  readonly uri: vscode.Uri;
  readonly links: readonly ScopedLink[];
}

export interface WorkspaceLinks {
  readonly files: readonly FileLinks[];
  /** Files not read (binary, too large, unreadable): said, never hidden. */
  readonly skipped: number;
}

export class WorkspaceIndex implements vscode.Disposable {
  private current: Promise<WorkspaceLinks> | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Fires when the index is out of date; the next `links()` rebuilds it. */
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  constructor(
    private readonly store: NeedsStore,
    private readonly config: Config,
  ) {
    const invalidate = (): void => {
      this.current = undefined;
      this.changed.fire();
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      store.onDidChange(invalidate),
      config.onDidChange(invalidate),
      watcher,
      watcher.onDidChange(invalidate),
      watcher.onDidCreate(invalidate),
      watcher.onDidDelete(invalidate),
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
          let skipped = 0;
          for (const { folder, set } of this.store.folderSets()) {
            // Only local folders can be walked with .gitignore rules; others have no links here.
            if (folder.uri.scheme !== 'file' || set.scopes.length === 0) continue;
            const result = await scanTree(folder.uri.fsPath, set, {
              excludes: this.config.settings.excludes,
            });
            skipped += result.skipped.binary + result.skipped.large + result.skipped.unreadable;
            for (const f of result.files) {
              if (f.links.length > 0)
                files.push({ uri: vscode.Uri.joinPath(folder.uri, f.path), links: f.links });
            }
          }
          return { files, skipped };
        },
      ),
    ).catch((e: unknown) => {
      this.current = undefined;
      throw e;
    });
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}
