import * as assert from 'node:assert/strict';
import type { ScopedLink } from '../../src/core/needsSet';
import { needsOfLinks, relatedNeeds } from '../../src/core/relatedNeeds';
import type { RelatedNeed } from '../../src/core/relatedNeeds';
import { needsSet, yaml } from './helpers/needsIndex';

const ROOT = 'customer-needs.yaml';
const PAY = 'packages/pay/customer-needs.yaml';

const ROOT_TEXT = yaml(
  'version: 1',
  "exclude: ['src/generated/**']",
  'needs:',
  '  - id: fast-checkout',
  '    title: Checkout feels instant',
  '    priority: high',
  '    match:',
  '      paths: ["src/checkout/**"]',
  '      keywords: ["checkout"]',
  '  - id: saved-cards',
  '    title: Pay with a saved card',
  '    priority: critical',
  '    match:',
  '      keywords: ["saved card"]',
  '  - id: card-brands',
  '    title: Card brands shown',
  '    priority: low',
  '    match:',
  '      keywords: ["card"]',
  '  - id: receipts',
  '    title: Receipts by mail',
  '    priority: high',
  '    match:',
  '      keywords: ["receipt"]',
);

const PAY_TEXT = yaml(
  'version: 1',
  'personas:',
  '  clerk:',
  '    name: Shop clerk',
  'needs:',
  '  - id: fast-checkout',
  '    title: Paying feels instant',
  '    priority: high',
  '    match:',
  '      keywords: ["refund"]',
  '  - id: refunds',
  '    title: Refunds in one step',
  '    priority: critical',
  '    persona: clerk',
  '    match:',
  '      keywords: ["refund"]',
);

const set = needsSet({ [ROOT]: ROOT_TEXT, [PAY]: PAY_TEXT });

const PAY_FILE = 'src/checkout/pay.ts';
// Lines, 0-based, with the matches counted by hand:
// 0: keyword `checkout` 0-8 (its second occurrence in `fast-checkout` adds no
//    link), annotation `fast-checkout` 21-34
// 1: annotation `receipts` 9-17
// 2: `savedCard` 6-15 is keyword `saved card`, its `Card` 11-15 keyword `card`
// 4: `mailReceipt`: keyword `receipt` 13-20
const PAY_CODE = [
  'checkout(); // @need fast-checkout',
  '// @need receipts',
  'const savedCard = load();',
  '',
  'function mailReceipt() {}',
  '',
].join('\n');

/** `needsFile id: reason, reason`; a reason is `rule match` and `@line` when it has one. */
function rows(related: readonly RelatedNeed[]): string[] {
  return related.map((r) => `${r.needsFile} ${r.need.id}: ${r.reasons.map(reason).join(', ')}`);
}

function reason(l: ScopedLink): string {
  return `${l.rule} ${l.match}${l.line === undefined ? '' : ` @${l.line}`}`;
}

