/**
 * What a worker thread needs of the needs files to match as this thread
 * does: ids, states, globs and keywords. The rest (quotes, evidence, spans)
 * never leaves the main thread, and the worker answers by need id.
 */
import { buildIndex } from '../core/match';
import type { Need, NeedsFile } from '../core/model';
import { NeedsSet } from '../core/needsSet';
import type { Scope } from '../core/scopes';

/** One needs file as a worker receives it. */
export interface MatchingScope {
  readonly needsFile: string;
  readonly dir: string;
  readonly exclude: readonly string[];
  readonly invalidIds: readonly string[];
  readonly needs: readonly {
    readonly id: string;
    readonly status: Need['status'];
    readonly paths: readonly string[];
    readonly keywords: readonly string[];
  }[];
}

/** The part of `scope` a worker matches with. */
export function matchingScope(scope: Scope): MatchingScope {
  const file = scope.index.file;
  return {
    needsFile: scope.needsFile,
    dir: scope.dir,
    exclude: file.exclude.map((g) => g.value),
    invalidIds: [...(file.invalidIds?.keys() ?? [])],
    needs: file.needs.map((n) => ({
      id: n.id,
      status: n.status,
      paths: n.paths.map((p) => p.value),
      keywords: n.keywords.map((k) => k.value),
    })),
  };
}

/** The needs set a worker matches with, made from what it received. */
export function matchingSet(scopes: readonly MatchingScope[]): NeedsSet {
  return new NeedsSet(
    scopes.map((s) => ({ needsFile: s.needsFile, dir: s.dir, index: buildIndex(fileOf(s)) })),
  );
}

const NOWHERE = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A needs file holding only what matching reads. */
function fileOf(s: MatchingScope): NeedsFile {
  const at = (value: string): { value: string; span: typeof NOWHERE } => ({ value, span: NOWHERE });
  const needs = s.needs.map(
    (n) =>
      ({
        id: n.id,
        title: n.id,
        priority: 'medium',
        status: n.status,
        evidence: [],
        signals: [],
        paths: n.paths.map(at),
        keywords: n.keywords.map(at),
        review: [],
        span: NOWHERE,
        idSpan: NOWHERE,
      }) as unknown as Need,
  );
  return {
    version: 1,
    personas: new Map(),
    values: [],
    needs,
    invalidIds: new Map(s.invalidIds.map((id) => [id, NOWHERE])),
    exclude: s.exclude.map(at),
  } as unknown as NeedsFile;
}
