/**
 * "New Need from Selection": the new need is one insertion at the end of the
 * `needs` list; the diff shows only its lines (written here by hand), and the
 * loader reads it back with the title, path and keywords the user confirmed.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { NewNeed } from '../../src/core/addNeed';
import { addNeedInsertion } from '../../src/core/addNeed';
import { loadNeedsText } from '../../src/core/load';
import { keywordPattern } from '../../src/core/tokens';
import { applyInsertion } from '../../src/core/yamlEdit';
import { lineDiff } from './helpers/textDiff';

const FILE = [
  'version: 1',
  'needs:',
  '  - id: fast-checkout # the first need',
  "    title: 'Checkout: instant'",
  '    match:',
  '      keywords: ["checkout"]',
  '  # a need we dropped:',
  '  # - id: old',
  '',
  '# values come later',
  'values: []',
  '',
].join('\n');

const NEED: NewNeed = {
  id: 'saved-card',
  title: 'Saved card: no #retyping',
  paths: ['src/checkout/pay.ts'],
  keywords: ['saved card', 'checkout'],
};

const NEED_LINES = [
  '  - id: saved-card\n',
  "    title: 'Saved card: no #retyping'\n",
  '    status: assumed # no evidence yet: ask customers before building on it\n',
  '    match:\n',
  '      paths: [src/checkout/pay.ts]\n',
  '      keywords: [saved card, checkout]\n',
];

function edited(source: string, need: NewNeed = NEED): string {
  const result = addNeedInsertion(source, need);
  if (!result.ok) throw new Error(result.message);
  return applyInsertion(source, result.insertion);
}

function loadedNeed(text: string, id: string): Record<string, unknown> {
  const loaded = loadNeedsText(text);
  assert.deepEqual(
    loaded.problems.filter((p) => p.severity === 'error').map((p) => p.message),
    [],
  );
  const need = loaded.file?.needs.find((n) => n.id === id);
  assert.ok(need, `need ${id} loads`);
  return {
    id: need.id,
    title: need.title,
    status: need.status,
    paths: need.paths.map((p) => p.value),
    keywords: need.keywords.map((k) => k.value),
  };
}

describe('addNeedInsertion', () => {
  it('appends after the last need, before the comments that follow it', () => {
    const after = edited(FILE);
    assert.deepEqual(lineDiff(FILE, after), { removed: [], added: NEED_LINES });
    assert.ok(after.indexOf('keywords: ["checkout"]') < after.indexOf('id: saved-card'));
    assert.ok(after.indexOf('id: saved-card') < after.indexOf('# a need we dropped'));
    assert.deepEqual(loadedNeed(after, 'saved-card'), {
      id: 'saved-card',
      title: 'Saved card: no #retyping',
      status: 'assumed',
      paths: ['src/checkout/pay.ts'],
      keywords: ['saved card', 'checkout'],
    });
    assert.deepEqual(
      loadNeedsText(after).file?.needs.map((n) => n.id),
      ['fast-checkout', 'saved-card'],
    );
  });

  it('selects the new id: focus is where `saved-card` stands in the new text', () => {
    const result = addNeedInsertion(FILE, NEED);
    assert.ok(result.ok);
    const after = applyInsertion(FILE, result.insertion);
    assert.equal(after.slice(result.focus.start, result.focus.end), 'saved-card');
    assert.equal(after.indexOf('- id: saved-card') + '- id: '.length, result.focus.start);
  });

  it('keeps CRLF', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    const after = edited(crlf);
    assert.deepEqual(lineDiff(crlf, after), {
      removed: [],
      added: NEED_LINES.map((l) => l.replace('\n', '\r\n')),
    });
  });

  it('fills `needs: []` inside its brackets', () => {
    const source = 'version: 1\nneeds: [] # none yet\n';
    const after = edited(source, { id: 'a-need', title: 'A need' });
    assert.equal(
      after,
      'version: 1\nneeds: [{ id: a-need, title: A need, status: assumed }] # none yet\n',
    );
    assert.equal(loadedNeed(after, 'a-need').title, 'A need');
  });

  it('adds to a flow list after its last entry', () => {
    const source = 'version: 1\nneeds: [{ id: a, title: A }]\n';
    const after = edited(source, { id: 'b', title: 'B', keywords: ['bee'] });
    assert.equal(
      after,
      'version: 1\nneeds: [{ id: a, title: A }, { id: b, title: B, status: assumed, match: { keywords: [bee] } }]\n',
    );
    assert.deepEqual(loadedNeed(after, 'b').keywords, ['bee']);
  });

  it('fills an empty `needs:` under its key, and ends a last line that had no break', () => {
    const source = 'version: 1\nneeds:';
    const after = edited(source, { id: 'a', title: 'A' });
    assert.equal(
      after,
      'version: 1\nneeds:\n  - id: a\n    title: A\n    status: assumed # no evidence yet: ask customers before building on it\n',
    );
  });

  it('writes `needs:` when the file has none', () => {
    const after = edited('version: 1\n', { id: 'a', title: 'A' });
    assert.ok(after.startsWith('version: 1\nneeds:\n  - id: a\n'));
    assert.equal(loadedNeed(after, 'a').title, 'A');
  });

  it('refuses an id that is not one, and a broken file', () => {
    assert.equal(addNeedInsertion(FILE, { id: 'a b', title: 'x' }).ok, false);
    assert.equal(addNeedInsertion('version: 1\nneeds: [\n', { id: 'a', title: 'x' }).ok, false);
    assert.equal(addNeedInsertion('version: 1\nneeds: 3\n', { id: 'a', title: 'x' }).ok, false);
  });

  it('round-trips any title, path and keyword', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 25 });
    const shapes = [FILE, 'version: 1\nneeds: []\n', 'version: 1\nneeds:\n'];
    fc.assert(
      fc.property(fc.constantFrom(...shapes), text, text, text, (base, title, path, keyword) => {
        // The loader drops a keyword with no word in it (`empty-keyword`): not this edit's doing.
        fc.pre(title.trim() !== '' && path.trim() !== '' && keywordPattern(keyword) !== undefined);
        const need = { id: 'new-need', title, paths: [path], keywords: [keyword] };
        const result = addNeedInsertion(base, need);
        assert.ok(result.ok, result.ok ? '' : result.message);
        const after = applyInsertion(base, result.insertion);
        const loaded = loadNeedsText(after).file?.needs.find((n) => n.id === 'new-need');
        assert.equal(loaded?.title, title);
        assert.deepEqual(
          loaded?.paths.map((p) => p.value),
          [path],
        );
        assert.deepEqual(
          loaded?.keywords.map((k) => k.value),
          [keyword],
        );
      }),
      { numRuns: 200 },
    );
  });
});
