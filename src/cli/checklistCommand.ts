/** `outside-in checklist`: the needs that the change under review touches. */
import { buildChecklist } from '../core/checklist';
import type { LoadOptions } from '../core/load';
import { renderJson, renderMarkdown, renderText } from '../core/render';
import { diff, repoRoot } from '../node/git';
import { listNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import type { Io } from './io';
import { EXIT_OK } from './io';

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
  const loaded = await loadNeedsFiles(top, await listNeedsFiles(top), args.load);
  if (loaded.files.length === 0)
    io.err('outside-in: no needs file in this repository; the checklist holds no needs\n');
  for (const f of loaded.files) {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0)
      io.err(`outside-in: ${f.path} has ${errors} error(s); run "outside-in check" for details\n`);
  }
  const revs = { base: change.base, head: change.head };
  const checklist = buildChecklist(loaded.set, change.files, revs, args.load);
  const render =
    args.format === 'json' ? renderJson : args.format === 'markdown' ? renderMarkdown : renderText;
  io.out(render(checklist));
  return EXIT_OK;
}
