/**
 * The commits of a range and what each one changed, for release notes:
 * `git log BASE..HEAD` (merges left out: their changes are the commits they
 * merge), oldest first, and each commit's own diff against its first parent.
 */
import { parseUnifiedDiff } from '../core/diff';
import type { FileChange } from '../core/diff';
import { GIT_DIFF_FLAGS, resolveRevision } from './git';
import type { GitOptions } from './gitProcess';
import { runGit, runGitOk } from './gitProcess';

export interface Commit {
  readonly sha: string;
  readonly subject: string;
}

/**
 * The commits reachable from `head` and not from `base`, oldest first.
 * @throws GitError `unknown-revision` when either names no commit
 */
export async function commitsInRange(
  root: string,
  base: string,
  head: string,
  opts: GitOptions = {},
): Promise<Commit[]> {
  const from = await resolveRevision(root, base, opts);
  const to = await resolveRevision(root, head, opts);
  // NUL between fields and records: a subject may hold any other character.
  const out = await runGitOk(
    root,
    ['log', '--no-merges', '--reverse', '--format=%H%x00%s%x00', `${from}..${to}`, '--'],
    opts,
  );
  const fields = out.split('\0');
  const commits: Commit[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const sha = (fields[i] as string).trim();
    if (sha !== '') commits.push({ sha, subject: fields[i + 1] as string });
  }
  return commits;
}

/** What one commit changed, against its first parent (the empty tree for a first commit). */
export async function commitChanges(
  root: string,
  sha: string,
  opts: GitOptions = {},
): Promise<FileChange[]> {
  const parent = await runGit(root, ['rev-parse', '--verify', '--quiet', `${sha}^1`], opts);
  const from =
    parent.exitCode === 0
      ? parent.stdout.trim()
      : (await runGitOk(root, ['hash-object', '-t', 'tree', '--stdin'], opts)).trim();
  return parseUnifiedDiff(await runGitOk(root, ['diff', ...GIT_DIFF_FLAGS, from, sha, '--'], opts));
}
