/**
 * Owns the loaded needs files of the workspace: finds them under their default
 * names, reads them through `vscode.workspace.fs` (so virtual workspaces work),
 * loads them with the core into one NeedsSet per workspace folder (the same
 * model the CLI uses), reloads on change (and on every pause in typing in an
 * open needs file, so unsaved edits count) and fires `onDidChange`.
 */
import * as vscode from 'vscode';
import { loadNeedsText } from '../core/load';
import { inCacheDir, isExcluded } from '../core/excludes';
import { withIdsOf } from '../core/knownIds';
import { buildIndex } from '../core/match';
import type { LoadResult, Need, NeedsFile, Problem } from '../core/model';
import { NEEDS_FILE_GLOB, chooseNeedsFiles, shadowedProblem } from '../core/needsFileChoice';
import type { Config, Settings } from './config';
import { Delayer, DisposableStore, KeyedDelayer } from './lifecycle';
import { findNeedsFiles, needsFileUri, readText, relativePath } from './needsFileAccess';
import type { Scope } from '../core/scopes';
import { NeedsSet } from '../core/needsSet';
import { byScopeDepth, needsFileExcludedBy, scopeDir } from '../core/scopes';

/**
 * A needs file as the editor holds it: by URI, with its latest load and the
 * version that answers questions. (The command line's `LoadedNeedsFile`, in
 * node/needsFiles.ts, is a file as read from disk, by root-relative path.)
 */
export interface EditorNeedsFile {
  readonly uri: vscode.Uri;
  /** The latest load, of the editor's unsaved text when the file is open: its problems are current. */
  readonly result: LoadResult;
  /**
   * The version that answers questions: the latest when it loaded without an
   * error, otherwise the last one that did (so a half-typed edit does not make
   * every hover vanish), otherwise whatever the latest load could read.
   */
  readonly file?: NeedsFile;
}

interface Entry extends EditorNeedsFile {
  readonly folder: vscode.WorkspaceFolder;
}

/** A needs file that does not count (another speaks for its folder), with the warning that says so. */
export interface ShadowedNeedsFile {
  readonly uri: vscode.Uri;
  readonly problem: Problem;
}

/** Typing in a needs file reloads it this long after the last keystroke. */
const TYPING_DELAY_MS = 150;
/** New folders reload the needs this long after the last one appeared. */
const FOLDER_DELAY_MS = 300;

export class NeedsStore implements vscode.Disposable {
  private entries = new Map<string, Entry>();
  /**
   * Entries inside a folder that a needs file above them excludes: read (the
   * rule depends on the others), but neither shown, checked nor used.
   */
  private excluded = new Set<string>();
  private shadowedFiles: readonly ShadowedNeedsFile[] = [];
  /** The last error-free NeedsFile of each needs file, by URI. */
  private readonly lastGood = new Map<string, NeedsFile>();
  /** One set per workspace folder (by folder URI): the core answers "which need is this". */
  private sets = new Map<string, NeedsSet>();
  private loading: Promise<void>;
  private readonly typing = new KeyedDelayer<string>();
  private readonly folderCreations = new Delayer();
  private extraWatchers = new DisposableStore();
  private settingsKey: string;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly disposables = new DisposableStore();

  /** Fires after the needs files were (re)loaded. */
  readonly onDidChange: vscode.Event<void> = this.changed.event;

