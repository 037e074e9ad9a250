/** The scan cache as the commands open it: keyed on the needs files read and this build. */
import type { LoadedSet } from '../node/needsFiles';
import { ScanCache, buildStamp, cacheKey } from '../node/scanCache';
import { DEFAULT_MAX_FILE_BYTES } from '../node/walk';
import { cliVersion } from './version';

/** The cache under `root` for the needs files of `loaded`. */
export function openScanCache(root: string, loaded: LoadedSet): ScanCache {
  const key = cacheKey(loaded.files, `${cliVersion()}\0${buildStamp()}\0${DEFAULT_MAX_FILE_BYTES}`);
  return ScanCache.open(root, key, loaded.set);
}
