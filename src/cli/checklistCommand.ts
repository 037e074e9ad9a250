/** `outside-in checklist`: the needs that the change under review touches. */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { buildChecklist } from '../core/checklist';
import type { FileChange } from '../core/diff';
import type { LoadOptions } from '../core/load';
import { renderJson, renderMarkdown, renderText } from '../core/render';
import { diff, repoRoot } from '../node/git';
import { listNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import type { Io } from './io';
import { EXIT_OK } from './io';
import { relativeTo } from './root';

export interface ChecklistArgs {
  readonly root: string;
  readonly base?: string;
  readonly head?: string;
  readonly format: 'markdown' | 'json' | 'text';
  readonly load: LoadOptions;
}

export async function runChecklist(io: Io, args: ChecklistArgs): Promise<number> {
  const top = await repoRoot(args.root);
  const change = await diff({ root: top, base: args.base, head: args.head });
  // git speaks from the top of the repository; the contract from the root.
  const sub = relativeTo(top, await realpath(args.root)) ?? '';
  const files = sub === '' ? change.files : underRoot(change.files, sub);
  const root = sub === '' ? top : path.join(top, sub);
  const loaded = await loadNeedsFiles(root, await listNeedsFiles(root), args.load);
  if (loaded.files.length === 0)
    io.err('outside-in: no needs file in this repository; the checklist holds no needs\n');
  for (const f of loaded.files) {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0)
      io.err(`outside-in: ${f.path} has ${errors} error(s); run "outside-in check" for details\n`);
  }
  const revs = { base: change.base, head: change.head };
  const checklist = buildChecklist(loaded.set, files, revs, args.load);
  const render =
    args.format === 'json' ? renderJson : args.format === 'markdown' ? renderMarkdown : renderText;
  io.out(render(checklist));
  return EXIT_OK;
}

/** The changes that touch `sub` (a folder of the repository), with paths relative to it. */
function underRoot(files: readonly FileChange[], sub: string): FileChange[] {
  const inside = (p: string): boolean => p.startsWith(sub + '/');
  const local = (p: string): string => path.posix.relative(sub, p);
  return files
    .filter((f) => inside(f.path) || (f.oldPath !== undefined && inside(f.oldPath)))
    .map((f) => ({
      ...f,
      path: local(f.path),
      oldPath: f.oldPath === undefined ? undefined : local(f.oldPath),
    }));
}
