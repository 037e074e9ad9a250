/** Which tree a command works on: `--root`, else the repository around the cwd, else the cwd. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../node/git';
import { UsageError } from './io';

export async function resolveRoot(cwd: string, root: string | undefined): Promise<string> {
  if (root !== undefined) {
    const abs = path.resolve(cwd, root);
    const stat = await fs.stat(abs).catch(() => undefined);
    if (!stat?.isDirectory()) throw new UsageError(`--root ${root}: not a readable folder`);
    return abs;
  }
  try {
    return await repoRoot(cwd);
  } catch {
    // Not in a repository (or no git): the folder we are in is the tree.
    return cwd;
  }
}

/** `abs` relative to `root` with `/` separators, or undefined when outside it. */
export function relativeTo(root: string, abs: string): string | undefined {
  const rel = path.relative(root, abs);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return rel.split(path.sep).join('/');
}
