import * as assert from 'node:assert/strict';
import { editorVersionAtLeast } from '../../src/core/editorVersion';

describe('editorVersionAtLeast', () => {
  it('compares major, minor and patch as numbers, not as text', () => {
    assert.equal(editorVersionAtLeast('1.100.3', '1.101.0'), false);
    assert.equal(editorVersionAtLeast('1.101.0', '1.101.0'), true);
    assert.equal(editorVersionAtLeast('1.139.1', '1.101.0'), true);
    // As text, "1.99.0" sorts after "1.101.0".
    assert.equal(editorVersionAtLeast('1.99.0', '1.101.0'), false);
    assert.equal(editorVersionAtLeast('2.0.0', '1.101.0'), true);
    assert.equal(editorVersionAtLeast('1.101.2', '1.101.10'), false);
  });

  it('an insider or other pre-release build counts as its version', () => {
    assert.equal(editorVersionAtLeast('1.101.0-insider', '1.101.0'), true);
    assert.equal(editorVersionAtLeast('1.100.0-insider', '1.101.0'), false);
  });

  it('a version it cannot read has nothing', () => {
    for (const v of ['', 'unknown', '1.101', 'v1.101.0', '1.x.0'])
      assert.equal(editorVersionAtLeast(v, '1.0.0'), false, v);
  });
});
