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
import type { Host, SourceText } from './host';
import { DisposableStore } from './lifecycle';
import { relativePath } from './needsFileAccess';
import type { NeedsStore } from './needsStore';
import { inOurCache } from './needsStore';
import { timeSlices } from '../core/timeSlices';

export interface FileLinks {
  readonly uri: vscode.Uri;
  readonly links: readonly ScopedLink[];
}

/** One workspace folder's part of the index, by paths relative to the folder. */
export interface FolderLinks {
  readonly uri: vscode.Uri;
  /** The files with links: a URI is made only for the ones a question asks about. */
  readonly files: ReadonlyMap<string, readonly ScopedLink[]>;
  /** Every file the scan walked: the ones .gitignore lets in. */
  readonly walked: ReadonlySet<string>;
}

export interface WorkspaceLinks {
  /** By the folder's URI string; folders without needs or not walked have no entry. */
  readonly folders: ReadonlyMap<string, FolderLinks>;
  /** Files not read (binary, too large, unreadable): said, never hidden. */
  readonly skipped: number;
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
      // The command line writing its cache changes no answer: no rebuild for it.
      watcher.onDidChange((uri) => inOurCache(uri) || this.fileChanged(uri, invalidate)),
      watcher.onDidDelete((uri) => inOurCache(uri) || this.fileChanged(uri, invalidate)),
      // A new file may be ignored by .gitignore: only a walk can tell.
      watcher.onDidCreate((uri) => inOurCache(uri) || invalidate()),
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
    const named = (l: ScopedLink): boolean =>
      l.needId === needId && (!found || l.needsFile === found.path);
    const out: FileLinks[] = [];
    const slices = timeSlices();
    // What ran before in this turn (the end of a build) is not counted: start afresh.
    await slices.turn();
    for (const folder of all.folders.values()) {
      for (const [rel, links] of folder.files) {
        if (slices.due()) await slices.turn();
        // Most files do not name the need: no array for them.
        if (links.some(named))
          out.push({ uri: vscode.Uri.joinPath(folder.uri, rel), links: links.filter(named) });
      }
    }
    return out;
  }

  /**
   * Re-reads one walked file into the index (or drops it when gone), in every
   * folder that walked it: nested workspace folders may both hold it.
   */
  private fileChanged(uri: vscode.Uri, invalidate: () => void): void {
    const current = this.current;
    if (current === undefined) return; // nothing built yet: the first links() reads it anyway
    const next = current.then(async (all) => {
      // A needs file is the store's to reload.
      if (isNeedsFileName(uri.path)) return all;
      let read: SourceText | undefined;
      let folders: Map<string, FolderLinks> | undefined;
      for (const { folder: workspaceFolder, set } of this.store.folderSets()) {
        const key = workspaceFolder.uri.toString();
        const folder = all.folders.get(key);
        const inside =
          uri.scheme === workspaceFolder.uri.scheme &&
          uri.authority === workspaceFolder.uri.authority;
        const rel = inside ? relativePath(workspaceFolder, uri) : '';
        // Ignored, excluded or outside: never scanned.
        if (folder === undefined || !folder.walked.has(rel)) continue;
        read ??= await this.host.readSource(uri);
        const links = 'text' in read ? set.fileLinks(rel, read.text) : [];
        const files = new Map(folder.files);
        files.delete(rel);
        if (links.length > 0) files.set(rel, links);
        (folders ??= new Map(all.folders)).set(key, { ...folder, files });
      }
      return folders === undefined ? all : { ...all, folders };
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
          const folders = new Map<string, FolderLinks>();
          const slices = timeSlices();
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
            await slices.turn(); // the scan's last slice ended this turn
            const files = new Map<string, readonly ScopedLink[]>();
            for (const f of result.files) {
              if (slices.due()) await slices.turn();
              if (f.links.length > 0) files.set(f.path, f.links);
            }
            const walked = new Set<string>();
            for (const p of result.paths) {
              if (slices.due()) await slices.turn();
              walked.add(p);
            }
            folders.set(folder.uri.toString(), { uri: folder.uri, files, walked });
          }
          return { folders, skipped };
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
