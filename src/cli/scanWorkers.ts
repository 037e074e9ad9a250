/** The workers a command-line scan reads with: one a core beside the main thread's. */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { ScanWorkers } from '../node/scanWorkers';
import { cliVersion } from './version';

/** Past this many the reads, not the matching, are what waits. */
const MAX_WORKERS = 7;

export function scanWorkers(): ScanWorkers | undefined {
  const count = Math.min(availableParallelism() - 1, MAX_WORKERS);
  if (count < 1) return undefined;
  // Bundled, the command line's own file starts a worker (main.ts tells it
  // apart); unbundled, the worker's entry beside the scan.
  const bundled = cliVersion() !== '0.0.0-unbundled';
  const script = bundled ? __filename : path.join(__dirname, '..', 'node', 'scanWorkerMain.js');
  return { count, script };
}