describe('relatedNeeds: a whole file', () => {
  it('lists each need once with every reason, path first, then lines top to bottom', () => {
    assert.deepEqual(rows(relatedNeeds(set, PAY_FILE, { text: PAY_CODE })), [
      `${ROOT} saved-cards: keyword saved card @2`,
      `${ROOT} fast-checkout: path src/checkout/**, annotation fast-checkout @0, keyword checkout @0`,
      `${ROOT} receipts: annotation receipts @1, keyword receipt @4`,
      `${ROOT} card-brands: keyword card @2`,
    ]);
  });

  it('orders critical first, then by id: the checklist order', () => {
    // By id alone card-brands would lead; by priority saved-cards does, and
    // fast-checkout and receipts (both high) keep the order of their ids.
    const ids = relatedNeeds(set, PAY_FILE, { text: PAY_CODE }).map((r) => r.need.id);
    assert.deepEqual(ids, ['saved-cards', 'fast-checkout', 'receipts', 'card-brands']);
  });

  it('leaves out needs below the minimum priority', () => {
    const ids = relatedNeeds(set, PAY_FILE, { text: PAY_CODE }, { minimum: 'high' }).map(
      (r) => r.need.id,
    );
    assert.deepEqual(ids, ['saved-cards', 'fast-checkout', 'receipts']);
  });

  it('relates a file not read as text by its path alone', () => {
    assert.deepEqual(rows(relatedNeeds(set, PAY_FILE, { pathOnly: true })), [
      `${ROOT} fast-checkout: path src/checkout/**`,
    ]);
  });

  it('relates nothing to a file no need speaks of', () => {
    assert.deepEqual(relatedNeeds(set, 'src/other.ts', { text: 'const x = 1;\n' }), []);
  });

  it('never matches the text `outside-in instructions` generated', () => {
    const agents = [
      'checkout',
      '<!-- outside-in:begin generated -->',
      'saved card',
      '<!-- outside-in:end -->',
      'receipt',
    ].join('\n');
    assert.deepEqual(rows(relatedNeeds(set, 'AGENTS.md', { text: agents })), [
      `${ROOT} fast-checkout: keyword checkout @0`,
      `${ROOT} receipts: keyword receipt @4`,
    ]);
    // The region opens above the line asked about: still not matched.
    assert.deepEqual(relatedNeeds(set, 'AGENTS.md', { text: agents, first: 2 }), []);
  });

  it('relates nothing to a file a needs file excludes, however it is asked', () => {
    const path = 'src/generated/checkout.ts';
    assert.deepEqual(relatedNeeds(set, path, { text: 'checkout()\n' }), []);
    assert.deepEqual(relatedNeeds(set, path, { text: 'checkout()\n', first: 0 }), []);
    assert.deepEqual(relatedNeeds(set, path, { pathOnly: true }), []);
  });

  it('relates nothing to a needs file, though it names every keyword', () => {
    assert.deepEqual(relatedNeeds(set, ROOT, { text: ROOT_TEXT }), []);
    assert.deepEqual(relatedNeeds(set, PAY, { text: PAY_TEXT }), []);
  });
});

describe('relatedNeeds: lines', () => {
  it('one line: its reasons and the path, which speaks for every line', () => {
    assert.deepEqual(rows(relatedNeeds(set, PAY_FILE, { text: PAY_CODE, first: 4 })), [
      `${ROOT} fast-checkout: path src/checkout/**`,
      `${ROOT} receipts: keyword receipt @4`,
    ]);
  });

  it('a range, both ends included; a need matched outside it only by a line is left out', () => {
    assert.deepEqual(rows(relatedNeeds(set, PAY_FILE, { text: PAY_CODE, first: 1, last: 2 })), [
      `${ROOT} saved-cards: keyword saved card @2`,
      `${ROOT} fast-checkout: path src/checkout/**`,
      `${ROOT} receipts: annotation receipts @1`,
      `${ROOT} card-brands: keyword card @2`,
    ]);
  });

  it('a line past the end of the text relates by path alone', () => {
    assert.deepEqual(rows(relatedNeeds(set, PAY_FILE, { text: PAY_CODE, first: 40 })), [
      `${ROOT} fast-checkout: path src/checkout/**`,
    ]);
  });
});

describe('relatedNeeds: a position (the hover)', () => {
  const at = (line: number, character: number): string[] =>
    rows(
      relatedNeeds(set, PAY_FILE, {
        line,
        lineText: PAY_CODE.split('\n')[line] ?? '',
        character,
      }),
    );

  it('only the needs matched under the character, most important first', () => {
    assert.deepEqual(at(2, 12), [
      `${ROOT} saved-cards: keyword saved card @2`,
      `${ROOT} card-brands: keyword card @2`,
    ]);
    assert.deepEqual(at(2, 7), [`${ROOT} saved-cards: keyword saved card @2`]);
  });

  it('a match covers its last character too; the space before it relates nothing', () => {
    assert.deepEqual(
      at(2, 15).map((r) => r.split(':')[0]),
      [`${ROOT} saved-cards`, `${ROOT} card-brands`],
    );
    assert.deepEqual(at(2, 5), []);
    assert.deepEqual(at(3, 0), []);
  });

  it('reasons: the match under the cursor, then the rest of the line, then the path', () => {
    assert.deepEqual(at(0, 3), [
      `${ROOT} fast-checkout: keyword checkout @0, annotation fast-checkout @0, path src/checkout/**`,
    ]);
    assert.deepEqual(at(0, 25), [
      `${ROOT} fast-checkout: annotation fast-checkout @0, keyword checkout @0, path src/checkout/**`,
    ]);
  });

  it('leaves out needs below the minimum priority', () => {
    const related = relatedNeeds(
      set,
      PAY_FILE,
      { line: 2, lineText: 'const savedCard = load();', character: 12 },
      { minimum: 'medium' },
    );
    assert.deepEqual(
      related.map((r) => r.need.id),
      ['saved-cards'],
    );
  });
});

