/**
 * Needs coverage (docs/coverage-json.md): which needs the code relates to,
 * which it does not, and the busy code that no need relates to. Pure: the CLI
 * and the editor hand it the same scan `check` makes and the commit counts git
 * gave, and show what it returns, so they never disagree.
 */
import type { Priority, Status } from './model';
import type { NeedsSet, ScopedLink } from './needsSet';
import { sortByPriority } from './present';

/**
 * What a need weighs in `weightedCoverage`: each priority counts twice the one
 * below it, so one uncovered critical need outweighs three covered low ones.
 */
export const PRIORITY_WEIGHTS: Readonly<Record<Priority, number>> = {
  critical: 8,
  high: 4,
  medium: 2,
  low: 1,
};

/** The most hotspots a report lists. */
export const HOTSPOT_LIMIT = 20;

/**
 * Links per rule, counted as the needs file's hover counts them:
 * `annotation` each `@need` naming the need, `keyword` each line with a
 * keyword of the need (once, however many keywords it holds), `path` each
 * file a glob of the need matches (once, however many globs match it).
 */
export interface LinkCounts {
  readonly annotation: number;
  readonly keyword: number;
  readonly path: number;
}

/** One need that is not retired, and how much code relates to it. */
export interface NeedCoverage {
  readonly id: string;
  readonly title: string;
  readonly priority: Priority;
  readonly status: Status;
  /** Distinct files linked to the need; 0 means no code relates to it. */
  readonly files: number;
  readonly links: LinkCounts;
  /** The needs file that defines it (ids are unique per needs file only). */
  readonly needsFile: string;
  /** The customer's words, when the need has any. */
  readonly quote?: string;
}

/** A file changed often lately that no need relates to. */
export interface Hotspot {
  readonly file: string;
  readonly commits: number;
}

/** Commits per file over the last `days` days, or why they could not be counted. */
export type CommitHistory =
  | {
      readonly available: true;
      readonly days: number;
      /** Commits per file, paths relative to the root. */
      readonly commits: ReadonlyMap<string, number>;
    }
  | { readonly available: false; readonly days: number; readonly reason: string };

export interface SkippedFiles {
  readonly binary: number;
  readonly large: number;
  readonly unreadable: number;
}

/** What the scan of the tree saw (the scan `check` makes). */
export interface CoverageScan {
  /**
   * Every source file walked, needs files left out: the only files that can
   * be hotspots, so deleted, ignored and never-walked files are not.
   */
  readonly sources: readonly string[];
  /** Files with links, each with its links (files without may be left out). */
  readonly files: readonly { readonly path: string; readonly links: readonly ScopedLink[] }[];
  /** Files read, and files matched by path only because they were not read. */
  readonly read?: number;
  readonly skipped?: SkippedFiles;
}

/** The report: the JSON contract of `outside-in coverage`, field for field. */
export interface CoverageReport {
  readonly version: 1;
  /** Needs that are not retired, critical first, then by id, then by needs file. */
  readonly needs: readonly NeedCoverage[];
  /** Ids of the needs no code relates to, in the order of `needs`. */
  readonly uncovered: readonly string[];
  /** Covered weight over total weight (PRIORITY_WEIGHTS); null with no need at all. */
  readonly weightedCoverage: number | null;
  readonly hotspots: readonly Hotspot[];
  /** The two sums `weightedCoverage` divides. */
  readonly weight: { readonly covered: number; readonly total: number };
  /** Whether git history was read, over how many days, and if not, why. */
  readonly history: {
    readonly days: number;
    readonly available: boolean;
    readonly reason?: string;
  };
  readonly scan?: { readonly read: number; readonly skipped: SkippedFiles };
}

interface Tally {
  readonly files: Set<string>;
  readonly pathFiles: Set<string>;
  readonly keywordLines: Set<string>;
  annotations: number;
}

/** Builds the coverage report of `set` from a scan of the tree and the recent git history. */
export function needsCoverage(
  set: NeedsSet,
  scan: CoverageScan,
  history: CommitHistory,
): CoverageReport {
  const tallies = new Map<string, Tally>();
  const live = [...set.scopes]
    .sort((a, b) => cmp(a.needsFile, b.needsFile))
    .flatMap((scope) =>
      scope.index.file.needs
        .filter((need) => need.status !== 'retired')
        .map((need) => ({ need, needsFile: scope.needsFile })),
    );
  for (const { need, needsFile } of live)
    tallies.set(keyOf(needsFile, need.id), {
      files: new Set(),
      pathFiles: new Set(),
      keywordLines: new Set(),
      annotations: 0,
    });

  const linked = new Set<string>();
  for (const file of scan.files) {
    for (const link of file.links) {
      const tally = tallies.get(keyOf(link.needsFile, link.needId));
      // A retired need links nothing: its code is no customer's any more.
      if (!tally) continue;
      linked.add(file.path);
      tally.files.add(file.path);
      if (link.rule === 'path') tally.pathFiles.add(file.path);
      else if (link.rule === 'keyword') tally.keywordLines.add(`${file.path}\u0000${link.line}`);
      else tally.annotations++;
    }
  }

  // Sorted by needs file first, so the stable priority sort breaks an id tie by needs file.
  const needs = sortByPriority(
    live.map(({ need, needsFile }): NeedCoverage => {
      const t = tallies.get(keyOf(needsFile, need.id)) as Tally;
      const quote = need.quote !== undefined && need.quote.trim() !== '' ? need.quote : undefined;
      return {
        id: need.id,
        title: need.title,
        priority: need.priority,
        status: need.status,
        files: t.files.size,
        links: { annotation: t.annotations, keyword: t.keywordLines.size, path: t.pathFiles.size },
        needsFile,
        ...(quote !== undefined ? { quote } : {}),
      };
    }),
  );

  let covered = 0;
  let total = 0;
  for (const need of needs) {
    total += PRIORITY_WEIGHTS[need.priority];
    if (need.files > 0) covered += PRIORITY_WEIGHTS[need.priority];
  }

  const report: CoverageReport = {
    version: 1,
    needs,
    uncovered: needs.filter((n) => n.files === 0).map((n) => n.id),
    // No need, no coverage to speak of: null, never a 100% nobody earned.
    weightedCoverage: total === 0 ? null : covered / total,
    hotspots: history.available ? hotspots(set, scan.sources, linked, history.commits) : [],
    weight: { covered, total },
    history: history.available
      ? { days: history.days, available: true }
      : { days: history.days, available: false, reason: history.reason },
  };
  if (scan.read === undefined || scan.skipped === undefined) return report;
  return { ...report, scan: { read: scan.read, skipped: scan.skipped } };
}

/** Busy files no need relates to: in the scanned tree, governed by a needs file, linked to none. */
function hotspots(
  set: NeedsSet,
  sources: readonly string[],
  linked: ReadonlySet<string>,
  commits: ReadonlyMap<string, number>,
): Hotspot[] {
  const out: Hotspot[] = [];
  for (const file of sources) {
    const n = commits.get(file) ?? 0;
    // A file no needs file governs was never asked about: no customer could speak for it.
    if (n > 0 && !linked.has(file) && set.scopesFor(file).length > 0)
      out.push({ file, commits: n });
  }
  out.sort((a, b) => b.commits - a.commits || cmp(a.file, b.file));
  return out.slice(0, HOTSPOT_LIMIT);
}

function keyOf(needsFile: string, id: string): string {
  return `${needsFile}\u0000${id}`;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
