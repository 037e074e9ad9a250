import * as assert from 'node:assert/strict';
import { annotationAt, findAnnotations } from '../../src/core/annotations';
import type { UnknownAnnotation } from '../../src/core/match';
import { forEachLine } from '../../src/core/match';
import type { NeedsIndex } from '../../src/core/match';
import type { Link } from '../../src/core/model';
import { indexOf, plainLinks, rootSet, yaml } from './helpers/needsIndex';

/**
 * The keyword and annotation links of one line of `src/a.ts`, asked of a
 * NeedsSet as the product asks.
 */
function lineLinks(
  index: NeedsIndex,
  text: string,
  line: number,
  unknown?: UnknownAnnotation[],
): Link[] {
  return plainLinks(rootSet(index).lineLinks('src/a.ts', text, line, unknown));
}

/** Every link of a file's text: path links first, then line links in order. */
function fileLinks(index: NeedsIndex, path: string, text: string): Link[] {
  return plainLinks(rootSet(index).fileLinks(path, text));
}

/** An index with one need holding `keyword`. */
function keywordIndex(keyword: string): ReturnType<typeof indexOf> {
  return indexOf(
    yaml(
      'version: 1',
      'needs:',
      '  - id: n',
      '    title: N',
      '    match:',
      `      keywords: [${JSON.stringify(keyword)}]`,
    ),
  );
}

/** [line, character range of the match] or [line, undefined] for no match. */
type Row = [text: string, range: [number, number] | undefined];

// Straight from the keyword rule of docs/needs-file.md; ranges counted by hand.
const KEYWORDS: Record<string, Row[]> = {
  'saved card': [
    ['const savedCard = 1;', [6, 15]],
    ['class SavedCard {}', [6, 15]],
    ['saved_card = None', [0, 10]],
    ['SAVED_CARD', [0, 10]],
    ['.saved-card { color: red }', [1, 11]],
    ['// use the saved card if any', [11, 21]],
    ['msg = "Your saved card expired"', [12, 22]],
    ['saved   card', [0, 12]],
    ['savedCardNumber', [0, 9]],
    ['savedcard', undefined],
    ['unsavedCard', undefined],
    ['saved cards', undefined],
    ['card saved', undefined],
    ['saved', undefined],
  ],
  card: [
    ['cardNumber', [0, 4]],
    ['CARD', [0, 4]],
    ['card2fa', [0, 4]],
    ['let x = card;', [8, 12]],
    ['discard', undefined],
    ['postcard', undefined],
    ['Discarded', undefined],
    ['cards', undefined],
  ],
  'pay*': [
    ['payment', [0, 7]],
    ['payNow()', [0, 3]],
    ['PAYMENT_ID', [0, 7]],
    ['pay', [0, 3]],
    ['onPay', [2, 5]],
    ['repay', undefined],
    ['pa', undefined],
    ['apply', undefined],
  ],
  'Saved Card': [
    ['saved_card', [0, 10]],
    ['SAVEDCard', [0, 9]],
  ],
  'saved card*': [['savedCards', [0, 10]]],
};

describe('keyword matching (the table of docs/needs-file.md)', () => {
  for (const [keyword, rows] of Object.entries(KEYWORDS)) {
    const index = keywordIndex(keyword);
    for (const [text, range] of rows) {
      it(`${JSON.stringify(keyword)} ${range ? 'matches' : 'does not match'} ${JSON.stringify(text)}`, () => {
        const links = lineLinks(index, text, 7);
        if (!range) return assert.deepEqual(links, []);
        assert.deepEqual(links, [
          { needId: 'n', rule: 'keyword', line: 7, start: range[0], end: range[1], match: keyword },
        ]);
      });
    }
  }

  it('gives one link per need and keyword on a line: the first occurrence', () => {
    const index = keywordIndex('saved card');
    assert.deepEqual(lineLinks(index, 'savedCard = savedCard', 0), [
      { needId: 'n', rule: 'keyword', line: 0, start: 0, end: 9, match: 'saved card' },
    ]);
  });

  it('gives a link per keyword and per need when several match one line', () => {
    const index = indexOf(
      yaml(
        'version: 1',
        'needs:',
        '  - id: a',
        '    title: A',
        '    match:',
        '      keywords: ["card", "saved card"]',
        '  - id: b',
        '    title: B',
        '    match:',
        '      keywords: ["card"]',
      ),
    );
    const links = lineLinks(index, 'savedCard', 0);
    const seen = links.map((l) => [l.needId, l.match, l.start, l.end]);
    assert.equal(links.length, 3);
    assert.deepEqual(
      seen.sort((x, y) => String(x).localeCompare(String(y))),
      [
        ['a', 'card', 5, 9],
        ['a', 'saved card', 0, 9],
        ['b', 'card', 5, 9],
      ],
    );
  });
});

describe('retired needs', () => {
  const index = indexOf(
    yaml(
      'version: 1',
      'needs:',
      '  - id: old',
      '    title: Old',
      '    status: retired',
      '    match:',
      '      paths: ["src/**"]',
      '      keywords: ["checkout"]',
    ),
  );

  it('never match by path', () => {
    assert.deepEqual(plainLinks(rootSet(index).pathLinks('src/a.ts')), []);
  });

  it('never match by keyword', () => {
    assert.deepEqual(lineLinks(index, 'checkout()', 0), []);
  });

  it('never match by annotation, and are not unknown ids either', () => {
    const unknown: UnknownAnnotation[] = [];
    assert.deepEqual(lineLinks(index, '// @need old', 0, unknown), []);
    assert.deepEqual(unknown, []);
  });
});

