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
import {
  RACY_MS,
  sha256,
  signed,
  verified,
  writeAtomically,
  writeAtomicallyInBackground,
} from './cacheFile';
import { UNKNOWN } from './walk';
import type { FolderListings, Listing } from './walk';

const CACHE_FILE = 'walk-cache.json';
/** Bumped when the file's layout changes. */
const FORMAT = 2;

type Kept = Listing & { readonly changedMs: number };

/** `[folder, changedMs, entries, gitignore size and time or null]`, a row a folder. */
type Row = [string, number, string[], [number, number] | null];

export interface WalkCacheOptions {
  /** Another folder for the file than `<root>/.outside-in/` (an editor's storage). */
  readonly dir?: string;
  /** When the walk counts as starting (tests move it): times near it are not trusted. */
  readonly now?: number;
}

export class WalkCache implements FolderListings {
  private readonly fresh = new Map<string, Kept>();
  private dirty = false;
  private readonly now: number;

  private constructor(
    private readonly file: string,
    private readonly inTree: boolean,
    private readonly key: string,
    private readonly stored: ReadonlyMap<string, Kept>,
    options: WalkCacheOptions,
  ) {
    this.now = options.now ?? Date.now();
  }

  /**
   * The listings of `root`'s last walk under `key` (the excluded folder
   * names and the build: whatever changes what a walk keeps); a missing,
   * damaged or foreign file is an empty cache.
   */
  static open(root: string, key: string, options: WalkCacheOptions = {}): WalkCache {
    const where = WalkCache.where(root, key, options);
    let text: string | undefined;
    try {
      text = fs.readFileSync(where.file, 'utf8');
    } catch {
      text = undefined; // missing or unreadable: start empty
    }
    return new WalkCache(where.file, where.inTree, where.key, listingsIn(text, where.key), options);
  }

  /** `open`, reading on libuv's threads: for an editor. */
  static async openInBackground(
    root: string,
    key: string,
    options: WalkCacheOptions = {},
  ): Promise<WalkCache> {
    const where = WalkCache.where(root, key, options);
    const text = await fs.promises.readFile(where.file, 'utf8').catch(() => undefined);
    return new WalkCache(where.file, where.inTree, where.key, listingsIn(text, where.key), options);
  }

  private static where(
    root: string,
    key: string,
    options: WalkCacheOptions,
  ): { file: string; inTree: boolean; key: string } {
    return {
      file: path.join(options.dir ?? path.join(root, CACHE_DIR), CACHE_FILE),
      inTree: options.dir === undefined,
      // Another tree's listings must never be taken for this one's.
      key: sha256(`${FORMAT}\0${key}\0${path.resolve(root)}`),
    };
  }

  get(dir: string): Kept | undefined {
    return this.stored.get(dir);
  }

  set(dir: string, changedMs: number, listing: Listing): void {
    // A folder or `.gitignore` changed within the clock's tick may change again
    // unseen: kept with a time that never matches, so it is read again next
    // time, while the folders below it may still be trusted.
    const racy = (t: number): boolean => t > this.now - RACY_MS;
    const gitignore = listing.gitignore;
    const kept: Kept = {
      entries: listing.entries,
      changedMs: racy(changedMs) ? UNKNOWN[1] : changedMs,
      ...(gitignore === undefined ? {} : { gitignore: racy(gitignore[1]) ? UNKNOWN : gitignore }),
    };
    const before = this.stored.get(dir);
    if (before === undefined || !sameKept(before, kept)) this.dirty = true;
    this.fresh.set(dir, kept);
  }

  /** Writes the folders this walk saw, unless it saw exactly what it was told. */
  save(): void {
    if (this.unchanged()) return;
    writeAtomically(this.file, this.body(), this.inTree);
  }

  /** `save` with the write on libuv's threads: for an editor. */
  async saveInBackground(): Promise<void> {
    if (this.unchanged()) return;
    await writeAtomicallyInBackground(this.file, this.body(), this.inTree);
  }

  private unchanged(): boolean {
    return !this.dirty && this.fresh.size === this.stored.size;
  }

  private body(): string {
    const rows: Row[] = [];
    for (const [dir, l] of this.fresh)
      rows.push([dir, l.changedMs, [...l.entries], l.gitignore ? [...l.gitignore] : null]);
    return signed(JSON.stringify({ format: FORMAT, key: this.key, rows }));
  }
}

function sameKept(a: Kept, b: Kept): boolean {
  return (
    a.changedMs === b.changedMs &&
    a.gitignore?.[0] === b.gitignore?.[0] &&
    a.gitignore?.[1] === b.gitignore?.[1] &&
    a.entries.length === b.entries.length &&
    a.entries.every((e, i) => e === b.entries[i])
  );
}

/** The listings a cache file's text holds for `key`: none for a missing, damaged or foreign one. */
function listingsIn(text: string | undefined, key: string): ReadonlyMap<string, Kept> {
  const out = new Map<string, Kept>();
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
    const [dir, changedMs, entries, gitignore] = row;
    out.set(dir, gitignore === null ? { entries, changedMs } : { entries, changedMs, gitignore });
  }
  return out;
}

function isRow(row: unknown): row is Row {
  if (!Array.isArray(row) || row.length !== 4) return false;
  const [dir, changedMs, entries, gitignore] = row as unknown[];
  return (
    typeof dir === 'string' &&
    isTime(changedMs) &&
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
  if (name === '' || name === '.' || name === '..' || name.includes('/')) return false;
  // A separator on Windows, where no name holds one.
  return path.sep !== '\\' || !name.includes('\\');
}
