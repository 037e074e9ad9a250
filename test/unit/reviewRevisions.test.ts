/** Revisions as the checklist shows them: short commit ids, pseudo revisions as they are. */
import * as assert from 'node:assert/strict';
import { shortRevision } from '../../src/core/present';
import { describeReview } from '../../src/vscode/checklist/target';

const SHA1 = '37e823048657a1b2c3d4e5f60718293a4b5c6d7e';
const SHA1_SHORT = '37e823048657';
const OTHER = 'f00dcafe0123456789abcdef0123456789abcdef';
const OTHER_SHORT = 'f00dcafe0123';
const SHA256 = '9c1185a5c5e9fc54612808977ee8f548b2258d31000000000000000000000abc';

describe('shortRevision', () => {
  it('cuts a full SHA-1 or SHA-256 commit id to twelve digits', () => {
    assert.equal(shortRevision(SHA1), SHA1_SHORT);
    assert.equal(shortRevision(SHA1.toUpperCase()), SHA1_SHORT.toUpperCase());
    assert.equal(shortRevision(SHA256), '9c1185a5c5e9');
  });

  it('leaves pseudo revisions, names and ids that are not full as they are', () => {
    for (const rev of [
      'WORKTREE',
      'INDEX',
      'main',
      'HEAD~2',
      'abc1234',
      SHA1.slice(0, 39),
      `${SHA1}0`,
      `${SHA1}~1`,
      'g'.repeat(40),
      '',
    ])
      assert.equal(shortRevision(rev), rev);
  });
});

describe('describeReview', () => {
  it('names a range typed as full ids once, in short ids', () => {
    assert.equal(
      describeReview({ mode: 'range', range: `${SHA1}...${OTHER}` }, SHA1, OTHER),
      `${SHA1_SHORT}...${OTHER_SHORT}`,
    );
    assert.equal(
      describeReview({ mode: 'range', range: `${SHA1}..${OTHER}` }, SHA1, OTHER),
      `${SHA1_SHORT}..${OTHER_SHORT}`,
    );
  });

  it('adds the commits a range came to when they are not what was typed', () => {
    assert.equal(
      describeReview({ mode: 'range', range: 'main...feature' }, SHA1, OTHER),
      `main...feature (${SHA1_SHORT}...${OTHER_SHORT})`,
    );
    // A three-dot range reviews against the merge-base, not the typed base.
    assert.equal(
      describeReview({ mode: 'range', range: `${OTHER}...HEAD` }, SHA1, OTHER),
      `${OTHER_SHORT}...HEAD (${SHA1_SHORT}...${OTHER_SHORT})`,
    );
  });

  it('names the other choices with their commits, pseudo revisions as they are', () => {
    assert.equal(
      describeReview({ mode: 'branch' }, SHA1, OTHER),
      `Branch against its base (${SHA1_SHORT}...${OTHER_SHORT})`,
    );
    assert.equal(
      describeReview({ mode: 'branch', base: 'develop' }, SHA1, OTHER),
      `Branch against develop (${SHA1_SHORT}...${OTHER_SHORT})`,
    );
    assert.equal(
      describeReview({ mode: 'uncommitted' }, SHA1, 'WORKTREE'),
      `Uncommitted changes (${SHA1_SHORT}...WORKTREE)`,
    );
    assert.equal(
      describeReview({ mode: 'staged' }, SHA1, 'INDEX'),
      `Staged changes (${SHA1_SHORT}...INDEX)`,
    );
  });
});
