/**
 * Finding and reading needs files through `vscode.workspace` (so virtual
 * workspaces work): the search for the default names with the core's rules,
 * and the text of each, from the editor when it is open.
 */
import * as vscode from 'vscode';
import type { DecodedText } from '../core/decode';
import { decodeNeedsBytes } from '../core/decode';
import { foldersAbove, isReached } from '../core/gitignore';
import {
  NEEDS_FILE_GLOB,
  NEEDS_FILE_PREFERENCE,
  NEVER_SCANNED_GLOB,
} from '../core/needsFileChoice';

export function needsFileUri(folder: vscode.WorkspaceFolder, relative: string): vscode.Uri {
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

/** The needs files of a workspace folder. */
export interface FoundNeedsFiles {
  /** Files with a default name that the command line's walk reaches too, relative to the folder. */
  readonly defaults: readonly string[];
  /** The files named in the `outsideIn.needsFiles` setting that exist. */
  readonly extra: readonly vscode.Uri[];
}

/**
 * Finds the needs files of `folder` as the command line does (the core's
 * names, never-scanned folders and `.gitignore` rules), through
 * `vscode.workspace` so that virtual workspaces work; which of them count is
 * the core's `chooseNeedsFiles`, not decided here.
 */
export async function findNeedsFiles(
  folder: vscode.WorkspaceFolder,
  extra: readonly string[],
): Promise<FoundNeedsFiles> {
  const candidates = new Set<string>();
  // The default names at the folder's root are looked up directly: file search
  // is not available on every (virtual) file system.
  for (const name of NEEDS_FILE_PREFERENCE) {
    if ((await typeOf(needsFileUri(folder, name))) === vscode.FileType.File) candidates.add(name);
  }
  try {
    const pattern = new vscode.RelativePattern(folder, NEEDS_FILE_GLOB);
    for (const uri of await vscode.workspace.findFiles(pattern, NEVER_SCANNED_GLOB)) {
      candidates.add(relativePath(folder, uri));
    }
  } catch {
    // No search provider for this file system: the root files are enough.
  }
  const walk = new WalkRules(folder);
  const defaults: string[] = [];
  for (const rel of [...candidates].sort()) if (await walk.reaches(rel)) defaults.push(rel);
  const named: vscode.Uri[] = [];
  for (const name of extra) {
    const uri = vscode.Uri.joinPath(folder.uri, name);
    if ((await typeOf(uri)) !== undefined) named.push(uri);
  }
  return { defaults, extra: named };
}

/**
 * What the command line's walk would skip, asked of the few files the search
 * found: a symbolic link on the way (the search follows them, the walk does
 * not), a never-scanned folder, or a `.gitignore` rule. Each folder is read
 * once per search.
 */
class WalkRules {
  private readonly folders = new Map<string, Promise<{ link: boolean; gitignore?: string }>>();

  constructor(private readonly folder: vscode.WorkspaceFolder) {}

  async reaches(rel: string): Promise<boolean> {
    if ((await typeOf(needsFileUri(this.folder, rel))) !== vscode.FileType.File) return false;
    const gitignores = new Map<string, string>();
    for (const dir of foldersAbove(rel)) {
      const { link, gitignore } = await this.read(dir);
      if (link) return false;
      if (gitignore !== undefined) gitignores.set(dir, gitignore);
    }
    return isReached(rel, gitignores);
  }

  private read(dir: string): Promise<{ link: boolean; gitignore?: string }> {
    let found = this.folders.get(dir);
    if (found === undefined) {
      const uri = dir === '' ? this.folder.uri : needsFileUri(this.folder, dir);
      found = (async () => {
        const type = dir === '' ? vscode.FileType.Directory : await typeOf(uri);
        const link = type === undefined || (type & vscode.FileType.SymbolicLink) !== 0;
        const bytes = await Promise.resolve(
          vscode.workspace.fs.readFile(vscode.Uri.joinPath(uri, '.gitignore')),
        ).catch(() => undefined);
        return { link, gitignore: bytes && new TextDecoder().decode(bytes) };
      })();
      this.folders.set(dir, found);
    }
    return found;
  }
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

/** The type of what stands at `uri`, undefined when nothing does. */
async function typeOf(uri: vscode.Uri): Promise<vscode.FileType | undefined> {
  try {
    return (await vscode.workspace.fs.stat(uri)).type;
  } catch {
    return undefined;
  }
}
