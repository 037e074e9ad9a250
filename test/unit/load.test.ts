import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { loadNeedsText } from '../../src/core/load';
import type { LoadOptions } from '../../src/core/load';
import type { Severity } from '../../src/core/model';
import { yaml } from './helpers/needsIndex';

// Tests compile to out/test/unit/, three levels below the repository root.
const FIXTURES = path.resolve(__dirname, '../../../test/fixtures/needs');

/** A problem as an editor shows it: 1-based line and column. */
interface Seen {
  rule: string;
  severity: Severity;
  line: number;
  col: number;
}

const TODAY: LoadOptions = { today: '2026-11-26' };

/** Every problem, in the order of the text. */
function problems(text: string, options: LoadOptions = TODAY): Seen[] {
  return loadNeedsText(text, options)
    .problems.map((p) => ({
      rule: p.rule,
      severity: p.severity,
      line: p.span.start.line + 1,
      col: p.span.start.character + 1,
    }))
    .sort((a, b) => a.line - b.line || a.col - b.col || a.rule.localeCompare(b.rule));
}

/** The problems of `rule` only. */
function only(rule: string, text: string, options?: LoadOptions): Seen[] {
  return problems(text, options).filter((p) => p.rule === rule);
}

function error(rule: string, line: number, col: number): Seen {
  return { rule, severity: 'error', line, col };
}

function warning(rule: string, line: number, col: number): Seen {
  return { rule, severity: 'warning', line, col };
}

/** A need `a` with the given extra lines, each indented as a field of the need. */
function needA(...fields: string[]): string {
  return yaml('version: 1', 'needs:', '  - id: a', '    title: A', ...fields);
}

