/** A scan worker's entry for the unbundled code (the bundled command line is its own). */
import { runScanWorker } from './scanWorker';

runScanWorker();
