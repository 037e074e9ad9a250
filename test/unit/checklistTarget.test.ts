/** The pure rules of the editor's Review Checklist: typed ranges, stored choices, folder paths. */
import * as assert from 'node:assert/strict';
import type { FileChange } from '../../src/core/diff';
import {
  asChoice,
  changesForFolder,
  parseRange,
  reviewKey,
} from '../../src/vscode/checklist/target';

function change(path: string, oldPath?: string): FileChange {
  return { path, oldPath, status: 'modified', binary: false, added: [], removed: [] };
}

describe('Review Checklist target', () => {
  it('reads BASE..HEAD and BASE...HEAD, and says what is wrong with anything else', () => {
    assert.deepEqual(parseRange(' main...HEAD '), { base: 'main', head: 'HEAD', threeDot: true });
    assert.deepEqual(parseRange('v1.0..HEAD~2'), { base: 'v1.0', head: 'HEAD~2', threeDot: false });
    for (const bad of ['main', 'main..', '..HEAD', 'a b..HEAD', '--output=x..HEAD', 'a....b'])
      assert.ok('error' in parseRange(bad), bad);
  });

  it('accepts only well-formed stored or passed choices', () => {
    assert.deepEqual(asChoice({ mode: 'branch' }), { mode: 'branch' });
    assert.deepEqual(asChoice({ mode: 'branch', base: ' develop ' }), {
      mode: 'branch',
      base: 'develop',
    });
    assert.deepEqual(asChoice({ mode: 'staged', extra: 1 }), { mode: 'staged' });
    assert.deepEqual(asChoice({ mode: 'range', range: 'a..b' }), { mode: 'range', range: 'a..b' });
    assert.equal(asChoice({ mode: 'range' }), undefined);
    assert.equal(asChoice({ mode: 'everything' }), undefined);
    assert.equal(asChoice('branch'), undefined);
  });

  it('names a review by repository, base and head', () => {
    assert.notEqual(reviewKey('/r', 'main', 'a'), reviewKey('/r', 'main', 'b'));
    assert.notEqual(reviewKey('/r', 'ma', 'in'), reviewKey('/r', 'm', 'ain'));
  });

  it('moves diff paths from the top of the repository to the workspace folder', () => {
    const files = [change('pkg/a.ts'), change('other/b.ts'), change('pkg/c.ts', 'old/c.ts')];
    assert.deepEqual(
      changesForFolder(files, '/repo', '/repo').map((f) => f.path),
      ['pkg/a.ts', 'other/b.ts', 'pkg/c.ts'],
    );
    assert.deepEqual(
      changesForFolder(files, '/repo', '/repo/pkg').map((f) => [f.path, f.oldPath]),
      [
        ['a.ts', undefined],
        ['c.ts', undefined],
      ],
    );
    assert.deepEqual(
      changesForFolder([change('a.ts')], '/ws/repo', '/ws').map((f) => f.path),
      ['repo/a.ts'],
    );
    assert.deepEqual(changesForFolder(files, '/repo', '/elsewhere'), []);
  });
});