describe('loadNeedsText: rules, with line and column counted by hand', () => {
  it('yaml-syntax: a duplicate key, at the second one', () => {
    assert.deepEqual(only('yaml-syntax', yaml('version: 1', 'needs: []', 'needs: []')), [
      error('yaml-syntax', 3, 1),
    ]);
  });

  it('yaml-syntax: an alias to an anchor that does not exist, at the alias', () => {
    // line 5 is "    quote: *zz": the alias starts in column 12.
    assert.deepEqual(only('yaml-syntax', needA('    quote: *zz')), [error('yaml-syntax', 5, 12)]);
  });

  it('yaml-syntax: an unclosed flow list, once, at its "["', () => {
    assert.deepEqual(only('yaml-syntax', yaml('version: 1', 'needs: [a, b')), [
      error('yaml-syntax', 2, 8),
    ]);
  });

  it('unsupported-version, at the value', () => {
    assert.deepEqual(problems(yaml('version: 2', 'needs: []')), [
      error('unsupported-version', 1, 10),
    ]);
  });

  describe('missing-field', () => {
    it('version, at the start of the file mapping', () => {
      assert.deepEqual(problems(yaml('# my needs', 'needs: []')), [error('missing-field', 2, 1)]);
    });

    it('version, in an empty file', () => {
      assert.deepEqual(problems(''), [error('missing-field', 1, 1)]);
    });

    it('needs', () => {
      assert.deepEqual(problems(yaml('version: 1', 'product: Shop')), [
        error('missing-field', 1, 1),
      ]);
    });

    it('id of a need, at the start of its entry', () => {
      assert.deepEqual(only('missing-field', yaml('version: 1', 'needs:', '  - title: T')), [
        error('missing-field', 3, 5),
      ]);
    });

    it('title of a need', () => {
      assert.deepEqual(only('missing-field', yaml('version: 1', 'needs:', '  - id: a')), [
        error('missing-field', 3, 5),
      ]);
    });

    it('title of only blanks, at the value', () => {
      assert.deepEqual(
        only('missing-field', yaml('version: 1', 'needs:', '  - id: a', '    title: "  "')),
        [error('missing-field', 4, 12)],
      );
    });

    it('source of an evidence entry', () => {
      assert.deepEqual(only('missing-field', needA('    evidence:', '      - kind: survey')), [
        error('missing-field', 6, 9),
      ]);
    });

    it('statement of a value', () => {
      assert.deepEqual(
        only('missing-field', yaml('version: 1', 'values:', '  - id: v', 'needs: []')),
        [error('missing-field', 3, 5)],
      );
    });
  });

  describe('wrong-type', () => {
    it('a number where text belongs', () => {
      assert.deepEqual(
        only('wrong-type', yaml('version: 1', 'needs:', '  - id: a', '    title: 42')),
        [error('wrong-type', 4, 12)],
      );
    });

    it('needs that is not a list', () => {
      assert.deepEqual(problems(yaml('version: 1', 'needs: 5')), [error('wrong-type', 2, 8)]);
    });

    it('keywords that are one text, not a list', () => {
      assert.deepEqual(only('wrong-type', needA('    match:', '      keywords: checkout')), [
        error('wrong-type', 6, 17),
      ]);
    });

    it('a need that is not a mapping', () => {
      assert.deepEqual(problems(yaml('version: 1', 'needs:', '  - just text')), [
        error('wrong-type', 3, 5),
      ]);
    });

    it('a list at the top of the file', () => {
      assert.deepEqual(problems(yaml('- a', '- b')), [error('wrong-type', 1, 1)]);
    });
  });

  describe('invalid-id', () => {
    it('an id starting with a digit', () => {
      assert.deepEqual(
        only('invalid-id', yaml('version: 1', 'needs:', '  - id: 1abc', '    title: A')),
        [error('invalid-id', 3, 9)],
      );
    });

    it('an id with a space', () => {
      assert.deepEqual(
        only('invalid-id', yaml('version: 1', 'needs:', '  - id: fast checkout', '    title: A')),
        [error('invalid-id', 3, 9)],
      );
    });

    it('a persona id, at its key', () => {
      const text = yaml('version: 1', 'personas:', '  "my persona":', '    name: X', 'needs: []');
      assert.deepEqual(only('invalid-id', text), [error('invalid-id', 3, 3)]);
    });
  });

  it('duplicate-id, at the second one, keeping the first', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: A',
      '  - id: a',
      '    title: B',
    );
    assert.deepEqual(only('duplicate-id', text), [error('duplicate-id', 5, 9)]);
    const needs = loadNeedsText(text, TODAY).file?.needs ?? [];
    assert.deepEqual(
      needs.map((n) => n.title),
      ['A'],
    );
  });

  it('duplicate-id of a value, at the second one', () => {
    const text = yaml(
      'version: 1',
      'values:',
      '  - id: v',
      '    statement: S',
      '  - id: v',
      '    statement: T',
      'needs: []',
    );
    assert.deepEqual(only('duplicate-id', text), [error('duplicate-id', 5, 9)]);
  });

  describe('unknown-persona', () => {
    it('a persona not among the personas, at the value', () => {
      const text = yaml(
        'version: 1',
        'personas:',
        '  shopper:',
        '    name: S',
        'needs:',
        '  - id: a',
        '    title: A',
        '    persona: buyer',
      );
      assert.deepEqual(only('unknown-persona', text), [error('unknown-persona', 8, 14)]);
    });

    it('is no error when the file has no personas', () => {
      assert.deepEqual(only('unknown-persona', needA('    persona: buyer')), []);
    });
  });

  describe('invalid-enum', () => {
    it('priority', () => {
      assert.deepEqual(only('invalid-enum', needA('    priority: urgent')), [
        error('invalid-enum', 5, 15),
      ]);
    });

    it('status', () => {
      assert.deepEqual(only('invalid-enum', needA('    status: done')), [
        error('invalid-enum', 5, 13),
      ]);
    });

    it('kind of evidence', () => {
      assert.deepEqual(
        only('invalid-enum', needA('    evidence:', '      - source: S', '        kind: chat')),
        [error('invalid-enum', 7, 15)],
      );
    });
  });

  it('invalid-url: javascript: and ftp:, while https is fine', () => {
    const text = needA(
      '    evidence:',
      '      - source: S',
      '        url: javascript:alert(1)',
      '      - source: T',
      '        url: ftp://example.com/x',
      '      - source: U',
      '        url: https://example.com/t/123',
    );
    assert.deepEqual(only('invalid-url', text), [
      error('invalid-url', 7, 14),
      error('invalid-url', 9, 14),
    ]);
    const urls = loadNeedsText(text, TODAY).file?.needs[0]?.evidence.map((e) => e.url);
    assert.deepEqual(urls, [undefined, undefined, 'https://example.com/t/123']);
  });

  it('invalid-date: no 30th of February, no day-first dates', () => {
    const text = needA(
      '    evidence:',
      '      - source: S',
      '        date: 2026-02-30',
      '      - source: T',
      '        date: 14/09/2026',
      '      - source: U',
      '        date: 2026-02-28',
    );
    assert.deepEqual(only('invalid-date', text), [
      error('invalid-date', 7, 15),
      error('invalid-date', 9, 15),
    ]);
  });

  describe('no-evidence', () => {
    it('warns at the id of a need with no evidence', () => {
      assert.deepEqual(problems(needA()), [warning('no-evidence', 3, 9)]);
    });

    it('warns even when the need says it is validated', () => {
      assert.deepEqual(problems(needA('    status: validated')), [warning('no-evidence', 3, 9)]);
    });

    it('says nothing of a retired need', () => {
      assert.deepEqual(problems(needA('    status: retired')), []);
    });
  });

  describe('stale-evidence', () => {
    const dated = (...dates: string[]): string =>
      needA('    evidence:', ...dates.flatMap((d) => ['      - source: S', `        date: ${d}`]));

    it('is quiet at exactly the limit (365 days by default)', () => {
      assert.deepEqual(problems(dated('2025-11-26')), []);
    });

    it('warns at the id one day past the limit', () => {
      assert.deepEqual(problems(dated('2025-11-25')), [warning('stale-evidence', 3, 9)]);
    });

    it('follows the staleDays option', () => {
      // 2026-10-01 to 2026-11-26: 30 days of October, then 26.
      assert.deepEqual(problems(dated('2026-10-01'), { today: '2026-11-26', staleDays: 55 }), [
        warning('stale-evidence', 3, 9),
      ]);
      assert.deepEqual(problems(dated('2026-10-01'), { today: '2026-11-26', staleDays: 56 }), []);
    });

    it('ages the newest evidence, not the oldest', () => {
      assert.deepEqual(problems(dated('2020-01-01', '2026-11-01')), []);
    });

    it('cannot age undated evidence', () => {
      assert.deepEqual(problems(needA('    evidence:', '      - source: S')), []);
    });
  });

  describe('unknown-field', () => {
    it('warns at the key, in a need, at the top and in evidence', () => {
      const text = yaml(
        'version: 1',
        'extra: 1',
        'needs:',
        '  - id: a',
        '    title: A',
        '    colour: red',
        '    evidence:',
        '      - source: S',
        '        link: x',
      );
      assert.deepEqual(problems(text), [
        warning('unknown-field', 2, 1),
        warning('unknown-field', 6, 5),
        warning('unknown-field', 9, 9),
      ]);
    });
  });

  it('empty-keyword: a keyword with no letter or digit, at its value, and dropped', () => {
    const text = needA('    match:', '      keywords: ["***", "-", ok]');
    assert.deepEqual(only('empty-keyword', text), [
      warning('empty-keyword', 6, 18),
      warning('empty-keyword', 6, 25),
    ]);
    const keywords = loadNeedsText(text, TODAY).file?.needs[0]?.keywords.map((k) => k.value);
    assert.deepEqual(keywords, ['ok']);
  });

  it('glob-too-long: a path glob over 1,024 characters, at its value, and dropped', () => {
    const long = `src/${'x'.repeat(1021)}`; // 1,025 characters
    const text = needA('    match:', `      paths: ["${long}", "src/**"]`);
    assert.deepEqual(only('glob-too-long', text), [warning('glob-too-long', 6, 15)]);
    const paths = loadNeedsText(text, TODAY).file?.needs[0]?.paths.map((p) => p.value);
    assert.deepEqual(paths, ['src/**']);
    const fits = needA('    match:', `      paths: ["${long.slice(1)}"]`);
    assert.deepEqual(only('glob-too-long', fits), []);
  });

  it('too-large: refused past maxChars, read at exactly maxChars', () => {
    const text = 'version: 1\nneeds: []\n'; // 21 characters
    assert.deepEqual(problems(text, { maxChars: 20 }), [error('too-large', 1, 1)]);
    assert.deepEqual(problems(text, { maxChars: 21 }), []);
  });

  it('too-deep: deep flow nesting is refused before parsing', () => {
    const deep = 'version: 1\nneeds: ' + '['.repeat(10000) + ']'.repeat(10000) + '\n';
    assert.deepEqual(problems(deep), [error('too-deep', 1, 1)]);
    const shallow = 'version: 1\nneeds: []\nextra: ' + '['.repeat(10) + ']'.repeat(10) + '\n';
    assert.deepEqual(only('too-deep', shallow), []);
  });

  it('too-many-aliases: a billion-laughs document returns quickly with that error', () => {
    const ten = (name: string): string => `[${Array(10).fill(`*${name}`).join(', ')}]`;
    const text = yaml(
      'version: 1',
      'lol: &a lol',
      'lols:',
      `  - &b ${ten('a')}`,
      `  - &c ${ten('b')}`,
      `  - &d ${ten('c')}`,
      `  - &e ${ten('d')}`,
      `  - &f ${ten('e')}`,
      `  - &g ${ten('f')}`,
      `  - &h ${ten('g')}`,
      `  - &i ${ten('h')}`,
      'needs:',
      '  - id: lol',
      '    title: lol',
      '    signals: *i',
      '    review: *i',
    );
    const started = Date.now();
    const found = problems(text);
    assert.ok(Date.now() - started < 2000, 'took too long');
    assert.ok(
      found.some((p) => p.rule === 'too-many-aliases' && p.severity === 'error'),
      JSON.stringify(found),
    );
  });

  it('a few aliases are fine', () => {
    const text = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: &t Checkout',
      '    evidence:',
      '      - source: S',
      '    match:',
      '      keywords: [*t]',
    );
    assert.deepEqual(problems(text), []);
  });
});

