/**
 * Commits per file from git history (src/node/hotspots.ts): a real git in
 * temporary repositories, commits with fixed dates, and the parser on
 * hand-written `git log -z --name-status` output. Every count is worked out by
 * hand from the commits made here.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as os from 'node:os';
import type { CommitHistory } from '../../src/core/needsCoverage';
import { RecentCommitsCache, countCommits, recentCommits } from '../../src/node/hotspots';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';

/** The end of every window below: commits are dated relative to it. */
const NOW = new Date('2026-06-30T12:00:00Z');

/** Stages everything and commits with both dates set to `date`. */
function commitAt(repo: TempRepo, date: string, message: string): void {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  execFileSync('git', ['add', '-A'], { cwd: repo.dir, env, stdio: 'pipe' });
  execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
    cwd: repo.dir,
    env,
    stdio: 'pipe',
  });
}

function counts(history: CommitHistory): Record<string, number> {
  assert.ok(history.available, 'git history should be available');
  return Object.fromEntries([...history.commits].sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe('countCommits (git log -z --name-status output)', () => {
  it('counts each commit once per file, newest first, renames under the current path', () => {
    const out = [
      'commit', // a commit that changed nothing
      'commit\nM',
      'src/b.ts',
      'M',
      'commit', // a file named like the marker
      '',
      'commit\nR087',
      'src/a.ts',
      'src/b.ts',
      'A',
      'M', // a file named like a status
      '',
      'commit\nM',
      'src/a.ts', // before the rename: counts for src/b.ts
      'C100',
      'src/a.ts',
      'src/copy.ts',
      'D',
      'gone\nwith newline.ts',
      '',
    ].join('\0');
    assert.deepEqual(
      Object.fromEntries(countCommits(out)),
      // src/b.ts: 3 commits (its own, the rename, and the older one as src/a.ts)
      { 'src/b.ts': 3, commit: 1, M: 1, 'src/copy.ts': 1, 'gone\nwith newline.ts': 1 },
    );
  });

  it('reads empty output as no commits', () => {
    assert.equal(countCommits('').size, 0);
  });

  it('rejects output of another shape instead of guessing', () => {
    assert.throws(() => countCommits('hello\0world\0'), /unexpected shape/);
    assert.throws(() => countCommits('commit\nM\0'), /unexpected shape/);
    assert.throws(() => countCommits('commit\nR100\0old\0'), /unexpected shape/);
  });
});

describe('recentCommits (git history)', function () {
  let repo: TempRepo;

  beforeEach(() => {
    repo = new TempRepo();
  });
  afterEach(() => repo.remove());

  it('counts the commits of the last N days per file; a merge adds none of its own', async () => {
    repo.write('old.ts', '1');
    repo.write('a.ts', '1');
    commitAt(repo, '2026-01-10T12:00:00Z', 'old: 171 days before NOW');
    repo.write('a.ts', '2');
    commitAt(repo, '2026-05-01T12:00:00Z', 'a: 60 days before');
    repo.write('a.ts', '3');
    repo.write('b.ts', '1');
    commitAt(repo, '2026-06-20T12:00:00Z', 'a and b: 10 days before');

    repo.git('checkout', '-q', '-b', 'feature');
    repo.write('b.ts', '2');
    commitAt(repo, '2026-06-25T12:00:00Z', 'b on a branch');
    repo.git('checkout', '-q', 'main');
    repo.write('c.ts', '1');
    commitAt(repo, '2026-06-26T12:00:00Z', 'c on main');
    execFileSync('git', ['merge', '-q', '--no-ff', '-m', 'merge feature', 'feature'], {
      cwd: repo.dir,
      env: {
        ...process.env,
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: os.devNull,
        GIT_AUTHOR_DATE: '2026-06-27T12:00:00Z',
        GIT_COMMITTER_DATE: '2026-06-27T12:00:00Z',
      },
      stdio: 'pipe',
    });

    // 90 days: everything from 2026-04-01 on; old.ts's only commit is older.
    assert.deepEqual(counts(await recentCommits(repo.dir, { days: 90, now: NOW })), {
      'a.ts': 2,
      'b.ts': 2,
      'c.ts': 1,
    });
    // 30 days: from 2026-05-31 on.
    assert.deepEqual(counts(await recentCommits(repo.dir, { days: 30, now: NOW })), {
      'a.ts': 1,
      'b.ts': 2,
      'c.ts': 1,
    });
    // 200 days: the first commit too (a.ts, old.ts).
    assert.deepEqual(counts(await recentCommits(repo.dir, { days: 200, now: NOW })), {
      'a.ts': 3,
      'b.ts': 2,
      'c.ts': 1,
      'old.ts': 1,
    });
  });

  it('counts the commits before a rename under the new path', async () => {
    repo.write('src/cart.ts', 'export const cart = [1, 2, 3, 4, 5, 6, 7, 8, 9];\n');
    commitAt(repo, '2026-06-01T12:00:00Z', 'add');
    repo.write('src/cart.ts', 'export const cart = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];\n');
    commitAt(repo, '2026-06-02T12:00:00Z', 'edit');
    repo.git('mv', 'src/cart.ts', 'src/basket.ts');
    commitAt(repo, '2026-06-03T12:00:00Z', 'rename');
    repo.write('src/basket.ts', 'export const cart = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];\n');
    commitAt(repo, '2026-06-04T12:00:00Z', 'edit again');
    assert.deepEqual(counts(await recentCommits(repo.dir, { days: 90, now: NOW })), {
      'src/basket.ts': 4,
    });
  });

  it('gives paths relative to a root that is a folder of the repository', async () => {
    repo.write('shop/src/a.ts', '1');
    repo.write('shop/b c.ts', '1');
    repo.write('tools/x.ts', '1');
    commitAt(repo, '2026-06-01T12:00:00Z', 'one');
    repo.write('shop/src/a.ts', '2');
    repo.write('tools/x.ts', '2');
    commitAt(repo, '2026-06-02T12:00:00Z', 'two');
    assert.deepEqual(counts(await recentCommits(`${repo.dir}/shop`, { days: 90, now: NOW })), {
      'b c.ts': 1,
      'src/a.ts': 2,
    });
  });

  it('reads file names that look like its own markers and statuses', async () => {
    for (const name of ['commit', 'M', 'R100', 'two\nlines.ts', 'tab\there.ts', 'ünï.ts'])
      repo.write(name, name);
    commitAt(repo, '2026-06-01T12:00:00Z', 'odd names');
    repo.write('commit', 'again');
    repo.write('two\nlines.ts', 'again');
    commitAt(repo, '2026-06-02T12:00:00Z', 'again');
    commitAt(repo, '2026-06-03T12:00:00Z', 'nothing changed');
    assert.deepEqual(counts(await recentCommits(repo.dir, { days: 90, now: NOW })), {
      M: 1,
      R100: 1,
      commit: 2,
      'tab\there.ts': 1,
      'two\nlines.ts': 2,
      'ünï.ts': 1,
    });
  });

  it('has no history to count before the first commit', async () => {
    assert.deepEqual(counts(await recentCommits(repo.dir, { days: 90, now: NOW })), {});
  });

  it('says why when the root is in no git repository', async () => {
    const dir = makeTempDir('outside-in-nogit-');
    try {
      const history = await recentCommits(dir, {
        days: 45,
        now: NOW,
        // A repository around the temp folder must not count: stop git's search at it.
        env: { GIT_CEILING_DIRECTORIES: os.tmpdir() },
      });
      assert.deepEqual(history, {
        available: false,
        days: 45,
        reason: 'Not inside a git repository',
      });
    } finally {
      removeDir(dir);
    }
  });
});

describe('RecentCommitsCache', () => {
  it('answers from memory until HEAD or the day moves, and then as recentCommits does', async () => {
    const repo = new TempRepo();
    try {
      repo.write('a.ts', 'a\n');
      commitAt(repo, '2026-06-20T12:00:00Z', 'a');
      const cache = new RecentCommitsCache();
      const first = await cache.get(repo.dir, { days: 90, now: NOW });
      assert.deepEqual(counts(first), { 'a.ts': 1 });
      // Same HEAD, same day: the very same answer, no new git log.
      assert.equal(await cache.get(repo.dir, { days: 90, now: NOW }), first);

      repo.write('a.ts', 'a2\n');
      repo.write('b.ts', 'b\n');
      commitAt(repo, '2026-06-25T12:00:00Z', 'a and b');
      const moved = await cache.get(repo.dir, { days: 90, now: NOW });
      assert.deepEqual(counts(moved), { 'a.ts': 2, 'b.ts': 1 });

      // The next day the window moves: asked again, and 10 days back only b.ts's commit is in it.
      const nextDay = new Date('2026-07-01T12:00:00Z');
      assert.notEqual(await cache.get(repo.dir, { days: 90, now: nextDay }), moved);
      assert.deepEqual(counts(await cache.get(repo.dir, { days: 10, now: nextDay })), {
        'a.ts': 1,
        'b.ts': 1,
      });
    } finally {
      removeDir(repo.dir);
    }
  });

  it('counts whole UTC days, so an answer kept all day is the one recentCommits gives', async () => {
    const repo = new TempRepo();
    try {
      repo.write('a.ts', 'a\n');
      // Ten days before 2026-06-30, early in the day: inside a 10-day window all of that day.
      commitAt(repo, '2026-06-20T06:00:00Z', 'a');
      const early = new Date('2026-06-30T00:05:00Z');
      const late = new Date('2026-06-30T23:55:00Z');
      const cache = new RecentCommitsCache();
      const kept = await cache.get(repo.dir, { days: 10, now: early });
      assert.deepEqual(counts(kept), { 'a.ts': 1 });
      assert.equal(await cache.get(repo.dir, { days: 10, now: late }), kept);
      assert.deepEqual(counts(await recentCommits(repo.dir, { days: 10, now: late })), {
        'a.ts': 1,
      });
      // The next day it is eleven days old.
      const next = new Date('2026-07-01T00:05:00Z');
      assert.deepEqual(counts(await cache.get(repo.dir, { days: 10, now: next })), {});
    } finally {
      removeDir(repo.dir);
    }
  });

  it('outside a repository, says why, as recentCommits does', async () => {
    const dir = makeTempDir('outside-in-nogit-');
    try {
      const request = { days: 45, now: NOW, env: { GIT_CEILING_DIRECTORIES: os.tmpdir() } };
      assert.deepEqual(
        await new RecentCommitsCache().get(dir, request),
        await recentCommits(dir, request),
      );
    } finally {
      removeDir(dir);
    }
  });
});
