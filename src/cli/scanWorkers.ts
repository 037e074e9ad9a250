/** The workers a command-line scan reads with: none below three cores, then one a core beside the main thread's, seven at most. */
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import type { ScanWorkers } from '../node/scanWorkers';
import { cliVersion } from './version';

/** Past this many the reads, not the matching, are what waits. */
const MAX_WORKERS = 7;

/**
 * One worker beside the main thread measured slower than none on two cores
 * (a 20,000-file tree: 4 to 15% over a dozen runs): it takes a fifth of the
 * scan to start and build its index, and the main thread still decodes its
 * answers and makes their path links. So two workers at least, or none.
 */
const MIN_WORKERS = 2;

/** The workers for a machine of `cores` cores (this one's by default); none below three. */
export function scanWorkers(cores = availableParallelism()): ScanWorkers | undefined {
  const count = Math.min(cores - 1, MAX_WORKERS);
  if (count < MIN_WORKERS) return undefined;
  // Bundled, the command line's own file starts a worker (main.ts tells it
  // apart); unbundled, the worker's entry beside the scan.
  const bundled = cliVersion() !== '0.0.0-unbundled';
  const script = bundled ? __filename : path.join(__dirname, '..', 'node', 'scanWorkerMain.js');
  return { count, script };
}
