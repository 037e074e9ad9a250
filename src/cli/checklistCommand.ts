/** `outside-in checklist`: the needs that the change under review touches. */
import { appendFile, stat } from 'node:fs/promises';
import type { LoadOptions } from '../core/load';
import type { Checklist } from '../core/checklist';
import type { FailOn } from '../core/failOn';
import { failReasons } from '../core/failOn';
import { fitStepSummary, githubAnnotations } from '../core/githubAnnotations';
import { renderJson, renderMarkdown, renderText } from '../core/render';
import { checklistSarif } from '../core/sarif';
import { reviewChecklist } from '../node/reviewChecklist';
import type { Io } from './io';
import { EXIT_OK, EXIT_PROBLEMS } from './io';
import { cliVersion } from './version';

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
  const { checklist, prefix: sub, warnings } = await reviewChecklist(args);
  for (const w of warnings) io.err(`outside-in: ${w}\n`);
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
