/**
 * The coverage report as JSON (the contract of docs/coverage-json.md), Markdown
 * and plain text. Markdown and text say the same things in the same order:
 * the summary, the needs no code relates to, the busy code no need relates
 * to, then the needs with code. Needs-file text is untrusted: escaped in
 * Markdown, flattened to one line without control characters in text.
 */
import { codeSpan, escapeMarkdown, flat, quietReferences } from './markdown';
import type { CoverageReport, LinkCounts, NeedCoverage } from './needsCoverage';
import { HOTSPOT_LIMIT, PRIORITY_WEIGHTS } from './needsCoverage';

/** The report as the JSON of docs/coverage-json.md, with a final newline. */
export function renderCoverageJson(report: CoverageReport): string {
  return JSON.stringify(report, null, 2) + '\n';
}

/** The report for a pull request or a wiki page: needs-file text escaped, mentions quiet. */
export function renderCoverageMarkdown(report: CoverageReport): string {
  const text = (s: string): string => quietReferences(escapeMarkdown(s));
  const several = needsFileCount(report) > 1;
  const out: string[] = ['## Customer needs coverage', ''];
  out.push(`${capital(coverageSummary(report, true))}.`, '');
  for (const note of scanNote(report)) out.push(`_${note}_`, '');

  const uncovered = report.needs.filter((n) => n.files === 0);
  if (uncovered.length > 0) {
    out.push(`### Needs no code relates to (${uncovered.length})`, '');
    for (const need of uncovered) {
      const where = several ? ` in ${codeSpan(need.needsFile)}` : '';
      out.push(`- **${text(need.title)}** (${need.priority}) ${codeSpan(need.id)}${where}`);
      if (need.quote !== undefined) out.push(`  > “${text(need.quote)}”`);
    }
    out.push('');
  }

  out.push('### Busy code no need relates to', '');
  const h = report.history;
  if (!h.available) {
    out.push(
      `Not checked: git history was not available (${text(h.reason ?? 'no reason given')}).`,
    );
  } else if (report.hotspots.length === 0) {
    out.push(`None: ${noHotspots(h.days)}.`);
  } else {
    out.push(`${capital(hotspotsLead(h.days))}:`, '');
    for (const s of report.hotspots) out.push(`- ${codeSpan(s.file)}: ${commits(s.commits)}`);
  }
  out.push('');

  const covered = report.needs.filter((n) => n.files > 0);
  if (covered.length > 0) {
    out.push(`### Needs with code (${covered.length})`, '');
    for (const need of covered) {
      const where = several ? ` in ${codeSpan(need.needsFile)}` : '';
      out.push(
        `- **${text(need.title)}** (${need.priority}) ${codeSpan(need.id)}${where}: ${linkText(need)}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** The report for a terminal: needs-file text and paths on one line, no control characters. */
export function renderCoverageText(report: CoverageReport): string {
  const several = needsFileCount(report) > 1;
  const out: string[] = [`Outside-In needs coverage: ${coverageSummary(report)}`];
  out.push(...scanNote(report));
  out.push('');

  const uncovered = report.needs.filter((n) => n.files === 0);
  if (uncovered.length > 0) {
    out.push(`Needs no code relates to (${uncovered.length}):`);
    for (const need of uncovered) {
      out.push(
        `  [${need.priority}] ${flat(need.title)}  ${flat(need.id)}${whereText(need, several)}`,
      );
      if (need.quote !== undefined) out.push(`    “${flat(need.quote)}”`);
    }
    out.push('');
  }

  const h = report.history;
  if (!h.available) {
    out.push(
      `Busy code no need relates to: not checked: git history was not available (${flat(h.reason ?? 'no reason given')}).`,
    );
  } else if (report.hotspots.length === 0) {
    out.push(`Busy code no need relates to: none: ${noHotspots(h.days)}.`);
  } else {
    out.push(`Busy code no need relates to (${hotspotsLead(h.days)}):`);
    const width = String(report.hotspots[0]?.commits ?? 0).length;
    for (const s of report.hotspots)
      out.push(
        `  ${String(s.commits).padStart(width)} ${s.commits === 1 ? 'commit ' : 'commits'}  ${flat(s.file)}`,
      );
  }
  out.push('');

  const covered = report.needs.filter((n) => n.files > 0);
  if (covered.length > 0) {
    out.push(`Needs with code (${covered.length}):`);
    for (const need of covered)
      out.push(
        `  [${need.priority}] ${flat(need.title)}  ${flat(need.id)}${whereText(need, several)}  ${linkText(need)}`,
      );
    out.push('');
  }
  return out.join('\n');
}

/** "3 of 4 needs have code (weighted coverage 73%: 11 of 15 priority points)"; the editor's Needs Health view says it too. */
export function coverageSummary(report: CoverageReport, markdown = false): string {
  const n = report.needs.length;
  if (report.weightedCoverage === null)
    return 'no needs to cover (no needs file, or every need is retired): no weighted coverage';
  const have = n - report.uncovered.length;
  const count = `${have} of ${n} ${n === 1 ? 'need has' : 'needs have'} code`;
  const { covered, total } = report.weight;
  const weights = (Object.keys(PRIORITY_WEIGHTS) as (keyof typeof PRIORITY_WEIGHTS)[])
    .map((p) => `${p} ${PRIORITY_WEIGHTS[p]}`)
    .join(', ');
  return (
    `${markdown ? `**${count}**` : count} (weighted coverage ${percent(covered, total)}: ` +
    `${covered} of ${total} priority points; ${weights})`
  );
}

/**
 * Rounded down, so 100% means every need has code; a share above nothing
 * never shows as 0%.
 */
export function percent(covered: number, total: number): string {
  const p = Math.floor((covered * 100) / total);
  return p === 0 && covered > 0 ? 'under 1%' : `${p}%`;
}

/** What the scan did not read: those files were matched by path only. */
function scanNote(report: CoverageReport): string[] {
  const s = report.scan?.skipped;
  if (!s) return [];
  const n = s.binary + s.large + s.unreadable;
  if (n === 0) return [];
  return [
    `${n} ${n === 1 ? 'file was' : 'files were'} not read (${s.binary} binary, ${s.large} too large, ${s.unreadable} unreadable): matched by path only.`,
  ];
}

function hotspotsLead(days: number): string {
  return `up to ${HOTSPOT_LIMIT} files changed most often in the last ${days} days, most commits first`;
}

/** Why the busy-code list is empty. */
export function noHotspots(days: number): string {
  return `every file changed in the last ${days} days relates to a need`;
}

/** "1 commit", "12 commits". */
export function commits(n: number): string {
  return `${n} ${n === 1 ? 'commit' : 'commits'}`;
}

function whereText(need: NeedCoverage, several: boolean): string {
  return several ? `  (${flat(need.needsFile)})` : '';
}

/** "2 files (1 annotation, 3 keyword lines, 1 file by path)". */
function linkText(need: NeedCoverage): string {
  const l: LinkCounts = need.links;
  const parts: string[] = [];
  if (l.annotation > 0) parts.push(plural(l.annotation, 'annotation', 'annotations'));
  if (l.keyword > 0) parts.push(plural(l.keyword, 'keyword line', 'keyword lines'));
  if (l.path > 0) parts.push(`${plural(l.path, 'file', 'files')} by path`);
  return `${plural(need.files, 'file', 'files')} (${parts.join(', ')})`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function needsFileCount(report: CoverageReport): number {
  return new Set(report.needs.map((n) => n.needsFile)).size;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
