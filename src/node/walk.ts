/**
 * Walking a source tree the way docs/needs-file.md says: `.gitignore` files (nested
 * ones too) honoured, the usual build folders never entered, symlinks not
 * followed (no loops), and binary or very large files skipped and counted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR, DEFAULT_EXCLUDES } from '../core/excludes';
import { ignoreScope, isIgnored } from '../core/gitignore';
import type { IgnoreScope } from '../core/gitignore';
import type { ByteSource } from '../core/needsSet';
import { timeSlices } from '../core/timeSlices';

export interface WalkOptions {
  /** Folder names never entered, in addition to the defaults. */
  readonly excludes?: readonly string[];
  readonly signal?: AbortSignal;
  /**
   * Read with synchronous calls, yielding between slices: faster for a
   * command-line run over thousands of small files. Off in the editor, whose
   * extension host must never wait on a slow or hung disk (a network mount).
   */
  readonly blocking?: boolean;
  /** What earlier walks saw of each folder (walkCache.ts): a folder unchanged since is not read. */
  readonly listings?: FolderListings;
}

/** A folder's entries as a walk kept them, in order: names, a folder's with a trailing `/`. */
export interface Listing {
  readonly entries: readonly string[];
  /**
   * The size and change time of the folder's `.gitignore`, when it has one:
   * editing it in place leaves the folder's time alone, and its rules shape
   * every folder below.
   */
  readonly gitignore?: readonly [number, number];
}

/**
 * What a walk remembers of each folder between runs, keyed on the folder's
 * change time: adding, removing or renaming an entry changes it, so a folder
 * whose time is unchanged lists what it listed (what git's untracked cache
 * trusts). Its files' contents are another matter: the scan cache stats
 * each file.
 */
export interface FolderListings {
  /** The listing kept for `dir`, with the folder's change time when it was read. */
  get(dir: string): (Listing & { readonly changedMs: number }) | undefined;
  /** Keeps `dir`'s listing, read at the folder's change time `changedMs`. */
  set(dir: string, changedMs: number, listing: Listing): void;
}

/**
 * Every file under `root` that is not ignored, as sorted `/`-separated
 * relative paths. Folders are read synchronously, in slices of the event
 * loop's time: a round trip through libuv's thread pool per folder cost more
 * than the reading, most of all on a busy machine.
 */
export async function walkFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  // Our own caches' folder too: it keeps itself out of git, and a walk that
  // entered it would see it change at every save.
  const excluded = new Set([...DEFAULT_EXCLUDES, CACHE_DIR, ...(options.excludes ?? [])]);
  const blocking = options.blocking === true;
  const listings = options.listings;
  const out: string[] = [];
  // The editor walks in its extension host.
  const slices = timeSlices();
  /**
   * `scopes` gives the `.gitignore` rules above `dir`, read only when asked:
   * a folder listed from memory needs none. `trusted`: no `.gitignore`
   * above changed, so a remembered listing may be used.
   */
  const walk = async (dir: string, scopes: Scopes, trusted: boolean): Promise<void> => {
    if (slices.due()) await slices.turn();
    options.signal?.throwIfAborted();
    const abs = path.join(root, dir);
    const rel = (name: string): string => (dir === '' ? name : `${dir}/${name}`);
    // The folder's time before its entries: a change in between is seen next time.
    const time = listings === undefined ? undefined : await timeOf(abs, blocking);
    const known = listings?.get(dir);
    const gitignoreNow = async (): Promise<readonly [number, number] | undefined> =>
      known?.gitignore === undefined ? undefined : await gitignoreOf(abs, blocking);
    if (
      trusted &&
      known !== undefined &&
      time !== undefined &&
      known.changedMs === time[1] &&
      sameSignature(known.gitignore, await gitignoreNow())
    ) {
      listings?.set(dir, time[1], known);
      const here = known.gitignore === undefined ? scopes : scopesWith(scopes, abs, dir, blocking);
      for (const entry of known.entries) {
        if (entry.endsWith('/')) await walk(rel(entry.slice(0, -1)), here, true);
        else out.push(rel(entry));
      }
      return;
    }
    let entries;
    try {
      entries = blocking
        ? fs.readdirSync(abs, { withFileTypes: true })
        : await fs.promises.readdir(abs, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable while we walked: nothing to scan there
    }
    const hasGitignore = entries.some((e) => e.name === '.gitignore');
    // Its signature only matters to a walk that remembers.
    const gitignore =
      hasGitignore && listings !== undefined ? await gitignoreOf(abs, blocking) : undefined;
    const hereScopes = hasGitignore ? scopesWith(scopes, abs, dir, blocking) : scopes;
    const here = await hereScopes();
    // Rules that changed here change what every folder below keeps.
    const below = trusted && known !== undefined && sameSignature(known.gitignore, gitignore);
    const kept: string[] = [];
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const name = rel(entry.name);
      if (entry.isDirectory()) {
        if (excluded.has(entry.name) || isIgnored(here, name, true)) continue;
        kept.push(`${entry.name}/`);
        await walk(name, hereScopes, below);
      } else if (entry.isFile() && !isIgnored(here, name, false)) {
        kept.push(entry.name);
        out.push(name);
      }
    }
    if (time !== undefined)
      listings?.set(
        dir,
        time[1],
        gitignore === undefined ? { entries: kept } : { entries: kept, gitignore },
      );
  };
  await walk('', () => Promise.resolve([]), true);
  return out;
}

