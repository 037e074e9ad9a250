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
}

/** Every file under `root` that is not ignored, as sorted `/`-separated relative paths. */
export async function walkFiles(root: string, options: WalkOptions = {}): Promise<string[]> {
  const excluded = new Set([...DEFAULT_EXCLUDES, ...(options.excludes ?? [])]);
  const out: string[] = [];
  const walk = async (dir: string, scopes: readonly IgnoreScope[]): Promise<void> => {
    options.signal?.throwIfAborted();
    const abs = path.join(root, dir);
    let entries;
    try {
      entries = await fs.promises.readdir(abs, { withFileTypes: true });
    } catch {
      return; // vanished or unreadable while we walked: nothing to scan there
    }
    const local = await readGitignore(abs);
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

async function readGitignore(dir: string): Promise<string | undefined> {
  try {
    return await fs.promises.readFile(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
}

export type ReadOutcome =
  { readonly text: string } | { readonly skipped: 'binary' | 'large' | 'unreadable' };

/** Files bigger than this are generated or data, not code a need speaks about. */
export const DEFAULT_MAX_FILE_BYTES = 2 * 1024 * 1024;

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
