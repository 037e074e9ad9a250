/**
 * The texts the authoring commands propose and write: scalars that read back
 * as typed, the proposal from selected code, the id checks, a glob naming
 * exactly one file, and `@need` in each language's comment.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { annotationLine, lineIndent } from '../../src/core/commentSyntax';
import { dateProblem, localIsoDate, urlProblem } from '../../src/core/evidenceInput';
import { globsMatcher } from '../../src/core/globs';
import { findAnnotations } from '../../src/core/annotations';
import {
  identifierPhrases,
  kebabId,
  literalGlob,
  newIdProblem,
  proposeNeed,
} from '../../src/core/needProposal';
import { readYaml } from '../../src/core/yamlEdit';
import { yamlFlowList, yamlScalar } from '../../src/core/yamlScalar';

describe('yamlScalar', () => {
  const TABLE: [string, string][] = [
    ['Checkout feels instant', 'Checkout feels instant'],
    ['2026-09-14', '2026-09-14'],
    ['a: b', "'a: b'"],
    ['a #b', "'a #b'"],
    ["it's", "it's"],
    ["'quoted'", "'''quoted'''"],
    ['yes', 'yes'],
    ['true', "'true'"],
    ['null', "'null'"],
    ['1.0', "'1.0'"],
    ['@team', "'@team'"],
    [' lead', "' lead'"],
    ['two\nlines', '"two\\nlines"'],
    ['back\\slash "q"\n', '"back\\\\slash \\"q\\"\\n"'],
    ['', "''"],
  ];
  for (const [value, expected] of TABLE) {
    it(`${JSON.stringify(value)} -> ${expected}`, () => {
      assert.equal(yamlScalar(value), expected);
    });
  }

  it('reads back as the same text, in a block mapping and inside a flow list', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (value) => {
        const scalar = yamlScalar(value);
        assert.deepEqual(readYaml(`k: ${scalar}\n`), { k: value });
        assert.deepEqual(readYaml(`k: ${yamlFlowList([value, value])}\n`), { k: [value, value] });
        assert.deepEqual(readYaml(`- { k: ${scalar} }\n`), [{ k: value }]);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('proposeNeed', () => {
  it('proposes title, keywords, id and the file from the selected identifiers', () => {
    const proposal = proposeNeed(
      'const savedCard = await loadSavedCard(user);\nif (savedCard) pay(savedCard);',
      'src/checkout/pay.ts',
      new Set(['fast-checkout']),
    );
    assert.deepEqual(proposal, {
      id: 'saved-card',
      title: 'Saved card',
      keywords: ['saved card', 'load saved card', 'user'],
      paths: ['src/checkout/pay.ts'],
    });
  });

  it('takes a free id and works from a single word', () => {
    const proposal = proposeNeed('refund', 'admin.py', new Set(['refund', 'refund-2']));
    assert.deepEqual(proposal, {
      id: 'refund-3',
      title: 'Refund',
      keywords: ['refund'],
      paths: ['/admin.py'],
    });
  });

  it('proposes nothing but the path from code with no meaningful identifier', () => {
    const proposal = proposeNeed('if (x) { return null; }', 'a/b.ts', new Set());
    assert.deepEqual(proposal, { id: 'new-need', title: '', keywords: [], paths: ['a/b.ts'] });
  });

  it('splits identifiers as matching does, digits kept, noise left out', () => {
    assert.deepEqual(identifierPhrases('HTTPServer2Go data x_id'), ['http server 2 go']);
    assert.deepEqual(identifierPhrases('SHIPPING_COST shippingCost'), ['shipping cost']);
  });
});

describe('kebabId and newIdProblem', () => {
  it('makes ids from titles', () => {
    assert.equal(kebabId('Saved card: no retyping!'), 'saved-card-no-retyping');
    assert.equal(kebabId('Café au lait'), 'cafe-au-lait');
    assert.equal(kebabId('2FA login'), 'need-2-fa-login');
    assert.equal(kebabId('!!!'), 'new-need');
  });

  it('accepts kebab-case ids not taken, and says why others are refused', () => {
    const taken = new Set(['fast-checkout']);
    assert.equal(newIdProblem('saved-card', taken), undefined);
    assert.equal(newIdProblem('card2', taken), undefined);
    assert.match(newIdProblem('fast-checkout', taken) ?? '', /already a need/);
    for (const bad of [
      '',
      'Saved-card',
      'saved_card',
      'saved--card',
      '-card',
      'card-',
      '2fa',
      'a b',
    ])
      assert.ok(newIdProblem(bad, taken), bad);
  });
});

describe('literalGlob', () => {
  it('matches exactly the file, glob characters and all', () => {
    for (const [path, other] of [
      ['src/checkout/pay.ts', 'src/checkout/pay.tsx'],
      ['app.ts', 'src/app.ts'],
      ['src/[id]/page.tsx', 'src/i/page.tsx'],
      ['src/*.ts', 'src/a.ts'],
      ['docs/{a,b}.md', 'docs/a.md'],
      ['!important.txt', 'x/!important.txt'],
      ['a/@(x)+?.js', 'a/x.js'],
    ]) {
      const test = globsMatcher([literalGlob(path as string)]);
      assert.equal(test(path as string), true, `${literalGlob(path as string)} matches ${path}`);
      assert.equal(test(other as string), false, `${literalGlob(path as string)} not ${other}`);
    }
  });
});

describe('annotationLine', () => {
  it("writes `@need id` in each language's comment, at the line's indentation", () => {
    const TABLE: [string, string][] = [
      ['typescript', '    // @need saved-card\n'],
      ['python', '    # @need saved-card\n'],
      ['sql', '    -- @need saved-card\n'],
      ['css', '    /* @need saved-card */\n'],
      ['html', '    <!-- @need saved-card -->\n'],
      ['plaintext', '    @need saved-card\n'],
      ['some-new-language', '    // @need saved-card\n'],
    ];
    for (const [language, expected] of TABLE) {
      const line = annotationLine(language, lineIndent('    const x = 1;'), 'saved-card', '\n');
      assert.equal(line, expected, language);
      assert.deepEqual(
        findAnnotations(line ?? '').map((a) => a.id),
        ['saved-card'],
      );
    }
  });

  it('writes nothing into JSON, which has no comments', () => {
    assert.equal(annotationLine('json', '', 'x', '\n'), undefined);
  });

  it('keeps tabs and CRLF', () => {
    assert.equal(annotationLine('go', lineIndent('\t\treturn'), 'a', '\r\n'), '\t\t// @need a\r\n');
  });
});

describe('evidence input', () => {
  it("writes today's local date as YYYY-MM-DD", () => {
    assert.equal(localIsoDate(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  });

  it('checks dates and URLs as the loader does, empty allowed', () => {
    assert.equal(dateProblem(''), undefined);
    assert.equal(dateProblem('2026-02-28'), undefined);
    assert.ok(dateProblem('2026-02-30'));
    assert.ok(dateProblem('28.02.2026'));
    assert.equal(urlProblem(''), undefined);
    assert.equal(urlProblem('https://example.com/t/1'), undefined);
    assert.ok(urlProblem('ftp://example.com'));
    assert.ok(urlProblem('https://a b'));
  });
});
