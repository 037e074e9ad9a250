import * as assert from 'node:assert/strict';
import { annotationIdAt } from '../../src/core/annotations';
import type { Container } from '../../src/core/lensTargets';
import { containerForLine, groupByContainer, innermostContainer } from '../../src/core/lensTargets';

// A file laid out by hand (0-based lines):
//  0 // header comment about checkout
//  1
//  2 // @need fast-checkout
//  3 export class Checkout {
//  4   /** Pays. @need saved-cards */
//  5   pay() {
//  6     savedCard();
//  7   }
//  8   total = 1;
//  9 }
// 10 // trailing @need orphan
const LINES = [
  '// header comment about checkout',
  '',
  '// @need fast-checkout',
  'export class Checkout {',
  '  /** Pays. @need saved-cards */',
  '  pay() {',
  '    savedCard();',
  '  }',
  '  total = 1;',
  '}',
  '// trailing @need orphan',
];
const text = (l: number): string | undefined => LINES[l];
const pay: Container = { startLine: 5, endLine: 7, children: [] };
const checkout: Container = { startLine: 3, endLine: 9, children: [pay] };
const symbols = [checkout];

describe('CodeLens targets', () => {
  it('a line inside a method belongs to the method, not the class', () => {
    assert.equal(innermostContainer(symbols, 6), pay);
    assert.equal(innermostContainer(symbols, 8), checkout);
    assert.equal(innermostContainer(symbols, 1), undefined);
  });

  it('a comment right above a symbol belongs to that symbol', () => {
    assert.equal(containerForLine(symbols, 2, text), checkout);
    assert.equal(containerForLine(symbols, 4, text), pay);
  });

  it('a blank line breaks the tie, and code after every symbol belongs to none', () => {
    assert.equal(containerForLine(symbols, 0, text), undefined);
    assert.equal(containerForLine(symbols, 10, text), undefined);
  });

  it('groups items by container, in the order the containers start', () => {
    const groups = groupByContainer(
      symbols,
      [
        { line: 6, id: 'saved-cards' },
        { line: 2, id: 'fast-checkout' },
        { line: 4, id: 'saved-cards' },
        { line: 0, id: 'fast-checkout' },
      ],
      text,
    );
    assert.deepEqual(
      groups.map((g) => [g.container.startLine, g.items.map((i) => i.line)]),
      [
        [3, [2]],
        [5, [6, 4]],
      ],
    );
  });
});

describe('annotationIdAt (completion)', () => {
  it('right after "@need " the id starts at the cursor', () => {
    assert.deepEqual(annotationIdAt('// @need ', 9), { start: 9, end: 9 });
  });

  it('covers the part typed and the rest of the id', () => {
    //           0123456789012345
    const line = '// @need fast-ch';
    assert.deepEqual(annotationIdAt(line, 13), { start: 9, end: 16 });
  });

  it('after a comma in the list', () => {
    const line = '// @need fast-checkout, sa';
    assert.deepEqual(annotationIdAt(line, line.length), { start: 24, end: 26 });
    const noSpace = '// @need a,';
    assert.deepEqual(annotationIdAt(noSpace, noSpace.length), { start: 11, end: 11 });
  });

  it('not after a finished id, before "@need", or in an e-mail-like word', () => {
    assert.equal(annotationIdAt('// @need fast-checkout ', 23), undefined);
    assert.equal(annotationIdAt('// @need x', 3), undefined);
    assert.equal(annotationIdAt('me@need x', 9), undefined);
    assert.equal(annotationIdAt('// @needle ', 11), undefined);
  });
});
