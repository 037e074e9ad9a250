import { lstat, readFile, readlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { ChangedLine, FileChange } from '../core/diff';
import { GitError, runGitOk } from './gitProcess';
import type { GitOptions } from './gitProcess';

// Git calls a file binary when a NUL byte shows up in its first 8000 bytes.
const BINARY_PROBE_BYTES = 8000;

/**
 * Untracked, not ignored files under `root` (the top of the work tree), each
 * as an added file with every line added. `git diff` leaves them out, but a
 * reviewer of uncommitted work counts a new file as part of the change.
 *
 * @param budget bytes that may still be read before the change is too large
 */
export async function untrackedFiles(
  root: string,
  budget: number,
  opts: GitOptions = {},
): Promise<FileChange[]> {
  const listing = await runGitOk(root, ['ls-files', '-z', '--others', '--exclude-standard'], opts);
  const files: FileChange[] = [];
  let left = budget;
  for (const rel of listing.split('\0')) {
    // A nested repository is listed as "dir/"; its files are not ours.
    if (rel === '' || rel.endsWith('/')) continue;
    if (opts.signal?.aborted) throw new GitError('cancelled', 'Cancelled');
    const content = await readContent(path.join(root, rel));
    if (content === undefined) continue;
    left -= content.length;
    if (left < 0) {
      throw new GitError(
        'too-large',
        'The untracked files are too large to read as part of the change',
      );
    }
    files.push(addedFile(rel, content));
  }
  return files;
}

/** File bytes, or a symlink's target as git stores it; undefined for anything else or a file that went away. */
async function readContent(abs: string): Promise<Buffer | undefined> {
  try {
    const stat = await lstat(abs);
    if (stat.isSymbolicLink()) return Buffer.from(await readlink(abs), 'utf8');
    if (!stat.isFile()) return undefined;
    return await readFile(abs);
  } catch {
    return undefined;
  }
}

function addedFile(rel: string, content: Buffer): FileChange {
  const binary = content.subarray(0, BINARY_PROBE_BYTES).includes(0);
  return {
    path: rel, // git prints '/' separators on every platform
    status: 'added',
    binary,
    added: binary ? [] : linesOf(content.toString('utf8')),
    removed: [],
  };
}

function linesOf(text: string): ChangedLine[] {
  if (text === '') return [];
  const parts = text.split('\n');
  // A final line break ends the last line; it does not start another.
  if (parts[parts.length - 1] === '') parts.pop();
  return parts.map((t, i) => ({ line: i + 1, text: t.endsWith('\r') ? t.slice(0, -1) : t }));
}
