/**
 * Scanning a tree for links to needs: one pass that reads each file once and
 * asks the core for its links and unknown annotations.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { UnknownAnnotation } from '../core/match';
import type { NeedsSet, ScopedLink } from '../core/needsSet';
import { isNeedsFileName } from '../core/needsFileChoice';
import type { CachedOutcome, ScanCache } from './scanCache';
import { outcomesOnCores } from './scanWorkers';
import type { ScanWorkers } from './scanWorkers';
import { bufferSource, readSourceBytes, readSourceBytesSync, walkFiles } from './walk';
import type { BytesOutcome, WalkOptions } from './walk';
import { timeSlices } from '../core/timeSlices';

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

/** Files read at once when not blocking: enough to hide disk latency, few enough to stay gentle. */
const CONCURRENCY = 16;

export interface ScanOptions extends WalkOptions {
  readonly maxFileBytes?: number;
  /** Callers that already walked the tree pass its paths: walk once. */
  readonly paths?: readonly string[];
  /** Remembers each file's outcome between runs (see scanCache.ts); none by default. */
  readonly cache?: ScanCache;
  /** With `blocking`: workers that read and match beside this thread (scanWorkers.ts); none by default. */
  readonly workers?: ScanWorkers;
}

const MIN_FILES_FOR_WORKERS = 2000;

/**
 * Walks `root` and relates every source file (not the needs files) to `set`.
 * With `blocking` (the command line), files are read synchronously in slices
 * of the event loop's time: for thousands of small files that is faster than
 * the thread pool's round trips. Without it (the editor), a few at a time
 * through the thread pool, so a slow disk never stalls the extension host.
 */
export async function scanTree(
  root: string,
  set: NeedsSet,
  options: ScanOptions = {},
): Promise<ScanResult> {
  const walked = options.paths ?? (await walkFiles(root, options));
  const paths = walked.filter((p) => set.excludedBy(p) === undefined);
  const sources = paths.filter((p) => !isNeedsFileName(p) && set.scopesFor(p).length > 0);
  const files: ScannedFile[] = [];
  const skipped = { binary: 0, large: 0, unreadable: 0 };
  const cache = options.cache;
  const blocking = options.blocking === true;
  // Blocking reads go one by one; the others a few at a time, to hide the disk's latency.
  const batch = blocking ? 1 : CONCURRENCY;
  let read = 0;
  const slices = timeSlices();
  // The reads of a batch run together; matching runs file by file after them,
  // yielding between files: reads that complete in one turn of the event loop
  // must not all be matched in that turn.
  const fetch = async (rel: string): Promise<Fetched> => {
    const abs = path.join(root, rel);
    if (cache !== undefined) {
      const stat = blocking ? statOf(abs) : await statOfAsync(abs);
      const hit = stat && cache.get(rel, stat.size, stat.mtimeMs);
      if (hit !== undefined) return { cached: hit };
    }
    return blocking
      ? readSourceBytesSync(abs, options.maxFileBytes)
      : await readSourceBytes(abs, options.maxFileBytes);
  };
  const outcomeOf = (rel: string, r: Fetched): CachedOutcome | undefined => {
    if ('cached' in r) return r.cached;
    let outcome: CachedOutcome | undefined;
    if ('skipped' in r.outcome) {
      const kind = r.outcome.skipped;
      outcome = kind === 'unreadable' ? undefined : { read: false, skipped: kind };
    } else {
      const unknown: UnknownAnnotation[] = [];
      const retired: UnknownAnnotation[] = [];
      const links = set.fileLinksOfBytes(rel, bufferSource(r.outcome.bytes), unknown, retired);
      outcome = { read: true, links, unknown, retired };
    }
    // An unreadable file may become readable without a new time: never remembered.
    if (outcome !== undefined) cache?.set(rel, r.size, r.mtimeMs, outcome);
    return outcome;
  };
  const record = (rel: string, outcome: CachedOutcome | undefined): void => {
    let scanned: ScannedFile | undefined;
    if (outcome === undefined || !outcome.read) {
      skipped[outcome === undefined ? 'unreadable' : outcome.skipped]++;
      // Unread files still relate by path: say so rather than drop them.
      const links = set.pathLinks(rel);
      if (links.length > 0) scanned = { path: rel, links, unknown: [], retired: [] };
    } else {
      read++;
      const { links, unknown, retired } = outcome;
      if (links.length > 0 || unknown.length > 0 || retired.length > 0)
        scanned = { path: rel, links, unknown, retired };
    }
    if (scanned !== undefined) files.push(scanned);
  };
  const workers = options.workers;
  if (blocking && workers !== undefined && workers.count > 0) {
    // What the cache answers first, then the rest on every core.
    const outcomes: (CachedOutcome | undefined)[] = new Array<CachedOutcome | undefined>(
      sources.length,
    );
    const todo: number[] = [];
    sources.forEach((rel, i) => {
      const stat = cache === undefined ? undefined : statOf(path.join(root, rel));
      const hit = stat && cache?.get(rel, stat.size, stat.mtimeMs);
      if (hit !== undefined) outcomes[i] = hit;
      else todo.push(i);
    });
    const own = (rel: string): CachedOutcome | undefined =>
      outcomeOf(rel, readSourceBytesSync(path.join(root, rel), options.maxFileBytes));
    if (todo.length >= (workers.minFiles ?? MIN_FILES_FOR_WORKERS))
      await outcomesOnCores(
        root,
        set,
        sources,
        todo,
        workers,
        { ...options, cache },
        own,
        outcomes,
      );
    else for (const i of todo) outcomes[i] = own(sources[i] as string);
    sources.forEach((rel, i) => record(rel, outcomes[i]));
    cache?.save();
    return { paths, files, read, excluded: walked.length - paths.length, skipped };
  }
  for (let i = 0; i < sources.length; i += batch) {
    const chunk = sources.slice(i, i + batch);
    const fetched = await Promise.all(chunk.map(fetch));
    for (let k = 0; k < chunk.length; k++) {
      if (slices.due()) {
        await slices.turn();
        options.signal?.throwIfAborted();
      }
      const rel = chunk[k] as string;
      record(rel, outcomeOf(rel, fetched[k] as Fetched));
    }
  }
  // The editor's scan builds the file in slices, as it reads.
  if (blocking) cache?.save();
  else await cache?.saveInSlices();
  return { paths, files, read, excluded: walked.length - paths.length, skipped };
}

/** A file's remembered outcome, or what reading it gave. */
type Fetched = { readonly cached: CachedOutcome } | BytesOutcome;

function statOf(abs: string): { size: number; mtimeMs: number } | undefined {
  try {
    return fs.statSync(abs);
  } catch {
    return undefined;
  }
}

async function statOfAsync(abs: string): Promise<{ size: number; mtimeMs: number } | undefined> {
  try {
    return await fs.promises.stat(abs);
  } catch {
    return undefined;
  }
}
