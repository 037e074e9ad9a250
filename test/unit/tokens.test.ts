import * as assert from 'node:assert/strict';
import { keywordPattern, tokenize } from '../../src/core/tokens';

// Expected tokens written by hand from docs/needs-file.md: identifiers split at
// camelCase, PascalCase, snake_case, kebab-case and digits, compared lower-case.
const TABLE: [input: string, tokens: string[]][] = [
  ['savedCard', ['saved', 'card']],
  ['SavedCard', ['saved', 'card']],
  ['saved_card', ['saved', 'card']],
  ['SAVED_CARD', ['saved', 'card']],
  ['saved-card', ['saved', 'card']],
  ['saved card', ['saved', 'card']],
  ['getSavedCardNumber', ['get', 'saved', 'card', 'number']],
  ['__init__', ['init']],
  ['card2fa', ['card', '2', 'fa']],
  ['v2Api', ['v', '2', 'api']],
  ['x86_64', ['x', '86', '64']],
  ['2fa', ['2', 'fa']],
  ['HTTPServer', ['http', 'server']],
  ['parseJSON', ['parse', 'json']],
  ['XMLHttpRequest', ['xml', 'http', 'request']],
  ['getHTTPResponseCode', ['get', 'http', 'response', 'code']],
  ['ABC', ['abc']],
  ['a', ['a']],
  ['café au lait', ['café', 'au', 'lait']],
  ['Übergröße', ['übergröße']],
  ['größeÄnderung', ['größe', 'änderung']],
  ['ÉtatCarte', ['état', 'carte']],
  ['保存 カード', ['保存', 'カード']],
  ['foo.bar(baz, "qux");', ['foo', 'bar', 'baz', 'qux']],
  ['$scope->x + y::z', ['scope', 'x', 'y', 'z']],
  ['// TODO: pay!', ['todo', 'pay']],
  ['', []],
  ['  \t ', []],
  ['+-*/=;', []],
];

describe('tokenize', () => {
  for (const [input, expected] of TABLE) {
    it(`${JSON.stringify(input)} -> ${expected.join(' ') || '(none)'}`, () => {
      assert.deepEqual(
        tokenize(input).map((t) => t.text),
        expected,
      );
    });
  }

  it('gives each token its start and exclusive end in the text', () => {
    assert.deepEqual(tokenize('  savedCard = 1;'), [
      { text: 'saved', start: 2, end: 7 },
      { text: 'card', start: 7, end: 11 },
      { text: '1', start: 14, end: 15 },
    ]);
    assert.deepEqual(tokenize('HTTPServer'), [
      { text: 'http', start: 0, end: 4 },
      { text: 'server', start: 4, end: 10 },
    ]);
    assert.deepEqual(tokenize('SAVED_CARD'), [
      { text: 'saved', start: 0, end: 5 },
      { text: 'card', start: 6, end: 10 },
    ]);
  });

  it('counts offsets in UTF-16 units past astral characters', () => {
    // The emoji is two UTF-16 units and not a letter: it separates tokens.
    assert.deepEqual(tokenize('card😀pay'), [
      { text: 'card', start: 0, end: 4 },
      { text: 'pay', start: 6, end: 9 },
    ]);
  });

  it('keeps combining marks inside their word', () => {
    assert.deepEqual(tokenize('cafe\u0301 bar'), [
      { text: 'cafe\u0301', start: 0, end: 5 },
      { text: 'bar', start: 6, end: 9 },
    ]);
  });
});

describe('keywordPattern', () => {
  it('splits a phrase into tokens', () => {
    assert.deepEqual(keywordPattern('saved card'), { tokens: ['saved', 'card'], prefix: false });
  });

  it('splits and lower-cases a kebab-case keyword', () => {
    assert.deepEqual(keywordPattern('Saved-Card'), { tokens: ['saved', 'card'], prefix: false });
  });

  it('marks a trailing * as a prefix', () => {
    assert.deepEqual(keywordPattern('pay*'), { tokens: ['pay'], prefix: true });
    assert.deepEqual(keywordPattern('saved card*'), { tokens: ['saved', 'card'], prefix: true });
  });

  it('ignores surrounding blanks', () => {
    assert.deepEqual(keywordPattern('  checkout  '), { tokens: ['checkout'], prefix: false });
  });

  it('gives undefined for a keyword with no letter or digit', () => {
    assert.equal(keywordPattern('***'), undefined);
    assert.equal(keywordPattern('*'), undefined);
    assert.equal(keywordPattern(''), undefined);
    assert.equal(keywordPattern(' - '), undefined);
  });
});
