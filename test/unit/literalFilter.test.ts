/**
 * The keyword prefilter only ever saves work: on random text and random
 * keywords, matching with it gives exactly the links that tokenizing every
 * line gives (the index without its filter is the reference).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { buildLiteralFilter, mayHoldLiteral } from '../../src/core/literalFilter';
import { forEachLine, keywordMatches } from '../../src/core/match';
import type { NeedsIndex, UnknownAnnotation } from '../../src/core/match';
import { NeedsSet } from '../../src/core/needsSet';
import type { ScopedLink } from '../../src/core/needsSet';
import { GENERATED_BEGIN, GENERATED_END } from '../../src/core/generatedText';
import { bufferSource } from '../../src/node/walk';
import { indexOf, yaml } from './helpers/needsIndex';

/** Words keywords and text share, so that matches are common; some differ only in case or script. */
const WORDS = [
  'pay',
  'payment',
  'card',
  'saved',
  'CARD',
  'cart',
  'a',
  '2',
  'go',
  'é',
  'İd',
  'Kelvin',
];
const SEPARATORS = [
  ' ',
  '_',
  '-',
  '.',
  '',
  '\n',
  '\r\n',
  '\r',
  '\t',
  '(',
  '@need ',
  '// @need a-b ',
];

const word = fc.constantFrom(...WORDS);
const keyword = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.boolean())
  .map(([ws, prefix]) => ws.join(' ') + (prefix ? '*' : ''))
  .filter((k) => /[\p{L}\p{N}]/u.test(k));
const text = fc
  .array(fc.tuple(word, fc.constantFrom(...SEPARATORS), fc.boolean()), { maxLength: 40 })
  .map((parts) =>
    parts.map(([w, sep, upper]) => (upper ? w.toUpperCase() : w.toLowerCase()) + sep).join(''),
  );

function needsYaml(keywords: readonly string[][]): string {
  const lines = ['version: 1', 'needs:'];
  keywords.forEach((ks, i) => {
    lines.push(
      `  - id: need-${i}`,
      `    title: Need ${i}`,
      '    evidence:',
      '      - source: NPS survey',
      '    quote: Words',
      '    match:',
      `      keywords: [${ks.map((k) => JSON.stringify(k)).join(', ')}]`,
    );
  });
  return yaml(...lines);
}

function matchesOf(index: NeedsIndex, line: string): string[] {
  const out: string[] = [];
  keywordMatches(index, line, (need, start, end, match) =>
    out.push(`${need.id}:${start}:${end}:${match}`),
  );
  return out;
}

function setOf(index: NeedsIndex): NeedsSet {
  return new NeedsSet([
    { needsFile: 'customer-needs.yaml', dir: '', index },
    { needsFile: 'a/customer-needs.yaml', dir: 'a', index },
  ]);
}

function plain(links: readonly ScopedLink[]): unknown[] {
  return links.map(({ need, ...l }) => ({ ...l, id: need.id }));
}

describe('keyword prefilter', () => {
  it('finds each literal and passes a line beyond ASCII, written by hand', () => {
    const filter = buildLiteralFilter(['card', 'pay', 'ard2']);
    assert.ok(filter);
    assert.equal(mayHoldLiteral(filter, 'const savedCard = 1'), true);
    assert.equal(mayHoldLiteral(filter, 'PAYMENT'), true);
    assert.equal(mayHoldLiteral(filter, 'car d p-a-y'), false);
    // A failure link: "carard2" holds "ard2" after a false start on "card".
    assert.equal(mayHoldLiteral(filter, 'carard2'), true);
    assert.equal(mayHoldLiteral(filter, 'café'), true);
    assert.equal(mayHoldLiteral(filter, 'nothing here'), false);
  });

  it('gives up (no filter) rather than guess on a literal a token cannot hold', () => {
    assert.equal(buildLiteralFilter(['a-b']), undefined);
    assert.equal(buildLiteralFilter([]), undefined);
  });

  it('never changes the matches of a line (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(keyword, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        text,
        (keywords, t) => {
          const index = indexOf(needsYaml(keywords));
          const reference: NeedsIndex = { ...index, literals: undefined };
          for (const line of t.split(/\r\n|\r|\n/))
            assert.deepEqual(matchesOf(index, line), matchesOf(reference, line));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never changes the links of a file, annotations included (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(keyword, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        text,
        (keywords, t) => {
          const index = indexOf(needsYaml(keywords));
          const fast = setOf(index);
          // The simple way: every line cut out and tokenized, no filter anywhere.
          const reference = setOf({ ...index, literals: undefined });
          for (const path of ['src/x.ts', 'a/y.ts']) {
            const u1: UnknownAnnotation[] = [];
            const u2: UnknownAnnotation[] = [];
            const want = reference.pathLinks(path);
            forEachLine(t, (line, n) => want.push(...reference.lineLinks(path, line, n, u2)));
            assert.deepEqual(plain(fast.fileLinks(path, t, u1)), plain(want));
            assert.deepEqual(u1, u2);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds in a file’s bytes the links its text gives, decoding only the lines it needs (property)', () => {
    // What a file's bytes may hold besides words: a BOM, text beyond ASCII,
    // bytes that are no UTF-8, and what `outside-in instructions` writes.
    const extra = fc.constantFrom(
      [],
      [0xef, 0xbb, 0xbf],
      [0xc3, 0xa9],
      [0xe2, 0x82],
      [0xff],
      [...Buffer.from(`${GENERATED_BEGIN} -->\npay card\n${GENERATED_END}\n`)],
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(keyword, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        fc.array(fc.tuple(text, extra), { maxLength: 4 }),
        (keywords, parts) => {
          const index = indexOf(needsYaml(keywords));
          const set = setOf(index);
          const bytes = Buffer.concat(
            parts.flatMap(([t, e]) => [Buffer.from(e), Buffer.from(t, 'utf8')]),
          );
          const t = bytes.toString('utf8');
          for (const path of ['src/x.ts', 'a/y.ts']) {
            const u1: UnknownAnnotation[] = [];
            const u2: UnknownAnnotation[] = [];
            const r1: UnknownAnnotation[] = [];
            const r2: UnknownAnnotation[] = [];
            assert.deepEqual(
              plain(set.fileLinksOfBytes(path, bufferSource(bytes), u1, r1)),
              plain(set.fileLinks(path, t, u2, r2)),
            );
            assert.deepEqual(u1, u2);
            assert.deepEqual(r1, r2);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