  constructor(private readonly config: Config) {
    const watcher = vscode.workspace.createFileSystemWatcher(NEEDS_FILE_GLOB);
    // A `.gitignore` decides which needs files are found, as it does for the CLI.
    const gitignores = vscode.workspace.createFileSystemWatcher('**/.gitignore');
    // A folder deleted or created (moved, checked out) is reported as the
    // folder alone, never as the needs files inside it.
    const folders = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    const reload = (): void => void this.reload();
    this.settingsKey = loadSettingsKey(config.settings);
    this.disposables.addAll(
      this.changed,
      watcher,
      watcher.onDidCreate(reload),
      watcher.onDidChange(reload),
      watcher.onDidDelete(reload),
      gitignores,
      // The command line's cache folder has its own `.gitignore`, which hides nothing else.
      gitignores.onDidCreate((uri) => inOurCache(uri) || reload()),
      gitignores.onDidChange((uri) => inOurCache(uri) || reload()),
      gitignores.onDidDelete((uri) => inOurCache(uri) || reload()),
      folders,
      folders.onDidDelete((uri) => this.holdsLoaded(uri) && reload()),
      folders.onDidCreate((uri) => void this.folderCreated(uri)),
      vscode.workspace.onDidChangeWorkspaceFolders(reload),
      vscode.workspace.onDidChangeTextDocument((e) => this.typed(e.document.uri)),
      // Closing an unsaved needs file drops its edits: back to the text on disk.
      vscode.workspace.onDidCloseTextDocument((d) => this.typed(d.uri)),
      config.onDidChange((settings) => {
        const key = loadSettingsKey(settings);
        if (key === this.settingsKey) return;
        this.settingsKey = key;
        this.watchExtraFiles();
        reload();
      }),
    );
    this.watchExtraFiles();
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

  /** The needs files that count: read, and not excluded by a needs file above them. */
  get loaded(): readonly EditorNeedsFile[] {
    return [...this.entries.entries()].filter(([k]) => !this.excluded.has(k)).map(([, e]) => e);
  }

  /** The needs files found but not read: another one speaks for the same folder and comes first. */
  get shadowed(): readonly ShadowedNeedsFile[] {
    return this.shadowedFiles;
  }

  /** The needs file at `uri`, when it is one the store loaded and it counts. */
  needsFileAt(uri: vscode.Uri): EditorNeedsFile | undefined {
    const key = uri.toString();
    return this.excluded.has(key) ? undefined : this.entries.get(key);
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
  findNeed(
    uri: vscode.Uri,
    id: string,
  ): { need: Need; file: NeedsFile; needsFileUri: vscode.Uri } | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (folder === undefined) return undefined;
    const found = this.sets.get(folder.uri.toString())?.findNeed(id, relativePath(folder, uri));
    return (
      found && {
        need: found.need,
        file: found.scope.index.file,
        needsFileUri: needsFileUri(folder, found.scope.needsFile),
      }
    );
  }

  dispose(): void {
    this.folderCreations.dispose();
    this.typing.dispose();
    this.extraWatchers.dispose();
    this.disposables.dispose();
  }

  /** Whether `uri` is a folder holding a loaded needs file. */
  private holdsLoaded(uri: vscode.Uri): boolean {
    const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
    return [...this.entries.values()].some(
      (e) => e.uri.scheme === uri.scheme && e.uri.path.startsWith(prefix),
    );
  }

  /**
   * A new folder may hold needs files: reload once the burst of creations
   * (a checkout, an unpacked archive) is over. Build output never holds any.
   */
  private async folderCreated(uri: vscode.Uri): Promise<void> {
    if (inOurCache(uri)) return; // the command line's cache: never a needs file there
    // The folders findNeedsFiles never searches, relative to the workspace
    // folder: one named `out` above the workspace does not count.
    if (isExcluded(`${vscode.workspace.asRelativePath(uri, false)}/`)) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
    if (stat?.type !== vscode.FileType.Directory) return;
    this.folderCreations.trigger(() => void this.reload(), FOLDER_DELAY_MS);
  }

  /** An edit (or a close) of an open needs file: reload just that file once typing pauses. */
  private typed(uri: vscode.Uri): void {
    const key = uri.toString();
    if (!this.entries.has(key)) return;
    this.typing.trigger(
      key,
      () => {
        this.loading = this.loading.then(() => this.loadOne(key));
      },
      TYPING_DELAY_MS,
    );
  }

  /** The extra files named in the settings are not under the default names' watcher. */
  private watchExtraFiles(): void {
    this.extraWatchers.dispose();
    this.extraWatchers = new DisposableStore();
    const names = this.config.settings.needsFiles;
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      for (const name of names) {
        const w = vscode.workspace.createFileSystemWatcher(
          new vscode.RelativePattern(folder, name),
        );
        const reload = (): void => void this.reload();
        this.extraWatchers.addAll(
          w,
          w.onDidCreate(reload),
          w.onDidChange(reload),
          w.onDidDelete(reload),
        );
      }
    }
  }

