/**
 * The change under review read from real temporary git repositories, for
 * every choice, narrowed to a folder, and the failures a reviewer can meet.
 * Every expected file and line is worked out by hand from what each test writes.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { FileChange } from '../../src/core/diff';
import { changeUnderReview } from '../../src/node/changeUnderReview';
import { GitError } from '../../src/node/gitProcess';
import { TempRepo, gitSync, makeTempDir, removeDir } from './helpers/gitRepo';

async function rejectsWith(p: Promise<unknown>, code: string, message: RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof GitError, `expected a GitError, got ${String(e)}`);
    assert.equal(e.code, code, e.message);
    assert.match(e.message, message);
    // The editor shows these words too: no command-line option in them.
    assert.doesNotMatch(e.message, /--base|--head|--root/);
    return true;
  });
}

function summary(files: readonly FileChange[]): string[] {
  return files.map(
    (f) => `${f.status} ${f.oldPath === undefined ? '' : `${f.oldPath} -> `}${f.path}`,
  );
}

/** `prefix1` to `prefixN`, one a line. */
function lines(prefix: string, n: number): string {
  return Array.from({ length: n }, (_, i) => `${prefix}${i + 1}\n`).join('');
}

describe('changeUnderReview', () => {
  const cleanUp: string[] = [];
  after(() => cleanUp.forEach(removeDir));

  describe('a feature branch that renames files into and out of pkg/, with work in progress', () => {
    let repo: TempRepo;
    let forkPoint: string;
    let featureTip: string;
    let mainTip: string;

    before(() => {
      repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('pkg/a.ts', 'a1\na2\n');
      // Ten lines, one of them edited below: similar enough for git to see a rename.
      repo.write('lib/moved.ts', lines('m', 10));
      repo.write('pkg/leaving.ts', lines('k', 10));
      forkPoint = repo.commitAll('first');

      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('pkg/a.ts', 'a1\na2\na3\n');
      repo.git('mv', 'lib/moved.ts', 'pkg/moved.ts');
      repo.write('pkg/moved.ts', lines('m', 9) + 'm10 edited\n');
      repo.git('mv', 'pkg/leaving.ts', 'lib/leaving.ts');
      repo.write('lib/leaving.ts', lines('k', 9) + 'k10 edited\n');
      featureTip = repo.commitAll('feature');

      repo.git('checkout', '-q', 'main');
      repo.write('main-only.txt', 'not ours\n');
      mainTip = repo.commitAll('main moves on');
      repo.git('checkout', '-q', 'feature');

      repo.write('pkg/staged.ts', 's1\n');
      repo.git('add', 'pkg/staged.ts');
      repo.write('pkg/a.ts', 'a1\na2\na3\na4\n');
      repo.write('pkg/new.txt', 'n1\n');
    });

    const COMMITTED = [
      'renamed pkg/leaving.ts -> lib/leaving.ts',
      'modified pkg/a.ts',
      'renamed lib/moved.ts -> pkg/moved.ts',
    ];

    it('branch: the commits main lacks, named by branch', async () => {
      const change = await changeUnderReview(repo.dir, { mode: 'branch' });
      assert.equal(change.top, repo.dir);
      assert.equal(change.folder, '');
      assert.equal(change.base, forkPoint);
      assert.equal(change.head, featureTip);
      assert.deepEqual(change.labels, { base: 'main', head: 'feature' });
      assert.deepEqual(summary(change.files), COMMITTED);
    });

    it('branch, from pkg/: renames across its edge are an add and a delete inside it', async () => {
      const change = await changeUnderReview(path.join(repo.dir, 'pkg'), { mode: 'branch' });
      assert.equal(change.top, repo.dir);
      assert.equal(change.folder, 'pkg');
      assert.deepEqual(change.files, [
        // In git's order, by the path in HEAD: lib/leaving.ts comes first.
        {
          path: 'leaving.ts',
          status: 'deleted',
          binary: false,
          added: [],
          removed: [{ line: 10, text: 'k10' }],
        },
        {
          path: 'a.ts',
          status: 'modified',
          binary: false,
          added: [{ line: 3, text: 'a3' }],
          removed: [],
        },
        {
          path: 'moved.ts',
          status: 'added',
          binary: false,
          added: [{ line: 10, text: 'm10 edited' }],
          removed: [],
        },
      ]);
    });

    it('uncommitted: the working tree against HEAD, untracked files included', async () => {
      const change = await changeUnderReview(repo.dir, { mode: 'uncommitted' });
      assert.equal(change.base, featureTip);
      assert.equal(change.head, 'WORKTREE');
      assert.deepEqual(change.labels, { base: 'feature', head: 'WORKTREE' });
      assert.deepEqual(summary(change.files), [
        'modified pkg/a.ts',
        'added pkg/new.txt',
        'added pkg/staged.ts',
      ]);
      assert.deepEqual(change.files[0]?.added, [{ line: 4, text: 'a4' }]);
    });

    it('staged: the index against HEAD', async () => {
      const change = await changeUnderReview(repo.dir, { mode: 'staged' });
      assert.equal(change.base, featureTip);
      assert.equal(change.head, 'INDEX');
      assert.deepEqual(change.labels, { base: 'feature', head: 'INDEX' });
      assert.deepEqual(summary(change.files), ['added pkg/staged.ts']);
    });

    it('A...B from the merge-base, A..B from A itself', async () => {
      const three = await changeUnderReview(repo.dir, { mode: 'range', range: 'main...feature' });
      assert.equal(three.base, forkPoint);
      assert.equal(three.head, featureTip);
      assert.deepEqual(three.labels, { base: 'main', head: 'feature' });
      assert.deepEqual(summary(three.files), COMMITTED);

      const two = await changeUnderReview(repo.dir, { mode: 'range', range: 'main..feature' });
      assert.equal(two.base, mainTip);
      // git lists files by their path in HEAD.
      assert.deepEqual(summary(two.files), [
        'renamed pkg/leaving.ts -> lib/leaving.ts',
        'deleted main-only.txt',
        'modified pkg/a.ts',
        'renamed lib/moved.ts -> pkg/moved.ts',
      ]);
    });

    it('compare (the command line): the branch and its uncommitted work, or BASE...HEAD', async () => {
      const work = await changeUnderReview(repo.dir, { mode: 'compare' });
      assert.equal(work.base, forkPoint);
      assert.equal(work.head, 'WORKTREE');
      assert.deepEqual(work.labels, { base: 'main', head: 'WORKTREE' });
      assert.deepEqual(summary(work.files), [
        'renamed pkg/leaving.ts -> lib/leaving.ts',
        'modified pkg/a.ts',
        'renamed lib/moved.ts -> pkg/moved.ts',
        'added pkg/new.txt',
        'added pkg/staged.ts',
      ]);
      const named = await changeUnderReview(repo.dir, {
        mode: 'compare',
        base: 'main',
        head: 'feature',
      });
      assert.equal(named.base, forkPoint);
      assert.equal(named.head, featureTip);
      assert.deepEqual(named.labels, { base: 'main', head: 'feature' });
      assert.deepEqual(summary(named.files), COMMITTED);
    });

    it('names an unknown revision and a malformed range', async () => {
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'branch', base: 'no-such-base' }),
        'unknown-revision',
        /"no-such-base"/,
      );
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'range', range: 'main' }),
        'bad-range',
        /BASE\.\.HEAD or BASE\.\.\.HEAD/,
      );
    });
  });

  describe('what a branch review refuses, said plainly', () => {
    it('a detached HEAD, a repository without a default branch, one without a commit', async () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'branch' }),
        'no-commit',
        /no commit yet/,
      );
      repo.write('a.txt', 'a\n');
      repo.commitAll('first');
      repo.git('branch', '-m', 'main', 'work');
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'branch' }),
        'no-default-branch',
        /No default branch/,
      );
      // The command line's compare takes HEAD as the base instead.
      assert.deepEqual((await changeUnderReview(repo.dir, { mode: 'compare' })).files, []);
      repo.git('checkout', '-q', '--detach', 'HEAD');
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'branch' }),
        'detached-head',
        /detached/,
      );
    });

    it('unrelated histories: the message suggests a base revision but no option', async () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('a.txt', 'a\n');
      repo.commitAll('first');
      repo.git('checkout', '-q', '--orphan', 'island');
      repo.write('b.txt', 'b\n');
      repo.commitAll('island');
      await rejectsWith(
        changeUnderReview(repo.dir, { mode: 'branch', base: 'main' }),
        'no-merge-base',
        /"main" and "HEAD" have no common ancestor; name a base revision that shares history with it$/,
      );
    });
  });

  it('a folder outside any repository is said to be so', async () => {
    const dir = makeTempDir('outside-in-norepo-');
    cleanUp.push(dir);
    gitSync(dir, 'init', '-q', 'inner');
    await rejectsWith(
      changeUnderReview(dir, { mode: 'uncommitted' }),
      'not-a-repo',
      /git repository/,
    );
  });
});
