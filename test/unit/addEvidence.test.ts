/**
 * "Record Evidence...": one insertion that leaves every other byte of the
 * needs file as it was. Each case diffs the file line by line (only the
 * expected lines, written by hand, are new) and reloads it with the loader to
 * see the new evidence, word for word.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import type { EvidenceRecord } from '../../src/core/addEvidence';
import { addEvidenceInsertion } from '../../src/core/addEvidence';
import { loadNeedsText } from '../../src/core/load';
import type { Evidence } from '../../src/core/model';
import { applyInsertion } from '../../src/core/yamlEdit';
import { lineDiff } from './helpers/textDiff';

const FILE = [
  'version: 1',
  "product: 'Acme: the shop' # odd quoting stays",
  'needs:',
  '  - id: fast-checkout',
  '    title: "Checkout feels \\"instant\\""',
  '    evidence:',
  '      - source: NPS survey',
  "        quote: 'It''s slow'",
  '        date: 2026-01-02 # the day it closed',
  '    # comments after the list stay where they are',
  '    review:',
  '      - Does it add a step?',
  '  - id: clear-total',
  '    title: The total I see is the total I pay',
  '    priority: critical',
  '    description: >',
  '      Fees shown before',
  '      the checkout button.',
  '    review: [Is every fee shown?]',
  '  - { id: flow-need, title: Flow need }',
  '  - id: empty-list',
  '    title: Empty list',
  '    evidence: []',
  '  - id: flow-list',
  '    title: Flow list',
  '    evidence: [{ source: Ticket 1 }]',
  '  - id: null-list',
  '    title: Null list',
  '    evidence: # to come',
  '    owner: "@team"',
  '# trailing comment',
  '',
].join('\n');

const RECORD: EvidenceRecord = {
  source: 'Support ticket 4512',
  kind: 'ticket',
  quote: 'Why: I typed # my card twice',
  url: 'https://example.com/t/4512',
  date: '2026-03-04',
};

/** The block lines of RECORD, as a reader would write them, at `dash` before the `-`. */
function recordLines(dash: string): string[] {
  const pad = `${dash}  `;
  return [
    `${dash}- source: Support ticket 4512\n`,
    `${pad}kind: ticket\n`,
    `${pad}quote: 'Why: I typed # my card twice'\n`,
    `${pad}url: 'https://example.com/t/4512'\n`,
    `${pad}date: 2026-03-04\n`,
  ];
}

function edited(source: string, id: string, record: EvidenceRecord = RECORD): string {
  const result = addEvidenceInsertion(source, id, record);
  if (!result.ok) throw new Error(result.message);
  return applyInsertion(source, result.insertion);
}

function evidenceOf(text: string, id: string): Omit<Evidence, 'span'>[] {
  const loaded = loadNeedsText(text, { today: '2026-06-01' });
  const need = loaded.file?.needs.find((n) => n.id === id);
  assert.ok(need, `need ${id} loads`);
  return need.evidence.map((e) => ({
    source: e.source,
    kind: e.kind,
    quote: e.quote,
    url: e.url,
    date: e.date,
  }));
}

function errors(text: string): string[] {
  return loadNeedsText(text)
    .problems.filter((p) => p.severity === 'error')
    .map((p) => `${p.rule} ${p.span.start.line}`);
}

const NEW: Omit<Evidence, 'span'> = {
  source: 'Support ticket 4512',
  kind: 'ticket',
  quote: 'Why: I typed # my card twice',
  url: 'https://example.com/t/4512',
  date: '2026-03-04',
};

