/**
 * The Needs Health figures of each workspace folder: the coverage report of
 * `outside-in coverage`, computed by the same core function from the
 * workspace index (the scan the sidebar uses) and the folder's git history,
 * which the host gives when it can (trusted, local, with git).
 */
import type * as vscode from 'vscode';
import type { CoverageReport } from '../../core/needsCoverage';
import { needsCoverage } from '../../core/needsCoverage';
import { isNeedsFileName } from '../../core/needsFileChoice';
import type { Host } from '../host';
import type { NeedsStore } from '../needsStore';
import type { WorkspaceIndex } from '../workspaceIndex';

/** The history window of the view: the CLI's default for `--since`. */
export const HEALTH_DAYS = 90;

export interface FolderHealth {
  readonly folder: vscode.WorkspaceFolder;
  readonly report: CoverageReport;
}

/** One report per workspace folder with a needs file. */
export async function folderHealth(
  store: NeedsStore,
  index: WorkspaceIndex,
  host: Host,
): Promise<FolderHealth[]> {
  await store.ready();
  const links = await index.links();
  const out: FolderHealth[] = [];
  for (const { folder, set } of store.folderSets()) {
    if (set.scopes.length === 0) continue;
    const scanned = links.folders.get(folder.uri.toString());
    const sources = [...(scanned?.walked ?? [])].filter((p) => !isNeedsFileName(p));
    const files = [...(scanned?.files ?? [])].map(([path, fileLinks]) => ({
      path,
      links: fileLinks,
    }));
    out.push({
      folder,
      report: needsCoverage(set, { sources, files }, await host.history(folder, HEALTH_DAYS)),
    });
  }
  return out;
}
