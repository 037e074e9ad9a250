/**
 * The keyword prefilter only ever saves work: on random text and random
 * keywords, matching with it gives exactly the links that tokenizing every
 * line gives (the index without its filter is the reference).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import {
  buildLiteralFilter,
  forEachLineMayHold,
  forEachLineMayHoldBytes,
  mayHoldLiteral,
  mayHoldLiteralIn,
} from '../../src/core/literalFilter';
import { keywordPattern, tokenize } from '../../src/core/tokens';
import { forEachLine, keywordMatches } from '../../src/core/match';
import type { NeedsIndex, UnknownAnnotation } from '../../src/core/match';
import { NeedsSet } from '../../src/core/needsSet';
import type { ScopedLink } from '../../src/core/needsSet';
import { GENERATED_BEGIN, GENERATED_END } from '../../src/core/generatedText';
import { bufferSource } from '../../src/node/walk';
import { indexOf, yaml } from './helpers/needsIndex';

/**
 * Words keywords and text share, so that matches are common; some differ only
 * in case or script. Text writes each word in lower case, upper case or with
 * a capital, and joins some without a separator, so camelCase, acronyms and
 * digit runs make token starts inside a run of letters.
 */
const WORDS = [
  'pay',
  'payment',
  'card',
  'saved',
  'CARD',
  'cart',
  'a',
  '2',
  '12',
  'go',
  'é',
  'İd',
  'Kelvin',
];
/** No separator at all is the likeliest: that is where case and digits alone start a token. */
const SEPARATORS = [
  ' ',
  '_',
  '-',
  '.',
  '',
  '',
  '',
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
const CASES = [
  (w: string): string => w.toLowerCase(),
  (w: string): string => w.toUpperCase(),
  (w: string): string => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase(),
];
const textOf = (maxLength: number): fc.Arbitrary<string> =>
  fc
    .array(
      fc.tuple(word, fc.constantFrom(...SEPARATORS), fc.integer({ min: 0, max: CASES.length - 1 })),
      { maxLength },
    )
    .map((parts) =>
      parts.map(([w, sep, c]) => (CASES[c] as (w: string) => string)(w) + sep).join(''),
    );
/** Short texts as often as long ones: in a long line another word passes it anyway. */
const text = fc.oneof(textOf(4), textOf(40));

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

/**
 * A root needs file and one for `a/`: files under `a/` are governed by both,
 * and filtered by their keywords joined, unless `joined` leaves no room.
 */
function setOf(index: NeedsIndex, nested = index, joined?: number): NeedsSet {
  return new NeedsSet(
    [
      { needsFile: 'customer-needs.yaml', dir: '', index },
      { needsFile: 'a/customer-needs.yaml', dir: 'a', index: nested },
    ],
    { joinedFilterEntries: joined },
  );
}

const keywordLists = fc.array(fc.array(keyword, { minLength: 1, maxLength: 4 }), {
  minLength: 1,
  maxLength: 5,
});

function plain(links: readonly ScopedLink[]): unknown[] {
  return links.map(({ need, ...l }) => ({ ...l, id: need.id }));
}

describe('keyword prefilter', () => {
  it('finds each literal at a token start and passes a line beyond ASCII, written by hand', () => {
    const filter = buildLiteralFilter(['card', 'pay', 'list', 'server', '42']);
    assert.ok(filter);
    assert.equal(mayHoldLiteral(filter, 'const savedCard = 1'), true);
    assert.equal(mayHoldLiteral(filter, 'PAYMENT'), true);
    assert.equal(mayHoldLiteral(filter, 'car d p-a-y'), false);
    // Inside a token, or across two, a literal starts no token.
    assert.equal(mayHoldLiteral(filter, 'discard repay'), false);
    assert.equal(mayHoldLiteral(filter, 'createListing'), true);
    assert.equal(mayHoldLiteral(filter, 'createLiSt'), false);
    // The last capital of an acronym starts a word; digits are tokens of their own.
    assert.equal(mayHoldLiteral(filter, 'HTTPServer'), true);
    assert.equal(mayHoldLiteral(filter, 'HTTPSERVER'), false);
    assert.equal(mayHoldLiteral(filter, 'v42'), true);
    assert.equal(mayHoldLiteral(filter, 'x142'), false);
    assert.equal(mayHoldLiteral(filter, 'café'), true);
    assert.equal(mayHoldLiteral(filter, 'nothing here'), false);
  });

  it('starts a token where the tokenizer does, in a line, in text and in bytes', () => {
    const literals = ['pay', 'card', 'server', 'list', '42', 'b', 'c'];
    const filter = buildLiteralFilter(literals);
    assert.ok(filter);
    const lines = [
      ...['GOPay', 'PAYCard', 'HTTPServer', 'HTTPSERVER', 'createListing', 'createLiSt'],
      ...['x142', 'v42', 'discard', 'a1b', 'ABc', 'aBC', 'AbC', 'ZZc', '@need pay', 'uPAY', 'ABC'],
    ];
    for (const line of lines) {
      // The reference: some token of the line starts with a literal.
      const want = tokenize(line).some((t) => literals.some((l) => t.text.startsWith(l)));
      const text = `x\n${line}\ny`;
      const inText: number[] = [];
      const inBytes: number[] = [];
      forEachLineMayHold(filter, text, '@need', (_s, _e, n) => inText.push(n));
      forEachLineMayHoldBytes(filter, Buffer.from(text), Buffer.from('@need'), (_s, _e, n) =>
        inBytes.push(n),
      );
      const marked = line.includes('@need');
      assert.equal(mayHoldLiteral(filter, line), want, line);
      assert.equal(mayHoldLiteralIn(filter, text, 2, 2 + line.length), want, line);
      // What follows a range is not part of it, even a lower-case letter.
      assert.equal(mayHoldLiteralIn(filter, `${line}z`, 0, line.length), want, line);
      assert.deepEqual(inText, want || marked ? [1] : [], line);
      assert.deepEqual(inBytes, inText, line);
    }
  });

  it('gives up (no filter) rather than guess on a literal a token cannot hold', () => {
    assert.equal(buildLiteralFilter(['a-b']), undefined);
    assert.equal(buildLiteralFilter([]), undefined);
  });

  it('finds a prefix past a shorter head that is no keyword itself, written by hand', () => {
    // "pay" is a head of "payment*" at the length of "pax*", and no prefix of its own.
    const index = indexOf(needsYaml([['pax*'], ['payment*']]));
    assert.deepEqual(matchesOf(index, 'const paymentx = 1'), ['need-1:6:14:payment*']);
    assert.deepEqual(matchesOf(index, 'const paxos = payday'), ['need-0:6:11:pax*']);
  });

  it('finds a one-word keyword, exact or prefix, where comparing every token finds it (property)', () => {
    // Stems that are heads of one another, so prefixes share their first letters.
    const oneWord = fc
      .tuple(
        fc.constantFrom(...WORDS, 'p', 'pa', 'pax', 'paym', 'c', 'ca', 'car', 'sav', '1'),
        fc.boolean(),
      )
      .map(([w, prefix]) => w + (prefix ? '*' : ''));
    fc.assert(
      fc.property(
        fc.array(fc.array(oneWord, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        text,
        (keywords, t) => {
          const index = indexOf(needsYaml(keywords));
          for (const line of t.split(/\r\n|\r|\n/)) {
            // The reference: every token against every keyword, nothing indexed or filtered.
            const want: string[] = [];
            for (const token of tokenize(line))
              keywords.forEach((ks, i) => {
                for (const k of ks) {
                  const pattern = keywordPattern(k);
                  const stem =
                    pattern?.tokens.length === 1 ? (pattern.tokens[0] as string) : undefined;
                  if (stem === undefined) continue;
                  const hit = pattern?.prefix ? token.text.startsWith(stem) : token.text === stem;
                  if (hit) want.push(`need-${i}:${token.start}:${token.end}:${k}`);
                }
              });
            assert.deepEqual(matchesOf(index, line).sort(), want.sort(), line);
          }
        },
      ),
      { numRuns: 300 },
    );
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
      fc.property(keywordLists, keywordLists, text, (keywords, nestedKeywords, t) => {
        const index = indexOf(needsYaml(keywords));
        const nested = indexOf(needsYaml(nestedKeywords));
        // Joined filters, and line-by-line filters when there is no room to join them.
        const fast = [setOf(index, nested), setOf(index, nested, 0)];
        // The simple way: every line cut out and tokenized, no filter anywhere.
        const reference = setOf(
          { ...index, literals: undefined },
          { ...nested, literals: undefined },
        );
        for (const path of ['src/x.ts', 'a/y.ts']) {
          const u2: UnknownAnnotation[] = [];
          const want = reference.pathLinks(path);
          forEachLine(t, (line, n) => want.push(...reference.lineLinks(path, line, n, u2)));
          for (const set of fast) {
            const u1: UnknownAnnotation[] = [];
            assert.deepEqual(plain(set.fileLinks(path, t, u1)), plain(want));
            assert.deepEqual(u1, u2);
          }
        }
      }),
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
        keywordLists,
        keywordLists,
        fc.array(fc.tuple(text, extra), { maxLength: 4 }),
        fc.boolean(),
        (keywords, nestedKeywords, parts, roomToJoin) => {
          const set = setOf(
            indexOf(needsYaml(keywords)),
            indexOf(needsYaml(nestedKeywords)),
            roomToJoin ? undefined : 0,
          );
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
