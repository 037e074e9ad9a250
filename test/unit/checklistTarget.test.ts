/** The pure rules of the editor's Review Checklist: stored choices, review keys. */
import * as assert from 'node:assert/strict';
import { asChoice, reviewKey } from '../../src/vscode/checklist/target';

describe('Review Checklist target', () => {
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
});
