/** `outside-in check`: validate every needs file and every `@need` annotation under the root. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { coverageProblems } from '../core/coverage';
import { instructionFormatOf, outdatedInstructions } from '../core/instructionsDrift';
import { lintProblems } from '../core/lint';
import { annotationProblems } from '../core/annotationProblems';
import type { LoadOptions } from '../core/load';
import { shadowedProblem } from '../core/needsFileChoice';
import { findNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import { scanTree } from '../node/scan';
import { openScanCache, walkTree } from './scanCache';
import { scanWorkers } from './scanWorkers';
import type { Io, PrintableProblem } from './io';
import { EXIT_OK, EXIT_PROBLEMS, UsageError, formatProblem } from './io';
import { relativeTo } from './root';

export interface CheckArgs {
  readonly root: string;
  readonly needs?: string;
  readonly format: 'text' | 'json';
  readonly load: LoadOptions;
  /** Remember each file's links in `.outside-in/` between runs (`--no-cache`: false). */
  readonly cache?: boolean;
}

export async function runCheck(io: Io, args: CheckArgs): Promise<number> {
  const all = await walkTree(args.root, args.cache === true);
  const found = await findNeedsFiles(args.root, { walked: all });
  let needsPaths = found.counted;
  let shadowed = found.shadowed;
  if (args.needs !== undefined) {
    const rel = relativeTo(args.root, path.resolve(io.cwd, args.needs));
    if (rel === undefined)
      throw new UsageError(`--needs ${args.needs}: not inside the root ${args.root}`);
    // A needs file named on the command line that cannot be read is bad input (exit 2).
    const stat = await fs.stat(path.join(args.root, rel)).catch(() => undefined);
    if (!stat?.isFile()) throw new UsageError(`--needs ${args.needs}: not a readable file`);
    needsPaths = [rel];
    shadowed = [];
  }
  const problems: PrintableProblem[] = [];
  for (const s of shadowed) problems.push(located(s.path, shadowedProblem(s)));
  if (needsPaths.length === 0) {
    problems.push({
      file: '.',
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'no-needs-file',
      message:
        'No needs file found (customer-needs.yaml, .customer-needs.yaml, in any folder, .github/ or docs/).',
    });
  }
  const loaded = await loadNeedsFiles(args.root, needsPaths, args.load);
  for (const f of loaded.files) for (const p of f.problems) problems.push(located(f.path, p));

  const scan = await scanTree(args.root, loaded.set, {
    paths: all,
    blocking: true,
    workers: scanWorkers(),
    cache: args.cache === true ? openScanCache(args.root, loaded) : undefined,
  });
  for (const file of scan.files) {
    for (const { rule, message, annotation } of annotationProblems(file.unknown, file.retired)) {
      problems.push({
        file: file.path,
        line: annotation.line + 1,
        column: annotation.start + 1,
        severity: 'error',
        rule,
        message,
      });
    }
  }
  const hasFatal = loaded.files.some((f) => f.problems.some((p) => p.severity === 'error'));
  // With a broken needs file the coverage warnings would only repeat its errors.
  if (!hasFatal) {
    for (const p of coverageProblems(loaded.set, scan)) problems.push(located(p.file, p));
    for (const p of lintProblems(loaded.set, scan)) problems.push(located(p.file, p));
    const generated = await readAll(
      args.root,
      all.filter((p) => instructionFormatOf(p) !== undefined),
    );
    for (const p of outdatedInstructions(loaded.set, generated)) problems.push(located(p.file, p));
  }
  problems.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column);

  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const s = scan.skipped;
  if (args.format === 'json') {
    io.out(
      JSON.stringify(
        {
          version: 1,
          needsFiles: loaded.files.map((f) => f.path),
          problems,
          files: { scanned: scan.read, skipped: s, excluded: scan.excluded },
        },
        null,
        2,
      ) + '\n',
    );
  } else {
    for (const p of problems) io.out(formatProblem(p) + '\n');
    // The summary goes to stderr: stdout stays one problem per line for tools.
    const skipped = s.binary + s.large + s.unreadable;
    const skipNote =
      skipped > 0
        ? ` (${s.binary} binary, ${s.large} too large, ${s.unreadable} unreadable: not read)`
        : '';
    const excludeNote = scan.excluded > 0 ? `, ${scan.excluded} excluded` : '';
    io.err(
      `outside-in: ${loaded.files.length} needs file(s), ${scan.read} source file(s) read${skipNote}${excludeNote}: ${errors} error(s), ${warnings} warning(s)\n`,
    );
  }
  return errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

function located(
  file: string,
  p: {
    severity: 'error' | 'warning';
    message: string;
    rule: string;
    span: { start: { line: number; character: number } };
  },
): PrintableProblem {
  return {
    file,
    line: p.span.start.line + 1,
    column: p.span.start.character + 1,
    severity: p.severity,
    message: p.message,
    rule: p.rule,
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The texts of a few small files; one that vanished since the walk is left out. */
async function readAll(
  root: string,
  paths: readonly string[],
): Promise<{ path: string; text: string }[]> {
  const out: { path: string; text: string }[] = [];
  for (const rel of paths) {
    const text = await fs.readFile(path.join(root, rel), 'utf8').catch(() => undefined);
    if (text !== undefined) out.push({ path: rel, text });
  }
  return out;
}
