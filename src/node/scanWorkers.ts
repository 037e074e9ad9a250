/**
 * A command-line scan on several cores: this thread and `count` workers
 * (scanWorker.ts) take batches of files from one queue, so a slow start or
 * a slow file on one side never leaves the other idle. Workers rebuild
 * only what matching needs of the needs files and answer line links by
 * need id; this thread adds the path links and turns the answers into the
 * same outcomes a scan on one thread makes. A worker that fails hands its
 * batch back: the answer never depends on the workers.
 */
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { LinkRule } from '../core/model';
import type { NeedsSet, ScopedLink } from '../core/needsSet';
import type { CachedOutcome, ScanCache } from './scanCache';
import { matchingScope } from './matchingScope';
import type { WorkerAnswer, WorkerStart } from './scanWorker';
import { SCAN_WORKER } from './scanWorker';
import { timeSlices } from '../core/timeSlices';

/** How many workers, and the script that starts one (it must call `runScanWorker` in a worker). */
export interface ScanWorkers {
  readonly count: number;
  readonly script: string;
  /** Below this many files to read, starting workers costs more than they save: 2,000 by default. */
  readonly minFiles?: number;
}

/** Files a worker is handed at once: few enough that the queue evens out, enough that messages cost little. */
const WORKER_BATCH = 128;
/** Files this thread reads between looks at the workers' messages. */
const OWN_BATCH = 32;

/**
 * The outcome of each of `sources` named in `todo` (by index), made by
 * `own` on this thread or by a worker; undefined where a file is unreadable.
 */
export async function outcomesOnCores(
  root: string,
  set: NeedsSet,
  sources: readonly string[],
  todo: readonly number[],
  workers: ScanWorkers,
  options: { maxFileBytes?: number; cache?: ScanCache },
  own: (rel: string) => CachedOutcome | undefined,
  outcomes: (CachedOutcome | undefined)[],
): Promise<void> {
  let next = 0;
  const take = (n: number): number[] => {
    const batch = todo.slice(next, next + n);
    next += batch.length;
    return batch;
  };
  const handedBack: number[] = [];
  const start: WorkerStart = {
    kind: SCAN_WORKER,
    root,
    scopes: set.scopes.map(matchingScope),
    maxFileBytes: options.maxFileBytes,
  };
  const relOf = (i: number): string => sources[i] as string;
  const answered = (answers: readonly WorkerAnswer[]): void => {
    for (const a of answers) {
      const rel = relOf(a[0]);
      const outcome = outcomeOf(set, rel, a);
      outcomes[a[0]] = outcome;
      // An unreadable file may become readable without a new time: never remembered.
      if (outcome !== undefined) options.cache?.set(rel, a[1], a[2], outcome);
    }
  };
  const running: Promise<void>[] = [];
  if (existsSync(workers.script)) {
    for (let w = 0; w < workers.count; w++)
      running.push(runWorker(workers.script, start, take, relOf, answered, handedBack));
  }
  const slices = timeSlices();
  for (let batch = take(OWN_BATCH); batch.length > 0; batch = take(OWN_BATCH)) {
    for (const i of batch) outcomes[i] = own(relOf(i));
    // The workers' messages are handled only when this thread lets the event loop turn.
    if (slices.due()) await slices.turn();
  }
  await Promise.all(running);
  for (const i of handedBack) outcomes[i] = own(relOf(i));
}

/** Feeds one worker batches from `take` until the queue is empty; a failed batch goes to `handedBack`. */
function runWorker(
  script: string,
  start: WorkerStart,
  take: (n: number) => number[],
  relOf: (index: number) => string,
  answered: (answers: readonly WorkerAnswer[]) => void,
  handedBack: number[],
): Promise<void> {
  return new Promise((resolve) => {
    // Two batches in flight: the worker starts the next while this thread,
    // busy with its own files, has yet to hear it finished the last.
    const inFlight: number[][] = [];
    let worker: Worker;
    try {
      worker = new Worker(script, { workerData: start });
    } catch {
      resolve(); // no worker: this thread reads everything
      return;
    }
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      for (const batch of inFlight.splice(0)) handedBack.push(...batch);
      void worker.terminate();
      resolve();
    };
    const feed = (): void => {
      const batch = take(WORKER_BATCH);
      if (batch.length > 0) {
        inFlight.push(batch);
        worker.postMessage(batch.map((i) => [i, relOf(i)]));
      } else if (inFlight.length === 0) finish();
    };
    worker.on('message', (message: 'ready' | WorkerAnswer[]) => {
      if (message === 'ready') feed();
      else {
        answered(message);
        inFlight.shift();
      }
      feed();
    });
    worker.on('error', finish);
    worker.on('exit', finish);
  });
}

/** One answer as the outcome a scan on this thread makes: path links first, then line links. */
function outcomeOf(set: NeedsSet, rel: string, a: WorkerAnswer): CachedOutcome | undefined {
  if (a.length === 4) {
    const kind = a[3];
    return kind === 'unreadable' ? undefined : { read: false, skipped: kind };
  }
  const [, , , flat, unknown, retired] = a;
  const links: ScopedLink[] = set.pathLinks(rel);
  for (let i = 0; i < flat.length; i += 7) {
    const scope = set.scopes[flat[i + 1] as number];
    const need = scope?.index.byId.get(flat[i + 2] as string);
    if (scope === undefined || need === undefined) continue;
    links.push({
      needId: need.id,
      rule: flat[i] as LinkRule,
      match: flat[i + 3] as string,
      line: flat[i + 4] as number,
      start: flat[i + 5] as number,
      end: flat[i + 6] as number,
      need,
      needsFile: scope.needsFile,
    });
  }
  return { read: true, links, unknown, retired };
}
