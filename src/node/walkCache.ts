/**
 * What a walk remembers of each folder between runs (see `FolderListings` in
 * walk.ts): a second walk of an unchanged tree stats each folder instead of
 * reading it and testing its entries against every `.gitignore` above. Kept
 * beside the scan cache, under a key of its own: the listings depend on the
 * walk's rules alone, so they stay good when the needs files change.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR } from '../core/excludes';
import { RACY_MS, sha256, signed, verified, writeAtomically } from './cacheFile';
import type { FolderListings, Listing } from './walk';

const CACHE_FILE = 'walk-cache.json';
/** Bumped when the file's layout changes. */
const FORMAT = 1;

/** `[folder, mtimeMs, entries, gitignore size and time or null]`, a row a folder. */
type Row = [string, number, string[], [number, number] | null];

export class WalkCache implements FolderListings {
  private readonly fresh = new Map<string, Listing & { mtimeMs: number }>();
  private dirty = false;
  private readonly started = Date.now();

  private constructor(
    private readonly file: string,
    private readonly inTree: boolean,
    private readonly key: string,
    private readonly stored: ReadonlyMap<string, Listing & { mtimeMs: number }>,
  ) {}

  /**
   * The listings of `root`'s last walk under `key` (the excluded folder
   * names and the build: whatever changes what a walk keeps); a missing,
   * damaged or foreign file is an empty cache. In `<root>/.outside-in/`
   * unless `dir` names another folder.
   */
  static open(root: string, key: string, options: { dir?: string } = {}): WalkCache {
    const inTree = options.dir === undefined;
    const file = path.join(options.dir ?? path.join(root, CACHE_DIR), CACHE_FILE);
    // Another tree's listings must never be taken for this one's.
    const fullKey = sha256(`${FORMAT}\0${key}\0${path.resolve(root)}`);
    let text: string | undefined;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      text = undefined; // missing or unreadable: start empty
    }
    return new WalkCache(file, inTree, fullKey, listingsIn(text, fullKey));
  }

  get(dir: string): (Listing & { readonly mtimeMs: number }) | undefined {
    return this.stored.get(dir);
  }

  set(dir: string, mtimeMs: number, listing: Listing): void {
    const before = this.stored.get(dir);
    if (before === undefined || before.mtimeMs !== mtimeMs || before.entries !== listing.entries)
      this.dirty = true;
    // A folder changed within the clock's tick may change again unseen: walked again next time.
    if (mtimeMs > this.started - RACY_MS) return;
    this.fresh.set(dir, { ...listing, mtimeMs });
  }

  /** Writes the folders this walk saw, unless it saw exactly what it was told. */
  save(): void {
    if (!this.dirty && this.fresh.size === this.stored.size) return;
    const rows: Row[] = [];
    for (const [dir, l] of this.fresh)
      rows.push([
        dir,
        l.mtimeMs,
        [...l.entries],
        l.gitignore === undefined ? null : [...l.gitignore],
      ]);
    writeAtomically(
      this.file,
      signed(JSON.stringify({ format: FORMAT, key: this.key, rows })),
      this.inTree,
    );
  }
}

/** The listings a cache file's text holds for `key`: none for a missing, damaged or foreign one. */
function listingsIn(
  text: string | undefined,
  key: string,
): ReadonlyMap<string, Listing & { mtimeMs: number }> {
  const out = new Map<string, Listing & { mtimeMs: number }>();
  if (text === undefined) return out;
  let data: unknown;
  try {
    data = JSON.parse(verified(text));
  } catch {
    return out;
  }
  if (typeof data !== 'object' || data === null) return out;
  const { format, key: stored, rows } = data as Record<string, unknown>;
  if (format !== FORMAT || stored !== key || !Array.isArray(rows)) return out;
  for (const row of rows) {
    if (!isRow(row)) return new Map(); // one bad row: trust none
    const [dir, mtimeMs, entries, gitignore] = row;
    out.set(dir, gitignore === null ? { entries, mtimeMs } : { entries, mtimeMs, gitignore });
  }
  return out;
}

function isRow(row: unknown): row is Row {
  if (!Array.isArray(row) || row.length !== 4) return false;
  const [dir, mtimeMs, entries, gitignore] = row as unknown[];
  return (
    typeof dir === 'string' &&
    isTime(mtimeMs) &&
    Array.isArray(entries) &&
    entries.every(isEntry) &&
    (gitignore === null ||
      (Array.isArray(gitignore) && gitignore.length === 2 && gitignore.every(isTime)))
  );
}

function isTime(n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n);
}

/** A name in a folder, a folder's with a trailing `/`: never a path that leaves the folder. */
function isEntry(e: unknown): e is string {
  if (typeof e !== 'string') return false;
  const name = e.endsWith('/') ? e.slice(0, -1) : e;
  return name !== '' && name !== '.' && name !== '..' && !name.includes('/');
}
