/**
 * Lint rules that keep a needs file honest (docs/lint.md): globs and keywords
 * that relate a need to most of the code, needs that nothing can relate to,
 * personas nobody is, values nobody is asked about, and validated needs
 * without the customer's words. Warnings only: each names the number that
 * makes it a problem. One pass over the scan's paths and links, then one over
 * the needs files: linear however many needs and files there are.
 */
import type { FileProblem } from './coverage';
import { compileGlob } from './globs';
import type { LintRule, LintSettings } from './lintOptions';
import { DEFAULT_LINT_SETTINGS } from './lintOptions';
import type { Need, Span } from './model';
import type { NeedsSet, ScopedLink } from './needsSet';
import type { Scope } from './scopes';

/** What the scan saw, file by file (a `ScanResult` of src/node/scan.ts fits). */
export interface LintScan {
  /** Every path the scan walked, relative to the root; the set's needs files are not counted. */
  readonly paths: readonly string[];
  /**
   * The files with links, each once, with every link found in it by `set`: a
   * link is told apart by its Need object, so no key string is built per link.
   */
  readonly files: Iterable<{ readonly links: readonly ScopedLink[] }>;
}

/** The settings of a scope's needs file; undefined means the defaults. */
export type SettingsOf = (scope: Scope) => LintSettings | undefined;

/**
 * The lint warnings for every needs file of `set`, each in its needs file.
 * `settingsOf` defaults to each needs file's own `lint:` map.
 */
export function lintProblems(
  set: NeedsSet,
  scan: LintScan,
  settingsOf: SettingsOf = fileSettings,
): FileProblem[] {
  const seen = countLinks(scan);
  const totals = filesPerScope(set, scan.paths);
  const out: FileProblem[] = [];
  for (const scope of set.scopes) {
    const settings = settingsOf(scope) ?? DEFAULT_LINT_SETTINGS;
    const on = (rule: LintRule): boolean => !settings.off.includes(rule);
    const report = (rule: LintRule, message: string, span: Span): void => {
      out.push({ file: scope.needsFile, severity: 'warning', rule, message, span });
    };
    const total = totals.get(scope.dir) ?? 0;
    // A share of a handful of files says nothing about breadth.
    const shares = total > 0 && total >= settings.minFiles;
    const file = scope.index.file;
    for (const need of file.needs) {
      if (need.status === 'retired') continue;
      const globs = includeGlobs(need);
      if (shares && on('broad-glob')) {
        for (const glob of globs) {
          const n = seen.paths.get(need)?.get(glob.value)?.files ?? 0;
          if (!isBroad(n, total, settings.broadGlob)) continue;
          report(
            'broad-glob',
            `Path "${glob.value}" of need "${need.id}" matches ${share(n, total, settings.broadGlob)}: it links the need to almost everything.`,
            glob.span,
          );
        }
      }
      if (shares && on('broad-keyword')) {
        for (const k of need.keywords) {
          const n = seen.keywords.get(need)?.get(k.value)?.files ?? 0;
          if (!isBroad(n, total, settings.broadKeyword)) continue;
          report(
            'broad-keyword',
            `Keyword "${k.value}" of need "${need.id}" relates ${share(n, total, settings.broadKeyword)}: too common to say which code serves the need.`,
            k.span,
          );
        }
      }
      if (
        on('no-match-rules') &&
        need.keywords.length === 0 &&
        globs.length === 0 &&
        !seen.annotated.has(need)
      ) {
        report(
          'no-match-rules',
          `Need "${need.id}" has no path, no keyword and no @need annotation in the code: no change can bring it to a review.`,
          need.idSpan,
        );
      }
      if (on('validated-without-quote') && need.status === 'validated' && isBlank(need.quote)) {
        report('validated-without-quote', withoutQuote(need), need.idSpan);
      }
    }
    if (on('unused-persona')) {
      const used = personasUsed(set, scope);
      for (const persona of file.personas.values()) {
        if (used.has(persona.id)) continue;
        report(
          'unused-persona',
          `Persona "${persona.id}" is the persona of none of the ${file.needs.length} needs: name it on the needs it is about, or remove it.`,
          persona.span,
        );
      }
    }
    if (on('value-without-review')) {
      for (const value of file.values) {
        if (value.review.some((q) => !isBlank(q))) continue;
        report(
          'value-without-review',
          `Value "${value.id}" has no review question: the checklist shows its statement but asks the reviewer nothing.`,
          // Value has no span of its own id: point at the start of its entry.
          { start: value.span.start, end: value.span.start },
        );
      }
    }
  }
  return out;
}

