import * as assert from 'node:assert/strict';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { FileChange } from '../../src/core/diff';
import { changeUnderReview } from '../../src/node/changeUnderReview';
import { GitError, defaultBranch, mergeBase, repoRoot, resolveRevision } from '../../src/node/git';
import { TempRepo, gitSync, makeTempDir, removeDir } from './helpers/gitRepo';

const ACCENTED = 'sp acé.ts';

function byPath(files: readonly FileChange[], p: string): FileChange {
  const f = files.find((x) => x.path === p);
  assert.ok(f, `expected ${p} among ${files.map((x) => x.path).join(', ')}`);
  return f;
}

async function rejectsWith(p: Promise<unknown>, code: string, message?: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof GitError, `expected a GitError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

describe('git adapter', () => {
  const cleanUp: string[] = [];
  after(() => cleanUp.forEach(removeDir));

  describe('a feature branch with committed, staged, unstaged and untracked changes', () => {
    let repo: TempRepo;
    let forkPoint: string;
    let featureTip: string;

    before(() => {
      repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('.gitignore', '*.log\n');
      repo.write('src/a.ts', 'one\ntwo\nthree\n');
      repo.write('src/old.ts', 'keep me\nmove me\n');
      repo.write('docs/gone.md', 'bye\n');
      repo.write('img.bin', new Uint8Array([0, 1, 2, 3]));
      forkPoint = repo.commitAll('first');

      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('src/a.ts', 'one\nTWO\nthree\nfour\n');
      repo.git('mv', 'src/old.ts', 'src/new.ts');
      repo.git('rm', '-q', 'docs/gone.md');
      repo.write('img.bin', new Uint8Array([0, 9, 9]));
      repo.write(ACCENTED, 'hello\n');
      featureTip = repo.commitAll('feature work');

      // main moves on after the fork; none of this belongs to the feature.
      repo.git('checkout', '-q', 'main');
      repo.write('main-only.txt', 'not ours\n');
      repo.commitAll('main moves on');
      repo.git('checkout', '-q', 'feature');

      // Uncommitted work on the feature branch.
      repo.write('src/staged.ts', 's1\n');
      repo.git('add', 'src/staged.ts');
      repo.write('src/a.ts', 'one\nTWO\nthree\nfour\nfive\n');
      repo.write('notes/new.txt', 'alpha\r\nbeta');
      repo.write('debug.log', 'ignored\n');
    });

    function assertCommittedFeatureWork(files: readonly FileChange[]): void {
      assert.deepEqual(byPath(files, 'docs/gone.md'), {
        path: 'docs/gone.md',
        status: 'deleted',
        binary: false,
        added: [],
        removed: [{ line: 1, text: 'bye' }],
      });
      assert.deepEqual(byPath(files, 'img.bin'), {
        path: 'img.bin',
        status: 'modified',
        binary: true,
        added: [],
        removed: [],
      });
      assert.deepEqual(byPath(files, ACCENTED), {
        path: ACCENTED,
        status: 'added',
        binary: false,
        added: [{ line: 1, text: 'hello' }],
        removed: [],
      });
      assert.deepEqual(byPath(files, 'src/new.ts'), {
        path: 'src/new.ts',
        oldPath: 'src/old.ts',
        status: 'renamed',
        binary: false,
        added: [],
        removed: [],
      });
      assert.ok(
        !files.some((f) => f.path === 'main-only.txt'),
        'main-only.txt is not part of the feature',
      );
    }

    it('diffs an explicit HEAD against the merge-base with the default branch', async () => {
      const result = await changeUnderReview(repo.dir, { mode: 'compare', head: 'feature' });
      assert.equal(result.base, forkPoint);
      assert.equal(result.head, featureTip);
      assert.deepEqual(
        result.files.map((f) => f.path),
        ['docs/gone.md', 'img.bin', ACCENTED, 'src/a.ts', 'src/new.ts'],
      );
      assertCommittedFeatureWork(result.files);
      assert.deepEqual(byPath(result.files, 'src/a.ts'), {
        path: 'src/a.ts',
        status: 'modified',
        binary: false,
        added: [
          { line: 2, text: 'TWO' },
          { line: 4, text: 'four' },
        ],
        removed: [{ line: 2, text: 'two' }],
      });
    });

    it('takes an explicit BASE as BASE...HEAD, i.e. from the merge-base', async () => {
      const result = await changeUnderReview(repo.dir, {
        mode: 'compare',
        base: 'main',
        head: 'feature',
      });
      assert.equal(result.base, forkPoint);
      assertCommittedFeatureWork(result.files);
    });

    it('diffs the working tree by default, with staged, unstaged and untracked files', async () => {
      const result = await changeUnderReview(repo.dir, { mode: 'compare' });
      assert.equal(result.base, forkPoint);
      assert.equal(result.head, 'WORKTREE');
      assertCommittedFeatureWork(result.files);
      assert.deepEqual(byPath(result.files, 'src/a.ts').added, [
        { line: 2, text: 'TWO' },
        { line: 4, text: 'four' },
        { line: 5, text: 'five' },
      ]);
      assert.deepEqual(byPath(result.files, 'src/staged.ts').added, [{ line: 1, text: 's1' }]);
      assert.deepEqual(byPath(result.files, 'notes/new.txt'), {
        path: 'notes/new.txt',
        status: 'added',
        binary: false,
        added: [
          { line: 1, text: 'alpha' },
          { line: 2, text: 'beta' },
        ],
        removed: [],
      });
      assert.ok(!result.files.some((f) => f.path === 'debug.log'), 'ignored files stay out');
    });

    it('diffs the index against HEAD when staged, without unstaged or untracked work', async () => {
      const result = await changeUnderReview(repo.dir, { mode: 'staged' });
      assert.equal(result.base, featureTip);
      assert.equal(result.head, 'INDEX');
      // Only src/staged.ts is in the index; src/a.ts's "five" and notes/new.txt are not.
      assert.deepEqual(result.files, [
        {
          path: 'src/staged.ts',
          status: 'added',
          binary: false,
          added: [{ line: 1, text: 's1' }],
          removed: [],
        },
      ]);
    });

    it('resolves revisions to full ids and names an unknown one', async () => {
      assert.equal(await resolveRevision(repo.dir, 'feature'), featureTip);
      assert.equal(await mergeBase(repo.dir, 'main', 'feature'), forkPoint);
      await rejectsWith(
        resolveRevision(repo.dir, 'no-such-branch'),
        'unknown-revision',
        /"no-such-branch"/,
      );
      await rejectsWith(resolveRevision(repo.dir, '--all'), 'unknown-revision', /"--all"/);
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'compare', base: 'nope' }),
        'unknown-revision',
        /Unknown revision "nope"/,
      );
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'compare', head: 'nope2' }),
        'unknown-revision',
        /"nope2"/,
      );
    });

    it('finds the top of the work tree from a subfolder', async () => {
      assert.equal(await repoRoot(path.join(repo.dir, 'src')), repo.dir);
      assert.equal(await defaultBranch(repo.dir), 'main');
    });

    it('gives a clear error when the diff is bigger than allowed', async () => {
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'compare', head: 'feature' }, { maxBytes: 10 }),
        'too-large',
        /too large/,
      );
    });

    it('stops when cancelled before it starts', async () => {
      const controller = new AbortController();
      controller.abort();
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'compare' }, { signal: controller.signal }),
        'cancelled',
      );
    });
  });

  describe('choosing the default branch and base', () => {
    it('uses origin/HEAD in a clone', async () => {
      const origin = new TempRepo();
      cleanUp.push(origin.dir);
      origin.write('a.txt', 'a\n');
      const first = origin.commitAll('first');
      const cloneDir = makeTempDir('outside-in-clone-');
      cleanUp.push(cloneDir);
      gitSync(cloneDir, 'clone', '-q', origin.dir, '.');
      assert.equal(await defaultBranch(cloneDir), 'origin/main');
      const result = await changeUnderReview(cloneDir, { mode: 'compare' });
      assert.equal(result.base, first);
      assert.deepEqual(result.files, []);
    });

    it('falls back to trunk, locally or on origin, and to undefined', async () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('a.txt', 'a\n');
      repo.commitAll('first');
      repo.git('branch', '-m', 'main', 'trunk');
      assert.equal(await defaultBranch(repo.dir), 'trunk');
      repo.git('branch', '-m', 'trunk', 'work');
      assert.equal(await defaultBranch(repo.dir), undefined);
      repo.git('update-ref', 'refs/remotes/origin/master', 'HEAD');
      assert.equal(await defaultBranch(repo.dir), 'origin/master');
    });

    it('on the default branch itself, the change is the uncommitted work', async () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('a.txt', 'a\n');
      const tip = repo.commitAll('first');
      repo.write('a.txt', 'a\nb\n');
      const result = await changeUnderReview(repo.dir, { mode: 'compare' });
      assert.equal(result.base, tip);
      assert.deepEqual(result.files, [
        {
          path: 'a.txt',
          status: 'modified',
          binary: false,
          added: [{ line: 2, text: 'b' }],
          removed: [],
        },
      ]);
    });

    it('with no default branch, BASE is HEAD; detached HEAD works with explicit revisions', async () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('a.txt', 'a\n');
      const first = repo.commitAll('first');
      repo.write('a.txt', 'a\nsecond\n');
      const second = repo.commitAll('second');
      repo.git('branch', '-m', 'main', 'work');
      repo.git('checkout', '-q', '--detach', 'HEAD');
      repo.write('b.txt', 'new\n');

      const worktree = await changeUnderReview(repo.dir, { mode: 'compare' });
      assert.equal(worktree.base, second);
      assert.deepEqual(
        worktree.files.map((f) => [f.path, f.status]),
        [['b.txt', 'added']],
      );

      const explicit = await changeUnderReview(repo.dir, {
        mode: 'compare',
        base: first,
        head: 'HEAD',
      });
      assert.deepEqual(explicit, {
        top: repo.dir,
        folder: '',
        base: first,
        head: second,
        labels: { base: first, head: 'HEAD' },
        files: [
          {
            path: 'a.txt',
            status: 'modified',
            binary: false,
            added: [{ line: 2, text: 'second' }],
            removed: [],
          },
        ],
      });
    });

    it('before the first commit, compares with the empty tree', async () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('first.txt', 'x\n');
      repo.git('add', 'first.txt');
      const result = await changeUnderReview(repo.dir, { mode: 'staged' });
      assert.equal(result.head, 'INDEX');
      assert.deepEqual(result.files, [
        {
          path: 'first.txt',
          status: 'added',
          binary: false,
          added: [{ line: 1, text: 'x' }],
          removed: [],
        },
      ]);
    });

    it('explains a shallow clone where the merge-base is missing', async () => {
      const origin = new TempRepo();
      cleanUp.push(origin.dir);
      origin.write('a.txt', 'a\n');
      origin.commitAll('A');
      origin.git('checkout', '-q', '-b', 'feature');
      origin.write('f.txt', 'f\n');
      origin.commitAll('C');
      origin.git('checkout', '-q', 'main');
      origin.write('b.txt', 'b\n');
      origin.commitAll('B');

      const cloneDir = makeTempDir('outside-in-shallow-');
      cleanUp.push(cloneDir);
      const url = 'file://' + origin.dir.split(path.sep).join('/');
      gitSync(cloneDir, 'clone', '-q', '--depth', '1', '--no-single-branch', url, '.');
      await rejectsWith(
        changeUnderReview(cloneDir, {
          mode: 'compare',
          base: 'origin/main',
          head: 'origin/feature',
        }),
        'no-merge-base',
        /"origin\/main" and "origin\/feature" have no common ancestor.*git fetch --unshallow/,
      );
    });
  });

  describe('errors from the environment', () => {
    it('reports a folder outside any repository', async () => {
      const dir = makeTempDir('outside-in-norepo-');
      cleanUp.push(dir);
      await rejectsWith(repoRoot(dir), 'not-a-repo');
      await rejectsWith(changeUnderReview(dir, { mode: 'compare' }), 'not-a-repo');
    });

    it('reports git missing from PATH', async () => {
      const emptyBin = makeTempDir('outside-in-nobin-');
      cleanUp.push(emptyBin);
      await rejectsWith(
        changeUnderReview(
          emptyBin,
          { mode: 'compare' },
          { env: { PATH: emptyBin, Path: emptyBin } },
        ),
        'no-git',
        /^git was not found on PATH$/,
      );
    });

    describe('with a git that never answers', function () {
      let fakeGit: string;

      before(function () {
        // A shell script stands in for git; Windows has no /bin/sh.
        if (process.platform === 'win32') this.skip();
        const dir = makeTempDir('outside-in-slowgit-');
        cleanUp.push(dir);
        mkdirSync(dir, { recursive: true });
        fakeGit = path.join(dir, 'git');
        writeFileSync(fakeGit, '#!/bin/sh\nexec sleep 30\n');
        chmodSync(fakeGit, 0o755);
      });

      it('stops at the time limit', async () => {
        await rejectsWith(repoRoot(process.cwd(), { gitPath: fakeGit, timeoutMs: 50 }), 'timeout');
      });

      it('stops when the signal is aborted while git runs', async () => {
        const controller = new AbortController();
        const pending = changeUnderReview(
          process.cwd(),
          { mode: 'compare' },
          { gitPath: fakeGit, signal: controller.signal },
        );
        controller.abort();
        await rejectsWith(pending, 'cancelled');
      });
    });
  });
});