describe('loadNeedsText: defaults', () => {
  it('priority is medium, status assumed without evidence', () => {
    const need = loadNeedsText(needA(), TODAY).file?.needs[0];
    assert.equal(need?.priority, 'medium');
    assert.equal(need?.status, 'assumed');
  });

  it('status is validated with evidence', () => {
    const need = loadNeedsText(needA('    evidence:', '      - source: S'), TODAY).file?.needs[0];
    assert.equal(need?.status, 'validated');
  });

  it('keeps what the file says', () => {
    const text = needA(
      '    priority: critical',
      '    status: assumed',
      '    evidence:',
      '      - source: S',
    );
    const need = loadNeedsText(text, TODAY).file?.needs[0];
    assert.equal(need?.priority, 'critical');
    assert.equal(need?.status, 'assumed');
  });

  it('reads the full example of docs/needs-file.md without a problem', () => {
    const text = yaml(
      'version: 1',
      'product: Acme Shop',
      'personas:',
      '  shopper:',
      '    name: Returning shopper',
      '    description: Buys two or three times a month, mostly on a phone.',
      'values:',
      '  - id: honest-errors',
      '    statement: We tell customers plainly what went wrong and what happens next.',
      '    review:',
      '      - Does each new error message say what happened and what to do next?',
      '    paths: ["src/**"]',
      'needs:',
      '  - id: fast-checkout',
      '    title: Checkout feels instant',
      '    persona: shopper',
      '    priority: high',
      '    status: validated',
      '    quote: "I just want to pay and go."',
      '    description: Longer plain text.',
      '    evidence:',
      '      - source: NPS survey 2026-Q3',
      '        kind: survey',
      '        quote: "Why do I type my card every time?"',
      '        url: https://example.com/t/123',
      '        date: 2026-09-14',
      '    signals:',
      '      - 38% of mobile sessions end on the payment step',
      '    match:',
      '      paths: ["src/checkout/**", "!src/checkout/legacy/**"]',
      '      keywords: ["checkout", "saved card", "pay*"]',
      '    review:',
      '      - Does this change add a step or a field to checkout?',
      '    owner: "@payments"',
    );
    const result = loadNeedsText(text, TODAY);
    assert.deepEqual(result.problems, []);
    const need = result.file?.needs[0];
    assert.equal(result.file?.product, 'Acme Shop');
    assert.equal(result.file?.personas.get('shopper')?.name, 'Returning shopper');
    assert.deepEqual(
      result.file?.values[0]?.paths?.map((p) => p.value),
      ['src/**'],
    );
    assert.equal(need?.quote, 'I just want to pay and go.');
    assert.equal(need?.evidence[0]?.date, '2026-09-14');
    assert.equal(need?.evidence[0]?.kind, 'survey');
    assert.equal(need?.owner, '@payments');
    assert.deepEqual(
      need?.keywords.map((k) => k.value),
      ['checkout', 'saved card', 'pay*'],
    );
  });
});

