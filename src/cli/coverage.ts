/**
 * `outside-in coverage`: where the needs file drifted from the code. The needs
 * no code relates to, and the busy code no need relates to, from the same
 * scan as `check` and the recent git history (docs/coverage-json.md).
 */
import type { CoverageReport } from '../core/needsCoverage';
import { needsCoverage } from '../core/needsCoverage';
import {
  renderCoverageJson,
  renderCoverageMarkdown,
  renderCoverageText,
} from '../core/coverageRender';
import type { LoadOptions } from '../core/load';
import { recentCommits } from '../node/hotspots';
import { isNeedsFileName } from '../core/needsFileChoice';
import { findNeedsFiles, loadNeedsFiles } from '../node/needsFiles';
import { scanTree } from '../node/scan';
import { openScanCache, walkTree } from './scanCache';
import { scanWorkers } from './scanWorkers';
import type { Io } from './io';
import { EXIT_OK, UsageError } from './io';

export const COVERAGE_FORMATS = ['text', 'json', 'markdown'] as const;
export type CoverageFormat = (typeof COVERAGE_FORMATS)[number];

/** The git history window when `--since` is not given. */
export const DEFAULT_SINCE_DAYS = 90;

export interface CoverageArgs {
  readonly root: string;
  /** Days of git history counted for hotspots. */
  readonly since: number;
  readonly format: CoverageFormat;
  readonly load: LoadOptions;
  /** Remember each file's links in `.outside-in/` between runs (`--no-cache`: false). */
  readonly cache?: boolean;
  /** The end of the history window; default the current time (tests fix it). */
  readonly now?: Date;
}

/** `--since DAYS`: a whole number of days, at least 1; DEFAULT_SINCE_DAYS when absent. */
export function parseSinceDays(text: string | undefined): number {
  if (text === undefined) return DEFAULT_SINCE_DAYS;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 1)
    throw new UsageError(`--since ${text}: a whole number of days, at least 1`);
  return n;
}

export async function runCoverage(io: Io, args: CoverageArgs): Promise<number> {
  if (!Number.isInteger(args.since) || args.since < 1)
    throw new UsageError(`--since ${args.since}: a whole number of days, at least 1`);
  const all = await walkTree(args.root, args.cache === true);
  const { counted } = await findNeedsFiles(args.root, { walked: all });
  const loaded = await loadNeedsFiles(args.root, counted, args.load);
  if (counted.length === 0)
    io.err('outside-in: no needs file under the root; there are no needs to cover\n');
  for (const f of loaded.files) {
    const errors = f.problems.filter((p) => p.severity === 'error').length;
    if (errors > 0)
      io.err(`outside-in: ${f.path} has ${errors} error(s); run "outside-in check" for details\n`);
  }
  // The same scan as `check`, so both commands relate the same code to the same
  // needs; git counts commits meanwhile.
  const [scan, history] = await Promise.all([
    scanTree(args.root, loaded.set, {
      paths: all,
      blocking: true,
      workers: scanWorkers(),
      cache: args.cache === true ? openScanCache(args.root, loaded) : undefined,
    }),
    recentCommits(args.root, { days: args.since, now: args.now }),
  ]);
  const report = needsCoverage(
    loaded.set,
    {
      sources: scan.paths.filter((p) => !isNeedsFileName(p)),
      files: scan.files,
      read: scan.read,
      skipped: scan.skipped,
    },
    history,
  );
  io.out(render(report, args.format));
  return EXIT_OK;
}

function render(report: CoverageReport, format: CoverageFormat): string {
  if (format === 'json') return renderCoverageJson(report);
  if (format === 'markdown') return renderCoverageMarkdown(report);
  return renderCoverageText(report);
}