/** The `.gitignore` rules of a folder and above, read when first asked. */
type Scopes = () => Promise<readonly IgnoreScope[]>;

function scopesWith(above: Scopes, abs: string, dir: string, blocking: boolean): Scopes {
  let made: Promise<readonly IgnoreScope[]> | undefined;
  return () =>
    (made ??= (async () => {
      const local = await readGitignore(abs, blocking);
      const scopes = await above();
      return local === undefined ? scopes : [...scopes, ignoreScope(dir, local)];
    })());
}

/**
 * `[size, ctimeMs]` of `abs`, or undefined when it is missing. The change
 * time, not the modification time: it moves with every entry added, removed
 * or renamed and with a change of permissions, and no tool sets it back
 * (`touch`, `tar` and `cp -a` set modification times only).
 */
async function timeOf(
  abs: string,
  blocking: boolean,
): Promise<readonly [number, number] | undefined> {
  try {
    const stat = blocking ? fs.statSync(abs) : await fs.promises.stat(abs);
    return [stat.size, stat.ctimeMs];
  } catch {
    return undefined;
  }
}

/**
 * The signature of a folder's `.gitignore`; one that cannot be statted (a
 * dangling link) gets one that never matches, so the folder is read again
 * each time rather than trusted.
 */
async function gitignoreOf(abs: string, blocking: boolean): Promise<readonly [number, number]> {
  return (await timeOf(path.join(abs, '.gitignore'), blocking)) ?? UNKNOWN;
}

/** A signature no file has. */
export const UNKNOWN: readonly [number, number] = [-1, -1];

function sameSignature(
  a: readonly [number, number] | undefined,
  b: readonly [number, number] | undefined,
): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a[0] === b[0] && a[1] === b[1] && a[0] !== UNKNOWN[0];
}

async function readGitignore(dir: string, blocking: boolean): Promise<string | undefined> {
  const file = path.join(dir, '.gitignore');
  try {
    return blocking ? fs.readFileSync(file, 'utf8') : await fs.promises.readFile(file, 'utf8');
  } catch {
    return undefined;
  }
}

export type ReadOutcome =
  { readonly text: string } | { readonly skipped: 'binary' | 'large' | 'unreadable' };

/** Files bigger than this are generated or data, not code a need speaks about. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

/**
 * What a read gives: the bytes, undecoded, or why the file was skipped; with
 * the size and time the file was read at (for a cache), -1 when unknown.
 */
export interface BytesOutcome {
  readonly outcome:
    { readonly bytes: Buffer } | { readonly skipped: 'binary' | 'large' | 'unreadable' };
  readonly size: number;
  readonly mtimeMs: number;
}

