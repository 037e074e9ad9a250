/** The scan cache as the commands open it: keyed on the needs files read and this build. */
import { statSync } from 'node:fs';
import type { LoadedSet } from '../node/needsFiles';
import { ScanCache, cacheKey } from '../node/scanCache';
import { DEFAULT_MAX_FILE_BYTES } from '../node/walk';
import { cliVersion } from './version';

/** The cache under `root` for the needs files of `loaded`. */
export function openScanCache(root: string, loaded: LoadedSet): ScanCache {
  const key = cacheKey(loaded.files, `${cliVersion()}\0${build()}\0${DEFAULT_MAX_FILE_BYTES}`);
  return ScanCache.open(root, key, loaded.set);
}

/**
 * When the running code was built: a build between two releases (or the
 * unbundled code, which has no version) may match differently.
 */
function build(): number {
  try {
    return statSync(__filename).mtimeMs;
  } catch {
    return 0;
  }
}
