/** `outside-in notes`: release notes per persona, from the commits of a range. */
import { realpath } from 'node:fs/promises';
import { buildChecklist } from '../core/checklist';
import type { LoadOptions } from '../core/load';
import { releaseNotes, renderNotesJson, renderNotesMarkdown } from '../core/releaseNotes';
import { commitChanges, commitsInRange } from '../node/commits';
import { repoRoot } from '../node/git';
import { findNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import { changesInFolder } from '../core/changesInFolder';
import type { Io } from './io';
import { EXIT_OK, UsageError } from './io';
import { relativeTo } from './root';

export type NotesFormat = 'markdown' | 'json';

export interface NotesArgs {
  readonly root: string;
  readonly base?: string;
  readonly head?: string;
  readonly format: NotesFormat;
  readonly load: LoadOptions;
}

export async function runNotes(io: Io, args: NotesArgs): Promise<number> {
  if (args.base === undefined)
    throw new UsageError('notes needs --base REV: the revision after which commits count', 'notes');
  const head = args.head ?? 'HEAD';
  const top = await repoRoot(args.root);
  // The needs as the working tree has them: the names a reader knows today.
  const loaded = await loadNeedsFiles(
    args.root,
    (await findNeedsFiles(args.root)).counted,
    args.load,
  );
  if (loaded.files.length === 0)
    io.err('outside-in: no needs file under the root; no need to report\n');
  const sub = relativeTo(top, await realpath(args.root)) ?? '';
  const commits = [];
  for (const commit of await commitsInRange(top, args.base, head)) {
    const files = changesInFolder(await commitChanges(top, commit.sha), sub);
    const revs = { base: `${commit.sha}^`, head: commit.sha };
    commits.push({ commit, checklist: buildChecklist(loaded.set, files, revs, args.load) });
  }
  const notes = releaseNotes(loaded.set, commits);
  io.out(
    args.format === 'json'
      ? renderNotesJson(notes)
      : renderNotesMarkdown(notes, `${args.base}..${head}`),
  );
  return EXIT_OK;
}