describe('findAnnotations', () => {
  const TABLE: [string, [string, number, number][]][] = [
    ['// @need fast-checkout', [['fast-checkout', 9, 22]]],
    [
      '# @need a, b',
      [
        ['a', 8, 9],
        ['b', 11, 12],
      ],
    ],
    [
      '/* @need a,b */',
      [
        ['a', 9, 10],
        ['b', 11, 12],
      ],
    ],
    ['<!-- @need a -->', [['a', 11, 12]]],
    ['@need a', [['a', 6, 7]]],
    ['see @need fast-checkout.', [['fast-checkout', 10, 23]]],
    [
      '@need a @need b',
      [
        ['a', 6, 7],
        ['b', 14, 15],
      ],
    ],
    ['email@need a', []],
    ['@needs a', []],
    ['@need', []],
    ['@need 1abc', []],
    ['no annotation here', []],
  ];
  for (const [text, expected] of TABLE) {
    it(JSON.stringify(text), () => {
      assert.deepEqual(
        findAnnotations(text).map((a) => [a.id, a.start, a.end]),
        expected,
      );
    });
  }

  it('finds the annotation under a position', () => {
    assert.equal(annotationAt('// @need fast-checkout', 15)?.id, 'fast-checkout');
    assert.equal(annotationAt('// @need fast-checkout', 1), undefined);
    assert.equal(annotationAt('# @need a, b', 11)?.id, 'b');
  });
});

describe('annotation links', () => {
  const index = indexOf(
    yaml(
      'version: 1',
      'needs:',
      '  - id: fast-checkout',
      '    title: Fast',
      '  - id: saved-cards',
      '    title: Saved',
      '  - id: old',
      '    title: Old',
      '    status: retired',
    ),
  );

  it('links each known id and collects unknown ones with their range', () => {
    const unknown: UnknownAnnotation[] = [];
    const links = lineLinks(index, '// @need fast-checkout, old, nope', 4, unknown);
    assert.deepEqual(links, [
      {
        needId: 'fast-checkout',
        rule: 'annotation',
        line: 4,
        start: 9,
        end: 22,
        match: 'fast-checkout',
      },
    ]);
    assert.deepEqual(unknown, [{ id: 'nope', line: 4, start: 29, end: 33 }]);
  });

  it('links several ids', () => {
    const links = lineLinks(index, '# @need fast-checkout, saved-cards', 0);
    assert.deepEqual(
      links.map((l) => l.needId),
      ['fast-checkout', 'saved-cards'],
    );
  });

  it('does not read email@need as an annotation', () => {
    const unknown: UnknownAnnotation[] = [];
    assert.deepEqual(lineLinks(index, 'mail: someone@need nope', 0, unknown), []);
    assert.deepEqual(unknown, []);
  });
});

describe('the links of a file, and forEachLine', () => {
  it('gives path links first, then line links with 0-based lines, across CRLF and CR', () => {
    const index = indexOf(
      yaml(
        'version: 1',
        'needs:',
        '  - id: n',
        '    title: N',
        '    match:',
        '      paths: ["src/checkout/**"]',
        '      keywords: ["card"]',
      ),
    );
    const links = fileLinks(index, 'src/checkout/pay.ts', 'a\r\nb card\rc\n  card\n');
    assert.deepEqual(links, [
      { needId: 'n', rule: 'path', match: 'src/checkout/**' },
      { needId: 'n', rule: 'keyword', line: 1, start: 2, end: 6, match: 'card' },
      { needId: 'n', rule: 'keyword', line: 3, start: 2, end: 6, match: 'card' },
    ]);
  });

  it('links no keyword of a need whose `!` glob excludes the file; its annotation still links', () => {
    const index = indexOf(
      yaml(
        'version: 1',
        'needs:',
        '  - id: n',
        '    title: N',
        '    match:',
        '      paths: ["src/checkout/**", "!src/checkout/legacy/**"]',
        '      keywords: ["card"]',
      ),
    );
    assert.deepEqual(fileLinks(index, 'src/checkout/legacy/old.ts', 'card\n// @need n card\n'), [
      { needId: 'n', rule: 'annotation', line: 1, start: 9, end: 10, match: 'n' },
    ]);
    assert.deepEqual(fileLinks(index, 'src/cart/a.ts', 'card\n'), [
      { needId: 'n', rule: 'keyword', line: 0, start: 0, end: 4, match: 'card' },
    ]);
  });

  it('calls back once per line, without line breaks', () => {
    const seen: [string, number][] = [];
    forEachLine('a\r\nb\rc\n\nd', (line, n) => seen.push([line, n]));
    assert.deepEqual(seen, [
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['', 3],
      ['d', 4],
    ]);
  });

  it('sees one empty line in an empty text, and no extra line after a final break', () => {
    const empty: [string, number][] = [];
    forEachLine('', (line, n) => empty.push([line, n]));
    assert.deepEqual(empty, [['', 0]]);
    const final: [string, number][] = [];
    forEachLine('x\n', (line, n) => final.push([line, n]));
    assert.deepEqual(final, [['x', 0]]);
  });
});