/** A read file's bytes as the core reads them: decoded a line at a time, as needed. */
export function bufferSource(bytes: Buffer): ByteSource {
  return {
    bytes,
    decode: (start, end) => bytes.toString('utf8', start, end),
    includes: (ascii) => bytes.includes(ascii),
  };
}

/**
 * `readSourceBytes` with synchronous calls, with the size and modification time
 * of the file it read (for a cache), and its bytes undecoded: the scan decodes
 * only the lines that may hold a link (see `NeedsSet.fileLinksOfBytes`). A
 * scan of many small files spends less in four synchronous calls than in four
 * round trips through libuv's thread pool; the caller yields between batches.
 */
export function readSourceBytesSync(abs: string, maxBytes = DEFAULT_MAX_FILE_BYTES): BytesOutcome {
  let fd: number;
  try {
    fd = fs.openSync(abs, 'r');
  } catch {
    return { outcome: { skipped: 'unreadable' }, size: -1, mtimeMs: -1 };
  }
  let size = -1;
  let mtimeMs = -1;
  try {
    const stat = fs.fstatSync(fd);
    size = stat.size;
    mtimeMs = stat.mtimeMs;
    if (size > maxBytes) return { outcome: { skipped: 'large' }, size, mtimeMs };
    const buffer = Buffer.allocUnsafe(size);
    let got = 0;
    // A file may shrink while read: stop at its end.
    while (got < size) {
      const n = fs.readSync(fd, buffer, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    const bytes = buffer.subarray(0, got);
    // A NUL byte in the first 8 KB is git's own test for binary content.
    if (bytes.subarray(0, 8192).includes(0))
      return { outcome: { skipped: 'binary' }, size, mtimeMs };
    return { outcome: { bytes }, size, mtimeMs };
  } catch {
    return { outcome: { skipped: 'unreadable' }, size, mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `readSourceBytesSync` through the callback API, for an editor: a slow or
 * hung disk never blocks the thread. One open, one fstat (for the size limit
 * before reading, and the size and time a cache keys on), one read (more if
 * the system returns less), one close: a scan reads tens of thousands of small files, and a promise
 * FileHandle per file (its object, its events, its promises) cost more than
 * the reading itself.
 */
export function readSourceBytes(
  abs: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<BytesOutcome> {
  return new Promise((resolve) => {
    const read = (fd: number): void => {
      let size = -1;
      let mtimeMs = -1;
      const done = (outcome: BytesOutcome['outcome']): void =>
        fs.close(fd, () => resolve({ outcome, size, mtimeMs }));
      fs.fstat(fd, (err, stat) => {
        if (err) return done({ skipped: 'unreadable' });
        size = stat.size;
        mtimeMs = stat.mtimeMs;
        if (size > maxBytes) return done({ skipped: 'large' });
        const buffer = Buffer.allocUnsafe(size);
        // A read may return less than asked: read on to the end. A file may
        // shrink while read: stop where it ends.
        const readFrom = (got: number): void => {
          if (got === size) return finish(got);
          fs.read(fd, buffer, got, size - got, got, (err, n) => {
            if (err) done({ skipped: 'unreadable' });
            else if (n === 0) finish(got);
            else readFrom(got + n);
          });
        };
        const finish = (got: number): void => {
          const bytes = buffer.subarray(0, got);
          // A NUL byte in the first 8 KB is git's own test for binary content.
          if (bytes.subarray(0, 8192).includes(0)) return done({ skipped: 'binary' });
          done({ bytes });
        };
        readFrom(0);
      });
    };
    const unreadable: BytesOutcome = { outcome: { skipped: 'unreadable' }, size: -1, mtimeMs: -1 };
    try {
      fs.open(abs, 'r', (err, fd) => (err ? resolve(unreadable) : read(fd)));
    } catch {
      // A path Node refuses outright (a NUL in it) throws rather than calls back.
      resolve(unreadable);
    }
  });
}

/** Reads a source file as text, or says why it was skipped. */
export async function readSourceFile(
  abs: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<ReadOutcome> {
  const { outcome } = await readSourceBytes(abs, maxBytes);
  return 'bytes' in outcome ? { text: outcome.bytes.toString('utf8') } : outcome;
}
