/** `outside-in checklist`: the needs that the change under review touches. */
import { appendFile, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { buildChecklist } from '../core/checklist';
import type { FileChange } from '../core/diff';
import type { LoadOptions } from '../core/load';
import type { Checklist } from '../core/checklist';
import type { FailOn } from '../core/failOn';
import { failReasons } from '../core/failOn';
import { fitStepSummary, githubAnnotations } from '../core/githubAnnotations';
import { renderJson, renderMarkdown, renderText } from '../core/render';
import { checklistSarif } from '../core/sarif';
import { diff, repoRoot } from '../node/git';
import { listNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import type { Io } from './io';
import { EXIT_OK, EXIT_PROBLEMS } from './io';
import { cliVersion } from './version';
import { relativeTo } from './root';

export interface ChecklistArgs {
  readonly root: string;
  readonly base?: string;
  readonly head?: string;
  readonly format: ChecklistFormat;
  readonly load: LoadOptions;
  /** Policies that make the command exit 1 when the change meets one. */
  readonly failOn?: readonly FailOn[];
  /** GitHub's job-summary file (`GITHUB_STEP_SUMMARY`): `--format github` appends the Markdown to it. */
  readonly stepSummary?: string;
}

export type ChecklistFormat = 'markdown' | 'json' | 'text' | 'github' | 'sarif';

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
  const today = args.load.today;
  io.out(render(checklist, args.format, sub, today));
  if (args.format === 'github' && args.stepSummary !== undefined && args.stepSummary !== '')
    await appendStepSummary(args.stepSummary, renderMarkdown(checklist, undefined, { today }), io);
  const reasons = failReasons(checklist, args.failOn ?? [], today);
  for (const r of reasons) io.err(`outside-in: fail-on ${r}\n`);
  return reasons.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function render(
  checklist: Checklist,
  format: ChecklistFormat,
  prefix: string,
  today: string | undefined,
): string {
  switch (format) {
    case 'json':
      return renderJson(checklist);
    case 'markdown':
      return renderMarkdown(checklist, undefined, { today });
    case 'text':
      return renderText(checklist, { today });
    case 'github':
      return githubAnnotations(checklist, { prefix, today });
    case 'sarif':
      return (
        JSON.stringify(
          checklistSarif(checklist, { prefix, toolVersion: cliVersion(), today }),
          null,
          2,
        ) + '\n'
      );
  }
}

/** Appends to the job summary, cut to what GitHub still accepts; a failure to write is said, not fatal. */
async function appendStepSummary(file: string, markdown: string, io: Io): Promise<void> {
  try {
    const used = await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    const fitted = fitStepSummary(markdown, used);
    if (fitted !== '') await appendFile(file, fitted);
  } catch (e) {
    io.err(`outside-in: cannot write the job summary ${file}: ${(e as Error).message}\n`);
  }
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
