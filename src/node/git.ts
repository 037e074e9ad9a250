import * as path from 'node:path';
import { parseUnifiedDiff } from '../core/diff';
import type { FileChange } from '../core/diff';
import { DEFAULT_MAX_BYTES, GitError, errorFromOutput, runGit, runGitOk } from './gitProcess';
import type { GitOptions } from './gitProcess';
import { untrackedFiles } from './untracked';

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
      ? 'this is a shallow clone: run "git fetch --unshallow" (or fetch enough history), or name a base revision (--base)'
      : 'name a base revision (--base) that shares history with it';
  throw new GitError('no-merge-base', `"${a}" and "${b}" have no common ancestor; ${hint}`);
}

export interface DiffRequest {
  /** Any folder inside the work tree; paths in the result are relative to its top. */
  root: string;
  /** Default: the merge-base of HEAD (or `head`) with the default branch. */
  base?: string;
  /** Default: the working tree, untracked files included. */
  head?: string;
  /** Compare the index (staged changes) with BASE; cannot be combined with `head`. */
  staged?: boolean;
  signal?: AbortSignal;
  /** Per git command; default 60 s. */
  timeoutMs?: number;
  /** Largest diff accepted, in bytes; default 256 MiB. */
  maxBytes?: number;
  gitPath?: string;
  env?: Readonly<Record<string, string | undefined>>;
}

export interface DiffResult {
  /** The commit compared against: the merge-base of BASE and HEAD. */
  base: string;
  /** A commit id, or `WORKTREE` or `INDEX`. */
  head: string;
  files: FileChange[];
}

/**
 * The change under review, as `git diff BASE...HEAD` sees it.
 *
 * - `head` given: `git diff <merge-base> <head>`.
 * - `staged`: `git diff --cached <merge-base of BASE and HEAD>`.
 * - otherwise the working tree against the merge-base of BASE and HEAD, plus
 *   untracked (not ignored) files as added files.
 *
 * Without `base`, BASE is the default branch (see defaultBranch). On the
 * default branch itself that makes the merge-base HEAD, so the change is the
 * uncommitted work. With no default branch at all, BASE is HEAD for the same
 * reason; before the first commit it is the empty tree.
 */
export async function diff(req: DiffRequest): Promise<DiffResult> {
  const opts: GitOptions = {
    gitPath: req.gitPath,
    env: req.env,
    signal: req.signal,
    timeoutMs: req.timeoutMs,
    maxBytes: req.maxBytes,
  };
  if (req.staged && req.head !== undefined) {
    throw new GitError(
      'failed',
      'A staged diff compares the index with BASE; it takes no HEAD revision',
    );
  }
  const root = await repoRoot(req.root, opts);
  const headSha = req.head !== undefined ? await resolveRevision(root, req.head, opts) : undefined;
  const tip = headSha ?? (await commitOf(root, 'HEAD', opts));
  const tipName = req.head ?? 'HEAD';

  let base: string;
  if (req.base !== undefined) {
    // Before the first commit there is no HEAD to meet: compare with BASE itself.
    base = tip
      ? await mergeBase(root, req.base, tipName, opts)
      : await resolveRevision(root, req.base, opts);
  } else {
    base = await defaultBase(root, tip, tipName, opts);
  }

  const args = ['diff', ...GIT_DIFF_FLAGS];
  if (headSha) args.push(base, headSha);
  else if (req.staged) args.push('--cached', base);
  else args.push(base);
  args.push('--');
  const text = await runGitOk(root, args, opts);
  const files = parseUnifiedDiff(text);

  if (!headSha && !req.staged) {
    const budget = (req.maxBytes ?? DEFAULT_MAX_BYTES) - Buffer.byteLength(text);
    const known = new Set(files.map((f) => f.path));
    for (const f of await untrackedFiles(root, budget, opts)) if (!known.has(f.path)) files.push(f);
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  return { base, head: headSha ?? (req.staged ? 'INDEX' : 'WORKTREE'), files };
}

async function defaultBase(
  root: string,
  tip: string | undefined,
  tipName: string,
  opts: GitOptions,
): Promise<string> {
  if (!tip) return emptyTree(root, opts);
  const branch = await defaultBranch(root, opts);
  if (!branch) return tip;
  return mergeBase(root, branch, tipName, opts);
}

/** The commit `rev` names, or undefined; `rev` is never read as an option. */
async function commitOf(root: string, rev: string, opts: GitOptions): Promise<string | undefined> {
  if (rev === '' || rev.startsWith('-')) return undefined;
  const out = await runGit(root, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], opts);
  if (out.exitCode === 0) return out.stdout.trim();
  if (/not a git repository/i.test(out.stderr)) throw errorFromOutput(['rev-parse'], out);
  return undefined;
}

/** The id of the empty tree in this repository's hash (SHA-1 or SHA-256); git knows it without storing it. */
async function emptyTree(root: string, opts: GitOptions): Promise<string> {
  // stdin is /dev/null, so this hashes zero bytes.
  return (await runGitOk(root, ['hash-object', '-t', 'tree', '--stdin'], opts)).trim();
}
