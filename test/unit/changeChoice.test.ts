/** What each choice of the change under review means in git: core's rules, by hand from their contract. */
import * as assert from 'node:assert/strict';
import {
  diffRevisionArgs,
  headCommitName,
  headLabel,
  parseRange,
  planChange,
} from '../../src/core/changeChoice';

describe('change under review: choice -> revisions', () => {
  it('reads BASE..HEAD and BASE...HEAD, and says what is wrong with anything else', () => {
    assert.deepEqual(parseRange(' main...HEAD '), { base: 'main', head: 'HEAD', threeDot: true });
    assert.deepEqual(parseRange('v1.0..HEAD~2'), { base: 'v1.0', head: 'HEAD~2', threeDot: false });
    for (const bad of ['main', 'main..', '..HEAD', 'a b..HEAD', '--output=x..HEAD', 'a....b'])
      assert.ok('error' in parseRange(bad), bad);
  });

  it('a branch: HEAD against its merge-base with the base branch, refused without one', () => {
    assert.deepEqual(planChange({ mode: 'branch' }), {
      base: { kind: 'merge-base', with: undefined, noDefault: 'refuse' },
      head: { kind: 'commit', rev: 'HEAD' },
      onBranch: true,
    });
    assert.deepEqual(planChange({ mode: 'branch', base: 'develop' }), {
      base: { kind: 'merge-base', with: 'develop', noDefault: 'refuse' },
      head: { kind: 'commit', rev: 'HEAD' },
      onBranch: true,
    });
  });

  it('uncommitted and staged: the working tree or the index against HEAD itself', () => {
    assert.deepEqual(planChange({ mode: 'uncommitted' }), {
      base: { kind: 'head' },
      head: { kind: 'worktree' },
      onBranch: false,
    });
    assert.deepEqual(planChange({ mode: 'staged' }), {
      base: { kind: 'head' },
      head: { kind: 'index' },
      onBranch: false,
    });
  });

  it('A...B compares B with the merge-base of A and B; A..B compares B with A', () => {
    assert.deepEqual(planChange({ mode: 'range', range: 'main...topic' }), {
      base: { kind: 'merge-base', with: 'main', noDefault: 'refuse' },
      head: { kind: 'commit', rev: 'topic' },
      onBranch: false,
    });
    assert.deepEqual(planChange({ mode: 'range', range: 'v1..v2' }), {
      base: { kind: 'revision', rev: 'v1' },
      head: { kind: 'commit', rev: 'v2' },
      onBranch: false,
    });
    assert.deepEqual(planChange({ mode: 'range', range: 'main' }), {
      error: 'Type a range as BASE..HEAD or BASE...HEAD, e.g. main...HEAD',
    });
  });

  it('compare (the command line): BASE...HEAD, the default branch and the working tree by default', () => {
    assert.deepEqual(planChange({ mode: 'compare' }), {
      base: { kind: 'merge-base', with: undefined, noDefault: 'head' },
      head: { kind: 'worktree' },
      onBranch: false,
    });
    assert.deepEqual(planChange({ mode: 'compare', base: 'origin/main', head: 'HEAD~1' }), {
      base: { kind: 'merge-base', with: 'origin/main', noDefault: 'head' },
      head: { kind: 'commit', rev: 'HEAD~1' },
      onBranch: false,
    });
  });

  it('gives git diff two commits, --cached and the base, or the base alone', () => {
    assert.deepEqual(diffRevisionArgs('b0', { kind: 'commit', id: 'h1' }), ['b0', 'h1']);
    assert.deepEqual(diffRevisionArgs('b0', { kind: 'index' }), ['--cached', 'b0']);
    assert.deepEqual(diffRevisionArgs('b0', { kind: 'worktree' }), ['b0']);
    assert.equal(headLabel({ kind: 'commit', id: 'h1' }), 'h1');
    assert.equal(headLabel({ kind: 'index' }), 'INDEX');
    assert.equal(headLabel({ kind: 'worktree' }), 'WORKTREE');
    assert.equal(headCommitName({ kind: 'commit', rev: 'topic' }), 'topic');
    assert.equal(headCommitName({ kind: 'worktree' }), 'HEAD');
    assert.equal(headCommitName({ kind: 'index' }), 'HEAD');
  });
});
