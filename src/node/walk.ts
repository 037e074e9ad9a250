/**
 * Walking a source tree the way docs/needs-file.md says: `.gitignore` files (nested
 * ones too) honoured, the usual build folders never entered, symlinks not
 * followed (no loops), and binary or very large files skipped and counted.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_EXCLUDES } from '../core/excludes';
import { ignoreScope, isIgnored } from '../core/gitignore';
import type { IgnoreScope } from '../core/gitignore';

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
}

/** How long a walk runs before it lets the event loop turn (the editor walks in its extension host). */
const SLICE_MS = 15;

/**
 * Every file under `root` that is not ignored, as sorted `/`-separated
 * relative paths. Folders are read synchronously, in slices of the event
 * loop's time: a round trip through libuv's thread pool per folder cost more
 * than the reading, most of all on a busy machine.
 */
export async function walkFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const excluded = new Set([...DEFAULT_EXCLUDES, ...(options.excludes ?? [])]);
  const out: string[] = [];
  let slice = performance.now();
  const walk = async (dir: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    if (performance.now() - slice > SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      slice = performance.now();
    }
    options.signal?.throwIfAborted();
    const abs = path.join(root, dir);
    let entries;
    try {
      entries = options.blocking
        ? fs.readdirSync(abs, { withFileTypes: true })
        : await fs.promises.readdir(abs, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable while we walked: nothing to scan there
    }
    const local = entries.some((e) => e.name === '.gitignore')
      ? await readGitignore(abs, options.blocking === true)
      : undefined;
    const here = local === undefined ? scopes : [...scopes, ignoreScope(dir, local)];
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const rel = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (excluded.has(entry.name) || isIgnored(here, rel, true)) continue;
        await walk(rel, here);
      } else if (entry.isFile() && !isIgnored(here, rel, false)) {
        out.push(rel);
      }
    }
  };
  await walk('', []);
  return out;
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

/** What a synchronous read gives: the outcome, and the size and time it was read at. */
export interface StatOutcome {
  readonly outcome: ReadOutcome;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * `readSourceFile` without the callbacks, with the size and modification time
 * of the file it read (for a cache). A scan of many small files spends less
 * in four synchronous calls than in four round trips through libuv's thread
 * pool; the caller yields between batches.
 */
export function readSourceFileSync(abs: string, maxBytes = DEFAULT_MAX_FILE_BYTES): StatOutcome {
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
    return { outcome: { text: bytes.toString('utf8') }, size, mtimeMs };
  } catch {
    return { outcome: { skipped: 'unreadable' }, size, mtimeMs };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Reads a source file as text, or says why it was skipped. One open, one
 * fstat (for the size limit, before reading), one read, one close, through
 * the callback API: a scan reads tens of thousands of small files, and a
 * promise FileHandle per file (its object, its events, its promises) cost
 * more than the reading itself.
 */
export function readSourceFile(
  abs: string,
  maxBytes = DEFAULT_MAX_FILE_BYTES,
): Promise<ReadOutcome> {
  return new Promise((resolve) => {
    const read = (fd: number): void => {
      const done = (outcome: ReadOutcome): void => fs.close(fd, () => resolve(outcome));
      fs.fstat(fd, (err, stat) => {
        if (err) return done({ skipped: 'unreadable' });
        if (stat.size > maxBytes) return done({ skipped: 'large' });
        const buffer = Buffer.allocUnsafe(stat.size);
        fs.read(fd, buffer, 0, stat.size, 0, (err, bytesRead) => {
          if (err) return done({ skipped: 'unreadable' });
          const bytes = buffer.subarray(0, bytesRead);
          // A NUL byte in the first 8 KB is git's own test for binary content.
          if (bytes.subarray(0, 8192).includes(0)) return done({ skipped: 'binary' });
          done({ text: bytes.toString('utf8') });
        });
      });
    };
    try {
      fs.open(abs, 'r', (err, fd) => (err ? resolve({ skipped: 'unreadable' }) : read(fd)));
    } catch {
      // A path Node refuses outright (a NUL in it) throws rather than calls back.
      resolve({ skipped: 'unreadable' });
    }
  });
}
