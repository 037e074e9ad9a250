/**
 * Scanning a tree for links to needs: one pass that reads each file once and
 * asks the core for its links and unknown annotations.
 */
import * as path from 'node:path';
import type { UnknownAnnotation } from '../core/match';
import type { NeedsSet, ScopedLink } from '../core/needsSet';
import { isNeedsFileName } from '../core/needsFileChoice';
import { readSourceFile, walkFiles } from './walk';
import type { WalkOptions } from './walk';

export interface ScannedFile {
  readonly path: string;
  readonly links: readonly ScopedLink[];
  readonly unknown: readonly UnknownAnnotation[];
  /** `@need` annotations of retired needs. */
  readonly retired: readonly UnknownAnnotation[];
}

export interface ScanResult {
  /** Every file walked (needs files included) but the excluded ones, for glob coverage. */
  readonly paths: readonly string[];
  /** Files with at least one link, unknown annotation or annotation of a retired need. */
  readonly files: readonly ScannedFile[];
  readonly read: number;
  /** Files left out by a needs file's `exclude` list: not read, not linked. */
  readonly excluded: number;
  readonly skipped: {
    readonly binary: number;
    readonly large: number;
    readonly unreadable: number;
  };
}

/** Files read at once: enough to hide disk latency, few enough to stay gentle. */
const CONCURRENCY = 16;

/** Walks `root` and relates every source file (not the needs files) to `set`. */
export async function scanTree(
  root: string,
  set: NeedsSet,
  options: WalkOptions & { maxFileBytes?: number; paths?: readonly string[] } = {},
): Promise<ScanResult> {
  // Callers that already walked the tree pass its paths: walk once.
  const walked = options.paths ?? (await walkFiles(root, options));
  const paths = walked.filter((p) => set.excludedBy(p) === undefined);
  const sources = paths.filter((p) => !isNeedsFileName(p) && set.scopesFor(p).length > 0);
  const results: (ScannedFile | undefined)[] = new Array(sources.length);
  const skipped = { binary: 0, large: 0, unreadable: 0 };
  let read = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < sources.length) {
      options.signal?.throwIfAborted();
      const i = next++;
      const rel = sources[i] as string;
      const outcome = await readSourceFile(path.join(root, rel), options.maxFileBytes);
      if ('skipped' in outcome) {
        skipped[outcome.skipped]++;
        // Unread files still relate by path: say so rather than drop them.
        const links = set.pathLinks(rel);
        if (links.length > 0) results[i] = { path: rel, links, unknown: [], retired: [] };
        continue;
      }
      read++;
      const unknown: UnknownAnnotation[] = [];
      const retired: UnknownAnnotation[] = [];
      const links = set.fileLinks(rel, outcome.text, unknown, retired);
      if (links.length > 0 || unknown.length > 0 || retired.length > 0)
        results[i] = { path: rel, links, unknown, retired };
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, sources.length) }, worker));
  return {
    paths,
    files: results.filter((f): f is ScannedFile => f !== undefined),
    read,
    excluded: walked.length - paths.length,
    skipped,
  };
}