/**
 * Distinct files per glob and per keyword of a need, and the needs some
 * annotation names. A path link names the glob that decided (the need's last
 * matching one), so `src/**` before `!src/generated/**` counts only the files
 * the need is really linked to.
 */
interface LinkCounts {
  readonly paths: Map<Need, Map<string, Tally>>;
  readonly keywords: Map<Need, Map<string, Tally>>;
  readonly annotated: Set<Need>;
}

interface Tally {
  files: number;
  /** The last file counted: a keyword links every line it is on, the file counts once. */
  last: number;
}

function countLinks(scan: LintScan): LinkCounts {
  const counts: LinkCounts = { paths: new Map(), keywords: new Map(), annotated: new Set() };
  let file = 0;
  for (const { links } of scan.files) {
    file++;
    for (const link of links) {
      if (link.rule === 'annotation') {
        counts.annotated.add(link.need);
        continue;
      }
      const byNeed = link.rule === 'path' ? counts.paths : counts.keywords;
      let tallies = byNeed.get(link.need);
      if (!tallies) byNeed.set(link.need, (tallies = new Map()));
      const tally = tallies.get(link.match);
      if (!tally) tallies.set(link.match, { files: 1, last: file });
      else if (tally.last !== file) {
        tally.files++;
        tally.last = file;
      }
    }
  }
  return counts;
}

/**
 * Files under each scope's folder. Each path adds to the folders above it
 * that have a needs file: paths x depth, not paths x needs files. The needs
 * files themselves are left out: the scan relates no code in them to a need.
 */
function filesPerScope(set: NeedsSet, paths: readonly string[]): Map<string, number> {
  const dirs = new Set(set.scopes.map((s) => s.dir));
  const needsFiles = new Set(set.scopes.map((s) => s.needsFile));
  const totals = new Map<string, number>();
  const add = (dir: string): void => {
    if (dirs.has(dir)) totals.set(dir, (totals.get(dir) ?? 0) + 1);
  };
  for (const path of paths) {
    if (needsFiles.has(path)) continue;
    add('');
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) add(path.slice(0, i));
  }
  return totals;
}

/** The globs that can link a file: a `!` pattern or a blank one links none. */
function includeGlobs(need: Need): Need['paths'] {
  return need.paths.filter((p) => compileGlob(p.value)?.negated === false);
}

/** More than the share, or every file (a share of 1 warns only then). */
function isBroad(n: number, total: number, limit: number): boolean {
  return n > 0 && (n === total || n / total > limit);
}

/** `1,204 of 1,530 files (79%, over the 50% limit)`, or `all 60 files`. */
function share(n: number, total: number, limit: number): string {
  if (n === total) return `all ${count(total)} files`;
  const limitText = percent(limit);
  let shown = percent(n / total, 0);
  // Whole percents can hide the difference: 25.3% must not read as 25% over a 25% limit.
  if (shown === limitText) shown = percent(n / total);
  // Nor read as every file when one is left.
  if (shown === '100%') shown = '99.9%';
  return `${count(n)} of ${count(total)} files (${shown}, over the ${limitText} limit)`;
}

function percent(fraction: number, decimals = 1): string {
  return `${Number((fraction * 100).toFixed(decimals))}%`;
}

/** `1,204`: written out rather than toLocaleString, whose first call loads locale data. */
function count(n: number): string {
  const digits = String(n);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

function withoutQuote(need: Need): string {
  const pieces = need.evidence.length;
  const on =
    pieces === 0 ? 'with no evidence' : `on ${pieces} piece${pieces === 1 ? '' : 's'} of evidence`;
  const quoted = need.evidence.findIndex((e) => !isBlank(e.quote));
  const hint = quoted >= 0 ? ` Evidence #${quoted + 1} has one.` : '';
  return `Need "${need.id}" is validated, ${on}, but has no quote: the customer's own words are missing.${hint}`;
}

/**
 * Personas named by the needs of `scope` or of any needs file below it: a
 * package's needs file without personas of its own may name the root's.
 */
function personasUsed(set: NeedsSet, scope: Scope): Set<string> {
  const used = new Set<string>();
  for (const other of set.scopes) {
    if (scope.dir !== '' && other.dir !== scope.dir && !other.dir.startsWith(scope.dir + '/'))
      continue;
    // Retired needs count: removing their persona would break them.
    for (const need of other.index.file.needs) if (need.persona) used.add(need.persona);
  }
  return used;
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}

/** The needs file's own `lint:` map (NeedsFile.lint, filled by the loader). */
function fileSettings(scope: Scope): LintSettings | undefined {
  return scope.index.file.lint;
}