describe('addEvidenceInsertion', () => {
  it('the fixture loads without errors', () => {
    assert.deepEqual(errors(FILE), []);
  });

  it('appends to a block list after its last entry, before the comment that follows', () => {
    const after = edited(FILE, 'fast-checkout');
    assert.deepEqual(lineDiff(FILE, after), { removed: [], added: recordLines('      ') });
    assert.ok(after.indexOf('the day it closed') < after.indexOf('Support ticket 4512'));
    assert.ok(after.indexOf('Support ticket 4512') < after.indexOf('# comments after the list'));
    assert.deepEqual(evidenceOf(after, 'fast-checkout'), [
      {
        source: 'NPS survey',
        kind: undefined,
        quote: "It's slow",
        url: undefined,
        date: '2026-01-02',
      },
      NEW,
    ]);
    assert.deepEqual(errors(after), []);
  });

  it('creates the list after `description` when the need has none', () => {
    const after = edited(FILE, 'clear-total');
    assert.deepEqual(lineDiff(FILE, after), {
      removed: [],
      added: ['    evidence:\n', ...recordLines('      ')],
    });
    assert.ok(
      after.indexOf('the checkout button.') <
        after.indexOf('    evidence:\n      - source: Support'),
    );
    assert.ok(
      after.indexOf('Support ticket 4512') < after.indexOf('review: [Is every fee shown?]'),
    );
    assert.deepEqual(evidenceOf(after, 'clear-total'), [NEW]);
    assert.deepEqual(errors(after), []);
  });

  it('fills an empty flow list `[]` inside its brackets, the rest of the line untouched', () => {
    const after = edited(FILE, 'empty-list', { source: 'Call', kind: 'interview' });
    assert.deepEqual(lineDiff(FILE, after), {
      removed: ['    evidence: []\n'],
      added: ['    evidence: [{ source: Call, kind: interview }]\n'],
    });
    assert.deepEqual(evidenceOf(after, 'empty-list'), [
      { source: 'Call', kind: 'interview', quote: undefined, url: undefined, date: undefined },
    ]);
  });

  it('adds to a flow list after its last entry', () => {
    const after = edited(FILE, 'flow-list', { source: 'Ticket 2, urgent' });
    assert.deepEqual(lineDiff(FILE, after), {
      removed: ['    evidence: [{ source: Ticket 1 }]\n'],
      added: ["    evidence: [{ source: Ticket 1 }, { source: 'Ticket 2, urgent' }]\n"],
    });
    assert.deepEqual(
      evidenceOf(after, 'flow-list').map((e) => e.source),
      ['Ticket 1', 'Ticket 2, urgent'],
    );
  });

  it('adds `evidence` to a need written as a flow mapping', () => {
    const after = edited(FILE, 'flow-need', { source: 'Forum post' });
    assert.deepEqual(lineDiff(FILE, after), {
      removed: ['  - { id: flow-need, title: Flow need }\n'],
      added: ['  - { id: flow-need, title: Flow need, evidence: [{ source: Forum post }] }\n'],
    });
    assert.deepEqual(
      evidenceOf(after, 'flow-need').map((e) => e.source),
      ['Forum post'],
    );
  });

  it('fills an empty `evidence:` under its key, keeping the comment on the key', () => {
    const after = edited(FILE, 'null-list');
    assert.deepEqual(lineDiff(FILE, after), { removed: [], added: recordLines('      ') });
    assert.ok(after.includes('    evidence: # to come\n      - source: Support ticket 4512\n'));
    assert.deepEqual(evidenceOf(after, 'null-list'), [NEW]);
    assert.deepEqual(errors(after), []);
  });

  it('keeps CRLF line ends, and writes its own lines with CRLF', () => {
    const crlf = FILE.replace(/\n/g, '\r\n');
    for (const id of ['fast-checkout', 'clear-total', 'null-list']) {
      const after = edited(crlf, id);
      const { removed, added } = lineDiff(crlf, after);
      assert.deepEqual(removed, [], id);
      assert.ok(added.length >= 5, id);
      for (const line of added) assert.ok(line.endsWith('\r\n') && !/[^\r]\n/.test(line), line);
      assert.deepEqual(evidenceOf(after, id).at(-1), NEW, id);
    }
  });

  it('ends a last line that had no line break before adding its own', () => {
    const source = 'version: 1\nneeds:\n  - id: a\n    title: A\n    evidence:\n      - source: x';
    const after = edited(source, 'a', { source: 'y' });
    assert.equal(after, `${source}\n      - source: y\n`);
  });

  it('writes into a list indented like the key (`- ` under `evidence:` at the same column)', () => {
    const source = 'version: 1\nneeds:\n- id: a\n  title: A\n  evidence:\n  - source: x\n';
    const after = edited(source, 'a', { source: 'y' });
    assert.equal(after, `${source}  - source: y\n`);
  });

  it('refuses, naming the line, when the YAML is broken, and when the need is not there', () => {
    const broken = 'version: 1\nneeds:\n  - id: a\n    title: "open\n';
    const r1 = addEvidenceInsertion(broken, 'a', { source: 'x' });
    assert.equal(r1.ok, false);
    assert.match(r1.ok ? '' : r1.message, /line \d+, column \d+/);
    const r2 = addEvidenceInsertion(FILE, 'no-such-need', { source: 'x' });
    assert.deepEqual(r2, { ok: false, message: 'No need "no-such-need" in this needs file.' });
    const r3 = addEvidenceInsertion(FILE, 'fast-checkout', { source: '  ' });
    assert.equal(r3.ok, false);
  });

  it('refuses `evidence: ~` rather than rewrite it', () => {
    const source = 'version: 1\nneeds:\n  - id: a\n    title: A\n    evidence: ~\n';
    assert.equal(addEvidenceInsertion(source, 'a', { source: 'x' }).ok, false);
  });

  it('round-trips any text in every field that takes text, in every list shape', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
      fc.constantFrom(
        ': ',
        'a: b',
        'a #b',
        '#',
        "'",
        '"',
        '\\',
        'line\nbreak',
        ' lead',
        'trail ',
        'yes',
        'null',
        '1.0',
        '@team',
        '- item',
        '[x]',
        '{y}',
        '*alias',
        '&anchor',
        '!tag',
        '%',
        '`',
        '|',
        '>',
        '\t',
        '\u2028',
        '\u0085',
        '\ufeff',
        '😀',
      ),
    );
    const ids = [
      'fast-checkout',
      'clear-total',
      'flow-need',
      'empty-list',
      'flow-list',
      'null-list',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...ids), text, text, fc.boolean(), (id, source, quote, crlf) => {
        fc.pre(source.trim() !== '');
        const base = crlf ? FILE.replace(/\n/g, '\r\n') : FILE;
        const record = { source, quote };
        const result = addEvidenceInsertion(base, id, record);
        assert.ok(result.ok, result.ok ? '' : result.message);
        const after = applyInsertion(base, result.insertion);
        // Everything outside the inserted text is the original, byte for byte.
        assert.equal(
          after.slice(0, result.insertion.offset),
          base.slice(0, result.insertion.offset),
        );
        assert.equal(
          after.slice(result.insertion.offset + result.insertion.text.length),
          base.slice(result.insertion.offset),
        );
        const last = evidenceOf(after, id).at(-1);
        assert.equal(last?.source, source);
        assert.equal(last?.quote, quote);
      }),
      { numRuns: 300 },
    );
  });
});
