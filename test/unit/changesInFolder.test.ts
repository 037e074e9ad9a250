/** Narrowing a change to a folder of the repository, renames across its edge included. */
import * as assert from 'node:assert/strict';
import { changesInFolder } from '../../src/core/changesInFolder';
import type { ChangeStatus, FileChange } from '../../src/core/diff';

const ADDED = [{ line: 3, text: 'added line' }];
const REMOVED = [{ line: 2, text: 'removed line' }];

function change(status: ChangeStatus, path: string, oldPath?: string): FileChange {
  return {
    path,
    ...(oldPath === undefined ? {} : { oldPath }),
    status,
    binary: false,
    added: ADDED,
    removed: REMOVED,
  };
}

describe('changesInFolder', () => {
  const files = [
    change('modified', 'pkg/a.ts'),
    change('modified', 'other/b.ts'),
    change('deleted', 'pkg/gone.ts'),
    change('renamed', 'pkg/new/c.ts', 'pkg/old/c.ts'),
    change('modified', 'pkgs/not-pkg.ts'),
  ];

  it('at the top of the repository, keeps every change as it is', () => {
    assert.deepEqual(changesInFolder(files, ''), files);
  });

  it('keeps the changes under the folder, with paths relative to it', () => {
    assert.deepEqual(changesInFolder(files, 'pkg'), [
      change('modified', 'a.ts'),
      change('deleted', 'gone.ts'),
      change('renamed', 'new/c.ts', 'old/c.ts'),
    ]);
    // A trailing slash names the same folder; a folder named like a prefix is another folder.
    assert.deepEqual(changesInFolder(files, 'pkg/'), changesInFolder(files, 'pkg'));
    assert.deepEqual(changesInFolder(files, 'pk'), []);
  });

  it('a file renamed into the folder is added there, without the lines removed outside', () => {
    assert.deepEqual(changesInFolder([change('renamed', 'pkg/in.ts', 'lib/in.ts')], 'pkg'), [
      { path: 'in.ts', status: 'added', binary: false, added: ADDED, removed: [] },
    ]);
  });

  it('a file renamed out of the folder is deleted there, at its old path, without the lines added outside', () => {
    assert.deepEqual(changesInFolder([change('renamed', 'lib/out.ts', 'pkg/out.ts')], 'pkg'), [
      { path: 'out.ts', status: 'deleted', binary: false, added: [], removed: REMOVED },
    ]);
  });

  it('a copy into the folder is added there; a copy out of it leaves the folder unchanged', () => {
    assert.deepEqual(changesInFolder([change('copied', 'pkg/copy.ts', 'lib/src.ts')], 'pkg'), [
      { path: 'copy.ts', status: 'added', binary: false, added: ADDED, removed: [] },
    ]);
    assert.deepEqual(changesInFolder([change('copied', 'lib/copy.ts', 'pkg/src.ts')], 'pkg'), []);
  });

  it('a nested folder narrows the same way', () => {
    assert.deepEqual(changesInFolder(files, 'pkg/new'), [
      { path: 'c.ts', status: 'added', binary: false, added: ADDED, removed: [] },
    ]);
    assert.deepEqual(changesInFolder(files, 'pkg/old'), [
      { path: 'c.ts', status: 'deleted', binary: false, added: [], removed: REMOVED },
    ]);
  });
});