  private async loadAll(): Promise<void> {
    const entries = new Map<string, Entry>();
    const shadowed: ShadowedNeedsFile[] = [];
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const found = await findNeedsFiles(folder, this.config.settings.needsFiles);
      // A file named in the settings is the user's choice: it always counts.
      const named = new Set(found.extra.map((u) => u.toString()));
      const defaults = found.defaults.filter(
        (rel) => !named.has(needsFileUri(folder, rel).toString()),
      );
      // The same rule as the command line's: one needs file per folder.
      const choice = chooseNeedsFiles(defaults);
      for (const s of choice.shadowed)
        shadowed.push({ uri: needsFileUri(folder, s.path), problem: shadowedProblem(s) });
      for (const uri of [
        ...choice.counted.map((rel) => needsFileUri(folder, rel)),
        ...found.extra,
      ]) {
        const entry = await this.load(uri, folder);
        if (entry !== undefined) entries.set(uri.toString(), entry);
      }
    }
    for (const key of this.lastGood.keys()) if (!entries.has(key)) this.lastGood.delete(key);
    this.entries = entries;
    this.shadowedFiles = shadowed;
    this.rebuild();
  }

  private async loadOne(key: string): Promise<void> {
    const old = this.entries.get(key);
    if (old === undefined) return;
    const entry = await this.load(old.uri, old.folder);
    if (entry === undefined) this.entries.delete(key);
    else this.entries.set(key, entry);
    this.rebuild();
  }

  private async load(uri: vscode.Uri, folder: vscode.WorkspaceFolder): Promise<Entry | undefined> {
    const read = await readText(uri);
    if (read === undefined) return undefined;
    const loaded = loadNeedsText(read.text, { staleDays: this.config.settings.staleDays });
    const result =
      read.problems.length === 0
        ? loaded
        : { ...loaded, problems: [...read.problems, ...loaded.problems] };
    const key = uri.toString();
    const broken = result.problems.some((p) => p.severity === 'error');
    if (result.file !== undefined && !broken) this.lastGood.set(key, result.file);
    const last = broken ? this.lastGood.get(key) : undefined;
    // The last good version answers, but every id the latest text defines is known.
    const file = last ? withIdsOf(last, result.file) : result.file;
    return { uri, folder, result, file };
  }

  private rebuild(): void {
    const sets = new Map<string, NeedsSet>();
    const excluded = new Set<string>();
    // Files named in the settings speak for the whole folder, wherever they are.
    const extra = new Set(this.config.settings.needsFiles.map((f) => f.replace(/^\.?\//, '')));
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      const scopes: Scope[] = [];
      const extraScopes: Scope[] = [];
      const mine = [...this.entries.values()]
        .filter((e) => e.folder.uri.toString() === folder.uri.toString())
        .map((entry) => {
          const needsFile = relativePath(folder, entry.uri);
          return { entry, needsFile, dir: extra.has(needsFile) ? '' : scopeDir(needsFile) };
        });
      // Nearest the root first: whether a needs file counts depends on those
      // above it. One named in the settings speaks for the root: never excluded.
      for (const { entry, needsFile, dir } of byScopeDepth(mine, (c) => c.dir)) {
        const above = [...extraScopes, ...scopes];
        if (needsFileExcludedBy(above, needsFile, dir)) {
          excluded.add(entry.uri.toString());
          continue;
        }
        if (entry.file === undefined) continue;
        const scope = { needsFile, dir, index: buildIndex(entry.file) };
        (extra.has(needsFile) ? extraScopes : scopes).push(scope);
      }
      sets.set(folder.uri.toString(), new NeedsSet([...scopes, ...extraScopes]));
    }
    this.sets = sets;
    this.excluded = excluded;
    this.changed.fire();
  }
}

/** The settings that change what is loaded; others (hover, CodeLens) need no reload. */
function loadSettingsKey(settings: Settings): string {
  return JSON.stringify([settings.needsFiles, settings.staleDays]);
}

/** Whether `uri` is under the command line's cache folder in its workspace folder: no answer changes there. */
export function inOurCache(uri: vscode.Uri): boolean {
  return inCacheDir(vscode.workspace.asRelativePath(uri, false));
}
