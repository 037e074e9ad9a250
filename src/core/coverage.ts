/**
 * What a scan of the code says about a needs file: globs that match no file and
 * keywords that match no line are warnings (a need that relates to nothing
 * cannot be reviewed), and `@need` with an unknown id is an error in the code.
 */
import type { Problem } from './model';
import type { NeedsSet, ScopedLink } from './needsSet';

/** What the scan saw: every file's path, and the links of the files that have some. */
export interface ScanSummary {
  readonly paths: readonly string[];
  /** File by file, as the scan gives them: a big tree's links are too many to gather in one list. */
  readonly files: readonly { readonly links: readonly ScopedLink[] }[];
}

/** A problem located in a needs file (relative path). */
export interface FileProblem extends Problem {
  readonly file: string;
}

/** Warnings for globs and keywords of `set` that relate to nothing in the scan. */
export function coverageProblems(set: NeedsSet, scan: ScanSummary): FileProblem[] {
  const matchedKeywords = new Set<string>();
  for (const { links } of scan.files) {
    for (const link of links) {
      if (link.rule === 'keyword')
        matchedKeywords.add(keyOf(link.needsFile, link.needId, link.match));
    }
  }
  const out: FileProblem[] = [];
  for (const scope of set.scopes) {
    const local = scan.paths
      .filter((p) => scope.dir === '' || p.startsWith(scope.dir + '/'))
      .map((p) => (scope.dir === '' ? p : p.slice(scope.dir.length + 1)));
    const unmatched = scope.index.paths.globsMatchingNothing(local);
    for (const { owner, glob } of unmatched) {
      const located = owner.paths.find((p) => p.value === glob);
      if (!located) continue;
      out.push({
        file: scope.needsFile,
        severity: 'warning',
        rule: 'unmatched-path',
        message: `Path "${glob}" of need "${owner.id}" matches no file.`,
        span: located.span,
      });
    }
    for (const need of scope.index.file.needs) {
      if (need.status === 'retired') continue;
      for (const k of need.keywords) {
        if (matchedKeywords.has(keyOf(scope.needsFile, need.id, k.value))) continue;
        out.push({
          file: scope.needsFile,
          severity: 'warning',
          rule: 'unmatched-keyword',
          message: `Keyword "${k.value}" of need "${need.id}" matches nothing in the code.`,
          span: k.span,
        });
      }
    }
  }
  return out;
}

function keyOf(needsFile: string, needId: string, keyword: string): string {
  return `${needsFile}\u0000${needId}\u0000${keyword}`;
}
