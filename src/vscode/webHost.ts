/**
 * The browser's Host (vscode.dev, github.dev): no Node, no git process. The
 * workspace is walked and read through `vscode.workspace.fs`, so any file
 * system the editor has (a GitHub repository, a local folder the browser was
 * given) works, with the command line's rules: `.gitignore` files honoured,
 * the usual build folders never entered, symbolic links not followed, binary
 * and very large files skipped. There is no git history and no diff: Needs
 * Health says so, and the checklist explains what to do instead.
 */
import * as vscode from 'vscode';
import { DEFAULT_EXCLUDES } from '../core/excludes';
import type { IgnoreScope } from '../core/gitignore';
import { ignoreScope, isIgnored } from '../core/gitignore';
import { isNeedsFileName } from '../core/needsFileChoice';
import type { NeedsSet, ScopedLink } from '../core/needsSet';
import { NoDiffReview } from './checklist/noDiff';
import type { FolderScan, Host, SourceText } from './host';

/** The command line's limit (src/node/walk.ts): bigger files are data, not code a need speaks about. */
const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Files read at once: a remote file system answers slowly, one at a time is slower. */
const CONCURRENCY = 8;

export function webHost(): Host {
  return {
    scanFolder: scanFolder,
    readSource: readSource,
    history: (_folder, days) =>
      Promise.resolve({ available: false, days, reason: 'git cannot run in the browser' }),
    review: new NoDiffReview(),
  };
}

async function scanFolder(
  folder: vscode.Uri,
  set: NeedsSet,
  excludes: readonly string[],
): Promise<FolderScan> {
  const paths = (await walk(folder, excludes)).filter((p) => set.excludedBy(p) === undefined);
  const sources = paths.filter((p) => !isNeedsFileName(p) && set.scopesFor(p).length > 0);
  const files: { path: string; links: readonly ScopedLink[] }[] = [];
  let skipped = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      const rel = sources[next++] as string;
      const outcome = await readSource(vscode.Uri.joinPath(folder, ...rel.split('/')));
      // Unread files still relate by path, as in the command line's scan.
      const links = 'text' in outcome ? set.fileLinks(rel, outcome.text) : set.pathLinks(rel);
      if ('skipped' in outcome) skipped++;
      if (links.length > 0) files.push({ path: rel, links });
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, sources.length) }, worker));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { paths, files, skipped };
}

/** Every file under `root` the command line's walk reaches, as sorted `/`-separated relative paths. */
async function walk(root: vscode.Uri, excludes: readonly string[]): Promise<string[]> {
  const excluded = new Set([...DEFAULT_EXCLUDES, ...excludes]);
  const out: string[] = [];
  const visit = async (dir: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    const uri = dir === '' ? root : vscode.Uri.joinPath(root, ...dir.split('/'));
    let entries: [string, vscode.FileType][];
    try {
      entries = await vscode.workspace.fs.readDirectory(uri);
    } catch {
      return; // vanished or unreadable while we walked: nothing to scan there
    }
    // Each read is a round trip to a remote host: only when the listing has one.
    const local = entries.some(([name]) => name === '.gitignore')
      ? await readText(vscode.Uri.joinPath(uri, '.gitignore'))
      : undefined;
    const here = local === undefined ? scopes : [...scopes, ignoreScope(dir, local)];
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, type] of entries) {
      // Symbolic links are not followed, as on the command line: no loops.
      if ((type & vscode.FileType.SymbolicLink) !== 0) continue;
      const rel = dir === '' ? name : `${dir}/${name}`;
      if (type === vscode.FileType.Directory) {
        if (excluded.has(name) || isIgnored(here, rel, true)) continue;
        await visit(rel, here);
      } else if (type === vscode.FileType.File && !isIgnored(here, rel, false)) {
        out.push(rel);
      }
    }
  };
  await visit('', []);
  return out;
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}

async function readSource(uri: vscode.Uri): Promise<SourceText> {
  try {
    if ((await vscode.workspace.fs.stat(uri)).size > MAX_FILE_BYTES) return { skipped: 'large' };
    const bytes = await vscode.workspace.fs.readFile(uri);
    // A NUL byte in the first 8 KB is git's own test for binary content.
    if (bytes.subarray(0, 8192).includes(0)) return { skipped: 'binary' };
    return { text: new TextDecoder().decode(bytes) };
  } catch {
    return { skipped: 'unreadable' };
  }
}