describe('relatedNeeds: a position in generated text', () => {
  const lines = [
    'checkout',
    'x <!-- outside-in:begin generated -->',
    'savedCard',
    '<!-- outside-in:end --> receipt',
    'receipt',
  ];
  const at = (path: string, eol: string, line: number, character: number): string[] =>
    relatedNeeds(set, path, {
      line,
      lineText: lines[line] ?? '',
      character,
      text: lines.join(eol),
    }).map((r) => r.need.id);

  for (const eol of ['\n', '\r\n', '\r']) {
    it(`relates none inside a region, and as before around it (${JSON.stringify(eol)})`, () => {
      assert.deepEqual(at('AGENTS.md', eol, 0, 2), ['fast-checkout']);
      assert.deepEqual(at('AGENTS.md', eol, 2, 1), []);
      // The region ends with its end marker: the text after it on that line is the user's.
      assert.deepEqual(at('AGENTS.md', eol, 3, 5), []);
      assert.deepEqual(at('AGENTS.md', eol, 3, 26), ['receipts']);
      assert.deepEqual(at('AGENTS.md', eol, 4, 0), ['receipts']);
    });
  }

  it('relates none anywhere in a generated file that carries the marker', () => {
    const path = '.github/instructions/outside-in-needs.instructions.md';
    assert.deepEqual(at(path, '\n', 0, 2), []);
    assert.deepEqual(at(path, '\n', 4, 0), []);
  });

  it('without the whole text, the line alone decides', () => {
    const related = relatedNeeds(set, 'AGENTS.md', {
      line: 2,
      lineText: 'saved card',
      character: 1,
    });
    assert.deepEqual(
      related.map((r) => r.need.id),
      ['saved-cards'],
    );
  });
});

describe('relatedNeeds: several needs files', () => {
  const path = 'packages/pay/src/refund.ts';

  it('the same id in two needs files is two needs, ordered by needs file', () => {
    assert.deepEqual(rows(relatedNeeds(set, path, { text: 'refund(checkout)\n' })), [
      `${PAY} refunds: keyword refund @0`,
      `${ROOT} fast-checkout: keyword checkout @0`,
      `${PAY} fast-checkout: keyword refund @0`,
    ]);
  });

  it('each need comes with the needs file that defines it, personas and all', () => {
    const related = relatedNeeds(set, path, { text: 'refund(checkout)\n' });
    const titles = related.map((r) => `${r.needsFile} ${r.need.title}`);
    assert.deepEqual(titles, [
      `${PAY} Refunds in one step`,
      `${ROOT} Checkout feels instant`,
      `${PAY} Paying feels instant`,
    ]);
    for (const r of related) assert.ok(r.file.needs.includes(r.need), r.need.title);
    const refunds = related[0] as RelatedNeed;
    assert.equal(refunds.file.personas.get(refunds.need.persona ?? '')?.name, 'Shop clerk');
  });

  it('a nested needs file speaks for its own folder only', () => {
    assert.deepEqual(relatedNeeds(set, 'src/refund.ts', { text: 'refund()\n' }), []);
  });
});

describe('needsOfLinks: links a caller already holds', () => {
  it('groups them per need in the order of relatedNeeds, each reason in the order given', () => {
    const links = set.fileLinks(PAY_FILE, PAY_CODE).filter((l) => l.line === 2 || l.line === 0);
    assert.deepEqual(rows(needsOfLinks(set, links)), [
      `${ROOT} saved-cards: keyword saved card @2`,
      `${ROOT} fast-checkout: annotation fast-checkout @0, keyword checkout @0`,
      `${ROOT} card-brands: keyword card @2`,
    ]);
    assert.deepEqual(
      needsOfLinks(set, links, { minimum: 'critical' }).map((r) => r.need.id),
      ['saved-cards'],
    );
    assert.deepEqual(needsOfLinks(set, []), []);
  });
});
