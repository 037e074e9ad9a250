import * as path from 'node:path';
import { GitError, errorFromOutput, runGit, runGitOk } from './gitProcess';
import type { GitOptions } from './gitProcess';

export { GitError } from './gitProcess';
export type { GitErrorCode, GitOptions } from './gitProcess';

/**
 * Flags for `git diff`, chosen so that `parseUnifiedDiff` reads the output
 * whatever the user's config says:
 * - `-U0`: only changed lines, no context; `--inter-hunk-context=0` so
 *   `diff.interHunkContext` cannot join hunks with context lines;
 * - `-M`: renames show as renames (moving a file changes none of its lines);
 *   no `-C`, so a copied file shows as added with every line added, which is
 *   what a reviewer has to read;
 * - fixed `a/` and `b/` prefixes (beats `diff.noprefix`, `diff.mnemonicPrefix`);
 * - no colour, no external diff, no textconv, short submodule lines, and paths
 *   relative to the top of the work tree.
 */
export const GIT_DIFF_FLAGS: readonly string[] = [
  '--no-color',
  '--no-ext-diff',
  '--no-textconv',
  '--no-relative',
  '--submodule=short',
  '-U0',
  '--inter-hunk-context=0',
  '-M',
  '--src-prefix=a/',
  '--dst-prefix=b/',
];

/** Names tried, in order, when `origin/HEAD` is not set. */
const DEFAULT_BRANCH_NAMES = ['main', 'master', 'trunk'];

/** The top folder of the work tree that holds `cwd`. */
export async function repoRoot(cwd: string, opts: GitOptions = {}): Promise<string> {
  const out = await runGitOk(cwd, ['rev-parse', '--show-toplevel'], opts);
  return path.resolve(out.trim());
}

/**
 * The branch a change is reviewed against: the target of `origin/HEAD`, else
 * the first of main, master, trunk that exists locally or as `origin/<name>`
 * (in that order), else undefined.
 */
export async function defaultBranch(
  root: string,
  opts: GitOptions = {},
): Promise<string | undefined> {
  const sym = await runGit(
    root,
    ['symbolic-ref', '-q', '--short', 'refs/remotes/origin/HEAD'],
    opts,
  );
  const target = sym.stdout.trim();
  if (sym.exitCode === 0 && target !== '' && (await commitOf(root, target, opts))) return target;

  const candidates = DEFAULT_BRANCH_NAMES.flatMap((n) => [
    `refs/heads/${n}`,
    `refs/remotes/origin/${n}`,
  ]);
  const listed = await runGitOk(root, ['for-each-ref', '--format=%(refname)', ...candidates], opts);
  const present = new Set(listed.split('\n'));
  const found = candidates.find((ref) => present.has(ref));
  return found?.replace(/^refs\/(heads|remotes)\//, '');
}

/**
 * The full commit id that `rev` names.
 * @throws GitError `unknown-revision` naming `rev` when it names no commit
 */
export async function resolveRevision(
  root: string,
  rev: string,
  opts: GitOptions = {},
): Promise<string> {
  const sha = await commitOf(root, rev, opts);
  if (!sha) throw new GitError('unknown-revision', `Unknown revision "${rev}"`);
  return sha;
}

/**
 * The best common ancestor of `a` and `b`.
 * @throws GitError `no-merge-base` when they share no history, with a hint
 *   to fetch more history in a shallow clone
 */
export async function mergeBase(
  root: string,
  a: string,
  b: string,
  opts: GitOptions = {},
): Promise<string> {
  const shaA = await resolveRevision(root, a, opts);
  const shaB = await resolveRevision(root, b, opts);
  const args = ['merge-base', shaA, shaB];
  const out = await runGit(root, args, opts);
  if (out.exitCode === 0 && out.stdout.trim() !== '') return out.stdout.trim();
  if (out.exitCode !== 1) throw errorFromOutput(args, out);

  const shallow = await runGit(root, ['rev-parse', '--is-shallow-repository'], opts);
  const hint =
    shallow.stdout.trim() === 'true'
      ? 'this is a shallow clone: run "git fetch --unshallow" (or fetch enough history), or name a base revision'
      : 'name a base revision that shares history with it';
  throw new GitError('no-merge-base', `"${a}" and "${b}" have no common ancestor; ${hint}`);
}

/** The commit `rev` names, or undefined; `rev` is never read as an option. */
export async function commitOf(
  root: string,
  rev: string,
  opts: GitOptions = {},
): Promise<string | undefined> {
  if (rev === '' || rev.startsWith('-')) return undefined;
  const out = await runGit(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], opts);
  if (out.exitCode === 0) return out.stdout.trim();
  if (/not a git repository/i.test(out.stderr)) throw errorFromOutput(['rev-parse'], out);
  return undefined;
}

/** The id of the empty tree in this repository's hash (SHA-1 or SHA-256); git knows it without storing it. */
export async function emptyTree(root: string, opts: GitOptions = {}): Promise<string> {
  // stdin is /dev/null, so this hashes zero bytes.
  return (await runGitOk(root, ['hash-object', '-t', 'tree', '--stdin'], opts)).trim();
}

/** The branch HEAD is on (its short name), or undefined when HEAD is detached. */
export async function currentBranch(
  root: string,
  opts: GitOptions = {},
): Promise<string | undefined> {
  const out = await runGit(root, ['symbolic-ref', '-q', '--short', 'HEAD'], opts);
  const name = out.stdout.trim();
  return out.exitCode === 0 && name !== '' ? name : undefined;
}
