/** `outside-in explain PATH[:LINE]`: which needs relate to a file or a line, and why. */
import * as path from 'node:path';
import { flat } from '../core/markdown';
import { linkReason, needEvidence, reasonRows, statusWord } from '../core/phrases';
import type { LoadOptions } from '../core/load';
import { forEachLine } from '../core/match';
import { isNeedsFileName } from '../core/needsFileChoice';
import { relatedNeeds } from '../core/relatedNeeds';
import type { RelatedNeed } from '../core/relatedNeeds';
import { findNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import { readSourceFile } from '../node/walk';
import type { Io } from './io';
import { EXIT_OK, UsageError } from './io';
import { relativeTo } from './root';

export interface ExplainArgs {
  readonly root: string;
  readonly target: string;
  readonly format: 'text' | 'json';
  readonly load: LoadOptions;
}

/** `src/a.ts:41` -> path and 1-based line; a path may itself hold colons. */
export function parseTarget(target: string): { file: string; line?: number } {
  const m = /^(.*):(\d+)$/.exec(target);
  if (m && m[1] !== '') return { file: m[1] as string, line: Number(m[2]) };
  return { file: target };
}

export async function runExplain(io: Io, args: ExplainArgs): Promise<number> {
  const { file, line } = parseTarget(args.target);
  if (line !== undefined && line < 1)
    throw new UsageError(`${args.target}: lines are numbered from 1`);
  const rel = relativeTo(args.root, path.resolve(io.cwd, file));
  if (rel === undefined) throw new UsageError(`${file}: not inside the root ${args.root}`);
  const outcome = await readSourceFile(path.join(args.root, rel));
  if ('skipped' in outcome && outcome.skipped === 'unreadable')
    throw new UsageError(`${file}: cannot read it`);
  if (line !== undefined && 'text' in outcome) {
    const count = lineCount(outcome.text);
    // A line past the end is a typo or a stale line number: no need relates to it.
    if (line > count)
      throw new UsageError(
        `${args.target}: the file has ${count} ${count === 1 ? 'line' : 'lines'}`,
      );
  }

  const { counted } = await findNeedsFiles(args.root);
  const loaded = await loadNeedsFiles(args.root, counted, args.load);
  for (const f of loaded.files) {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0)
      io.err(`outside-in: ${f.path} has ${errors} error(s); run "outside-in check" for details\n`);
  }
  // An excluded file is linked by no rule: say which glob leaves it out, and stop.
  const excluded = loaded.set.excludedBy(rel);
  if (excluded !== undefined) {
    const { needsFile, glob } = excluded;
    const by = { needsFile, line: excluded.span.start.line + 1, glob };
    const where = line === undefined ? rel : `${rel}:${line}`;
    io.out(
      args.format === 'json'
        ? JSON.stringify({ version: 1, file: rel, line, excluded: by, needs: [] }, null, 2) + '\n'
        : `${where}: excluded by ${needsFile}:${by.line} (${flat(glob)})\n`,
    );
    return EXIT_OK;
  }
  let related: RelatedNeed[];
  // A needs file names its own keywords: it is not code that serves them,
  // even one too broken to load.
  if (isNeedsFileName(rel)) related = [];
  else if ('text' in outcome) {
    const lines = line === undefined ? {} : { first: line - 1 };
    related = relatedNeeds(loaded.set, rel, { text: outcome.text, ...lines });
  } else {
    io.err(
      `outside-in: ${rel} is ${outcome.skipped === 'binary' ? 'binary' : 'too large'}; only its path was matched\n`,
    );
    related = relatedNeeds(loaded.set, rel, { pathOnly: true });
  }

  const needs = related.map(({ need, needsFile, reasons }) => ({
    id: need.id,
    title: need.title,
    priority: need.priority,
    status: need.status,
    persona: need.persona,
    quote: need.quote,
    needsFile,
    because: reasons.map((l) => ({
      file: rel,
      line: l.line === undefined ? undefined : l.line + 1,
      rule: l.rule,
      match: l.match,
    })),
  }));

  if (args.format === 'json') {
    io.out(JSON.stringify({ version: 1, file: rel, line, needs }, null, 2) + '\n');
    return EXIT_OK;
  }
  const where = line === undefined ? rel : `${rel}:${line}`;
  if (related.length === 0) io.out(`${where}: no customer need relates to it\n`);
  else io.out(`${where}: ${related.length} customer ${related.length === 1 ? 'need' : 'needs'}\n`);
  for (const { need, reasons } of related) {
    const status = statusWord(needEvidence(need, args.load));
    io.out(`\n  ${need.id}  ${flat(need.title)}  [${need.priority}, ${status}]\n`);
    if (need.quote !== undefined) io.out(`    “${flat(need.quote)}”\n`);
    for (const row of reasonRows(reasons.map(linkReason), 'text')) io.out(`    ${row}\n`);
  }
  return EXIT_OK;
}

/** Lines as the core numbers them: `a\n` is one line, an empty file one. */
function lineCount(text: string): number {
  let count = 0;
  forEachLine(text, () => count++);
  return count;
}
