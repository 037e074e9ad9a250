/**
 * The desktop's Host: the command line's own scan and git code, so the
 * editor and `outside-in` never disagree. Only the Node entry (extension.ts)
 * imports this file.
 */
import * as vscode from 'vscode';
import { RecentCommitsCache } from '../node/hotspots';
import { scanTree } from '../node/scan';
import { readSourceFile } from '../node/walk';
import { ReviewGit } from './checklist/git';
import type { FolderScan, Host, SourceText } from './host';
import type { NeedsSet } from '../core/needsSet';

export function nodeHost(): Host {
  const histories = new RecentCommitsCache();
  return {
    scanFolder: async (folder, set, excludes) => scanLocal(folder, set, excludes),
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
): Promise<FolderScan | undefined> {
  if (folder.scheme !== 'file') return undefined;
  const result = await scanTree(folder.fsPath, set, { excludes });
  const { binary, large, unreadable } = result.skipped;
  return { paths: result.paths, files: result.files, skipped: binary + large + unreadable };
}
