/**
 * The worker side of a scan on several cores (see scanWorkers.ts): it
 * rebuilds the needs' matching from the parts the main thread sends, then
 * reads and matches each batch of files it is given and answers with their
 * line links by need id. Path links are the main thread's: they come from
 * the globs alone.
 */
import * as path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import type { UnknownAnnotation } from '../core/match';
import { matchingSet } from './matchingScope';
import type { MatchingScope } from './matchingScope';
import { bufferSource, readSourceBytesSync } from './walk';

/** What a worker is told it is for, so a bundle can tell a scan worker from a run. */
export const SCAN_WORKER = 'outside-in-scan-worker';

export interface WorkerStart {
  readonly kind: typeof SCAN_WORKER;
  readonly root: string;
  readonly scopes: readonly MatchingScope[];
  readonly maxFileBytes: number | undefined;
}

/**
 * One file's answer: `[index, size, mtimeMs, skipped]` for a file not read,
 * else `[index, size, mtimeMs, links, unknown, retired]` with links flat as
 * rule, scope, need id, match, line, start, end.
 */
export type WorkerAnswer =
  | [number, number, number, 'binary' | 'large' | 'unreadable']
  | [number, number, number, (string | number)[], UnknownAnnotation[], UnknownAnnotation[]];

/** Whether this thread is a scan worker: true once it has started answering. */
export function isScanWorker(): boolean {
  return (workerData as Partial<WorkerStart> | undefined)?.kind === SCAN_WORKER;
}

export function runScanWorker(): void {
  const start = workerData as WorkerStart;
  const port = parentPort;
  if (port === null) return;
  const set = matchingSet(start.scopes);
  const scopeOf = new Map(set.scopes.map((s, i) => [s.needsFile, i]));
  port.on('message', (batch: readonly [number, string][] | null) => {
    if (batch === null) {
      port.close();
      return;
    }
    const answers: WorkerAnswer[] = [];
    for (const [index, rel] of batch) {
      const r = readSourceBytesSync(path.join(start.root, rel), start.maxFileBytes);
      if ('skipped' in r.outcome) {
        answers.push([index, r.size, r.mtimeMs, r.outcome.skipped]);
        continue;
      }
      const unknown: UnknownAnnotation[] = [];
      const retired: UnknownAnnotation[] = [];
      const flat: (string | number)[] = [];
      for (const l of set.fileLinksOfBytes(rel, bufferSource(r.outcome.bytes), unknown, retired)) {
        if (l.rule === 'path') continue;
        flat.push(
          l.rule,
          scopeOf.get(l.needsFile) ?? -1,
          l.needId,
          l.match,
          l.line ?? -1,
          l.start ?? -1,
          l.end ?? -1,
        );
      }
      answers.push([index, r.size, r.mtimeMs, flat, unknown, retired]);
    }
    port.postMessage(answers);
  });
  port.postMessage('ready');
}
