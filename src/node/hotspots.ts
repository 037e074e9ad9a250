/**
 * How often each file changed lately, from one `git log`: the input of the
 * coverage report's hotspots (docs/coverage-json.md).
 *
 * - Commits reachable from HEAD whose committer date is in the last `days`
 *   whole days: from the start (UTC) of the day `days` days before today, so
 *   the answer is the same all day long and the editor may keep it (git's
 *   `--since`: the walk stops at the first older commit, so a
 *   commit dated in the window behind an older one, after a clock skew or
 *   a rebase, is not counted).
 * - Merge commits are not counted (`--no-merges`): the commits they bring
 *   in are, once each, so a change is never counted twice.
 * - Renames (`-M`) count under the file's current path: the commits before
 *   `git mv a b` count for `b`.
 * - In a shallow clone only the history that was fetched is counted.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import type { CommitHistory } from '../core/needsCoverage';
import { repoRoot } from './git';
import { GitError, runGit, runGitOk } from './gitProcess';
import type { GitOptions } from './gitProcess';

export interface HistoryRequest extends GitOptions {
  /** The window, in whole days back from `now`. */
  readonly days: number;
  /** The end of the window; default the current time. */
  readonly now?: Date;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Printed before each commit's files; it stands where a status letter never does. */
const MARKER = 'commit';

/**
 * Commits per file (paths relative to `root`, which may be a folder inside
 * the repository) over the last `request.days` days. Outside a repository,
 * or when git cannot run, says why instead: the report must say what it did
 * not check.
 */
export async function recentCommits(root: string, request: HistoryRequest): Promise<CommitHistory> {
  const { days, now, ...git } = request;
  try {
    const top = await repoRoot(root, git);
    // git speaks from the top of the repository; the report from the root.
    const sub = path
      .relative(top, await realpath(root))
      .split(path.sep)
      .join('/');
    const head = await runGit(top, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], git);
    // A repository without a commit yet has no history to count: none changed.
    if (head.exitCode !== 0) return { available: true, days, commits: new Map() };
    const today = Math.floor((now ?? new Date()).getTime() / DAY_MS) * DAY_MS;
    const since = new Date(today - days * DAY_MS);
    const args = [
      'log',
      '-z',
      '--no-merges',
      '--no-show-signature', // log.showSignature would run gpg and print between our lines
      '--no-ext-diff',
      '--no-textconv',
      '-M',
      '--name-status',
      `--format=format:${MARKER}`,
      `--since=${since.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
      'HEAD',
      '--',
    ];
    if (sub !== '') args.push(`:(literal)${sub}`);
    const counts = countCommits(await runGitOk(top, args, git));
    return { available: true, days, commits: sub === '' ? counts : under(counts, sub) };
  } catch (e) {
    if (e instanceof GitError && e.code !== 'cancelled')
      return { available: false, days, reason: e.message };
    throw e;
  }
}

/**
 * Commits per current path from `git log -z --name-status --format=format:MARKER`
 * output, newest commit first. Each commit is the marker, a newline before its
 * first entry, NUL-ended entries (a status, then one path, or two for a rename
 * or copy), and a NUL between commits; paths may hold any byte but NUL, so the
 * output is read by position, never by looking for the marker.
 * @throws GitError `failed` when the output has another shape
 */
export function countCommits(output: string): Map<string, number> {
  const tokens = output.split('\0');
  const counts = new Map<string, number>();
  // Renames seen so far (newer ones first): an older path -> the current one.
  const renamed = new Map<string, string>();
  const current = (p: string): string => renamed.get(p) ?? p;
  let i = 0;
  const take = (): string => {
    const t = tokens[i++];
    if (t === undefined || t === '') throw malformed();
    return t;
  };
  while (i < tokens.length) {
    const header = tokens[i++] as string;
    if (header === '' && i === tokens.length) break; // the final NUL
    if (header === MARKER) continue; // a commit that changed no file
    if (!header.startsWith(`${MARKER}\n`)) throw malformed();
    const files = new Set<string>();
    let status = header.slice(MARKER.length + 1);
    for (;;) {
      const kind = status.charAt(0);
      if (!/^[ACDMRTUXB]\d*$/.test(status)) throw malformed();
      const first = take();
      if (kind === 'R' || kind === 'C') {
        const now = current(take());
        // A copy leaves its source in place: only a rename moves its history.
        if (kind === 'R') renamed.set(first, now);
        files.add(now);
      } else {
        files.add(current(first));
      }
      const next = tokens[i++];
      if (next === undefined || next === '') break; // end of this commit's entries
      status = next;
    }
    for (const f of files) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  return counts;
}

/** The counts of files inside `sub`, with paths relative to it. */
function under(counts: ReadonlyMap<string, number>, sub: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [file, n] of counts)
    if (file.startsWith(sub + '/')) out.set(file.slice(sub.length + 1), n);
  return out;
}

function malformed(): GitError {
  return new GitError('failed', 'git log printed output of an unexpected shape');
}

/**
 * The last history of each root, asked again only when HEAD or the window's
 * first day moves: Needs Health refreshes after every save, and a `git log`
 * over months of a big repository costs far more than one `git rev-parse`.
 * The window counts whole UTC days, so a history stays right for the day it
 * was taken on.
 */
export class RecentCommitsCache {
  private readonly last = new Map<string, { key: string; history: CommitHistory }>();

  async get(root: string, request: HistoryRequest): Promise<CommitHistory> {
    const { days, now, ...git } = request;
    let head;
    try {
      head = await runGit(root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], git);
    } catch {
      return recentCommits(root, request); // says why git could not run
    }
    if (head.exitCode !== 0) return recentCommits(root, request);
    const day = (now ?? new Date()).toISOString().slice(0, 10);
    const key = `${head.stdout.trim()} ${days} ${day}`;
    const cached = this.last.get(root);
    if (cached?.key === key) return cached.history;
    const history = await recentCommits(root, request);
    if (history.available) this.last.set(root, { key, history });
    return history;
  }
}
