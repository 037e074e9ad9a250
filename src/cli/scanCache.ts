/** The caches as the commands open them: keyed on this build, the scan's also on the needs files read. */
import type { LoadedSet } from '../node/needsFiles';
import { ScanCache, buildStamp, cacheKey } from '../node/scanCache';
import { DEFAULT_MAX_FILE_BYTES, walkFiles } from '../node/walk';
import { WalkCache } from '../node/walkCache';
import { cliVersion } from './version';

/** The cache under `root` for the needs files of `loaded`. */
export function openScanCache(root: string, loaded: LoadedSet): ScanCache {
  const key = cacheKey(loaded.files, `${cliVersion()}\0${buildStamp()}\0${DEFAULT_MAX_FILE_BYTES}`);
  return ScanCache.open(root, key, loaded.set);
}

/**
 * Every file the commands scan under `root`; with `cache`, folders unchanged
 * since the last run are not read again (`.outside-in/walk-cache.json`).
 */
export async function walkTree(root: string, cache: boolean): Promise<string[]> {
  // The command line may block: nothing else waits on this process.
  if (!cache) return walkFiles(root, { blocking: true });
  const listings = WalkCache.open(root, `${cliVersion()}\0${buildStamp()}`);
  const paths = await walkFiles(root, { blocking: true, listings });
  listings.save();
  return paths;
}