describe('loadNeedsText: fixtures agree with their "# expect:" header', () => {
  const HEADER = /^# expect: (?:(valid)|invalid ([a-z-]+))/;
  const files = readdirSync(FIXTURES).filter((f) => /\.ya?ml$/.test(f));

  it('has fixtures to read', () => {
    assert.ok(files.length > 0);
  });

  for (const file of files) {
    it(file, () => {
      const text = readFileSync(path.join(FIXTURES, file), 'utf8');
      const m = HEADER.exec(text.split(/\r?\n/, 1)[0] ?? '');
      assert.ok(m, `${file} has no "# expect:" header`);
      const errors = problems(text).filter((p) => p.severity === 'error');
      if (m[1]) assert.deepEqual(errors, []);
      else
        assert.ok(
          errors.some((p) => p.rule === m[2]),
          `expected a ${m[2]} error, got ${JSON.stringify(errors)}`,
        );
    });
  }
});

describe('loadNeedsText: never throws', () => {
  /** Deterministic noise: the same bytes every run. */
  function noise(seed: number, length: number): string {
    let x = seed;
    let out = '';
    for (let i = 0; i < length; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      out += String.fromCharCode(x % 256);
    }
    return out;
  }

  for (const seed of [1, 2, 3, 42, 1234]) {
    it(`on random bytes (seed ${seed})`, () => {
      const result = loadNeedsText(noise(seed, 2000), TODAY);
      assert.ok(Array.isArray(result.problems));
    });
  }

  it('on a lone byte-order mark: an empty file', () => {
    assert.deepEqual(problems('\uFEFF'), [error('missing-field', 1, 1)]);
  });

  it('on a file starting with a byte-order mark', () => {
    assert.deepEqual(problems('\uFEFFversion: 1\nneeds: []\n'), []);
  });

  it('on a CRLF file, with the same lines and columns', () => {
    const text = needA('    priority: urgent').replace(/\n/g, '\r\n');
    assert.deepEqual(problems(text), [warning('no-evidence', 3, 9), error('invalid-enum', 5, 15)]);
  });

  it('on a file holding only a comment', () => {
    assert.deepEqual(problems('# nothing yet\n'), [error('missing-field', 1, 1)]);
  });

  it('on deep block nesting', () => {
    const text = 'version: 1\nneeds:\n' + '- '.repeat(5000) + 'x\n';
    assert.ok(loadNeedsText(text, TODAY).problems.some((p) => p.severity === 'error'));
  });

  it('on other odd documents', () => {
    for (const text of [
      '---\n---\n',
      '...',
      '&a *a',
      'a: &a [*a]',
      '!!binary x',
      ': :',
      '\0',
      '"\\u',
    ]) {
      assert.ok(Array.isArray(loadNeedsText(text, TODAY).problems), JSON.stringify(text));
    }
  });
});
