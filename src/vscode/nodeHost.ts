/**
 * The desktop's Host: the command line's own scan and git code, so the
 * editor and `outside-in` never disagree. Only the Node entry (extension.ts)
 * imports this file.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { RecentCommitsCache } from '../node/hotspots';
import { scanTree } from '../node/scan';
import { ScanCache, buildStamp } from '../node/scanCache';
import { setDigest } from '../node/setDigest';
import { WalkCache } from '../node/walkCache';
import { DEFAULT_MAX_FILE_BYTES, readSourceFile } from '../node/walk';
import { ReviewGit } from './checklist/git';
import type { FolderScan, Host, SourceText } from './host';
import type { NeedsSet } from '../core/needsSet';

/**
 * `storage` is the extension's own folder for this workspace, where each
 * folder's scan cache lives (never in the user's tree); none, no cache.
 * `version` keys the caches: another build may match differently.
 */
export function nodeHost(storage: vscode.Uri | undefined, version: string): Host {
  const histories = new RecentCommitsCache();
  return {
    scanFolder: async (folder, set, excludes) =>
      scanLocal(
        folder,
        set,
        excludes,
        storage?.scheme === 'file' ? storage.fsPath : undefined,
        version,
      ),
    readSource: (uri): Promise<SourceText> =>
      uri.scheme === 'file'
        ? readSourceFile(uri.fsPath)
        : Promise.resolve({ skipped: 'unreadable' }),
    history: (folder, days) => {
      // Git runs only in a trusted local folder: a repository's settings can make git run programs.
      if (!vscode.workspace.isTrusted)
        return Promise.resolve({
          available: false,
          days,
          reason: 'Restricted Mode: git is not run in an untrusted workspace',
        });
      if (folder.uri.scheme !== 'file')
        return Promise.resolve({
          available: false,
          days,
          reason: 'the folder is not on this machine',
        });
      return histories.get(folder.uri.fsPath, { days });
    },
    review: new ReviewGit(),
  };
}

/** Only local folders are walked with Node (and `.gitignore` rules); others have no links here. */
async function scanLocal(
  folder: vscode.Uri,
  set: NeedsSet,
  excludes: readonly string[],
  storage: string | undefined,
  version: string,
): Promise<FolderScan | undefined> {
  if (folder.scheme !== 'file') return undefined;
  const root = folder.fsPath;
  let cache: ScanCache | undefined;
  let listings: WalkCache | undefined;
  if (storage !== undefined) {
    // Everything that changes an answer: the needs, the settings' excludes, the build, the size limit.
    const extra = JSON.stringify([version, buildStamp(), DEFAULT_MAX_FILE_BYTES, excludes]);
    const key = await setDigest(set, extra);
    const dir = path.join(storage, 'scan-cache', folderName(root));
    cache = await ScanCache.openInSlices(root, key, set, { dir });
    // What a walk keeps depends on the excludes and the build, not on the needs.
    listings = await WalkCache.openInBackground(
      root,
      JSON.stringify([version, buildStamp(), excludes]),
      { dir },
    );
  }
  const result = await scanTree(root, set, { excludes, cache, listings });
  await listings?.saveInBackground();
  const { binary, large, unreadable } = result.skipped;
  return { paths: result.paths, files: result.files, skipped: binary + large + unreadable };
}

/** One cache folder per workspace folder: a short digest of its path. */
function folderName(root: string): string {
  return createHash('sha256').update(path.resolve(root)).digest('hex').slice(0, 16);
}
