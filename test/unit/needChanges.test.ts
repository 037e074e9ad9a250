/**
 * Suspect links in the core: which needs a change edited, removed or retired
 * (compareNeedsFiles), and what the checklist then says (withNeedChanges,
 * failReasons). Expected values are worked out by hand from the needs texts.
 */
import * as assert from 'node:assert/strict';
import type { Checklist } from '../../src/core/checklist';
import { buildChecklist } from '../../src/core/checklist';
import { failReasons } from '../../src/core/failOn';
import { compareNeedsFiles, needFingerprint } from '../../src/core/needChanges';
import type { NeedsFileNeeds } from '../../src/core/needChanges';
import { renderMarkdown, renderText } from '../../src/core/render';
import { SUSPECTS_CAP, withNeedChanges } from '../../src/core/suspects';
import type { HeadLink } from '../../src/core/suspects';
import { loadValid, needsSet, yaml } from './helpers/needsIndex';

const BASE = yaml(
  'version: 1',
  'needs:',
  '  - id: clear-total',
  '    title: The total is the total',
  '    quote: "No surprises."',
  '    match:',
  '      keywords: ["order total"]',
  '    review: ["Does the cart total equal the charge?"]',
  '  - id: gift-note',
  '    title: I can add a gift note',
  '    evidence:',
  '      - source: Support tickets',
  '  - id: old-coupon',
  '    title: Coupons from the old shop work',
  '  - id: fast-pay',
  '    title: Paying is fast',
  '    owner: payments',
);

function file(needsFile: string, text: string): NeedsFileNeeds {
  return { needsFile, needs: loadValid(text).needs };
}

describe('compareNeedsFiles: what a change did to the needs', () => {
  it('finds edited customer-facing fields, retired and removed needs, and ignores the rest', () => {
    const head = yaml(
      'version: 1',
      'needs:',
      '  - id: clear-total',
      '    title: The total is the total',
      '    quote: "No surprises at checkout."',
      '    match:',
      '      keywords: ["order total", "grand total"]',
      '    review: ["Does the cart total equal the charge?"]',
      '  - id: gift-note',
      '    title: I can add a gift note',
      '    status: retired',
      '    evidence:',
      '      - source: Support tickets',
      // old-coupon removed; fast-pay only changes its owner, which no customer reads
      '  - id: fast-pay',
      '    title: Paying is fast',
      '    owner: checkout',
      '  - id: brand-new',
      '    title: Something new',
    );
    const changes = compareNeedsFiles(
      [file('customer-needs.yaml', BASE)],
      [file('customer-needs.yaml', head)],
    );
    assert.deepEqual(changes.changed, [
      { id: 'clear-total', needsFile: 'customer-needs.yaml', fields: ['quote', 'match'] },
    ]);
    assert.deepEqual(changes.ended, [
      { id: 'gift-note', needsFile: 'customer-needs.yaml', how: 'retired' },
      { id: 'old-coupon', needsFile: 'customer-needs.yaml', how: 'removed' },
    ]);
  });

  it('a need moved to another needs file is not removed, and a new needs file changes nothing', () => {
    const rest = yaml('version: 1', 'needs:', '  - id: fast-pay', '    title: Paying is fast');
    const moved = yaml(
      'version: 1',
      'needs:',
      '  - id: clear-total',
      '    title: The total is the total',
      '    quote: "No surprises."',
      '    match:',
      '      keywords: ["order total"]',
      '    review: ["Does the cart total equal the charge?"]',
      '  - id: gift-note',
      '    title: I can add a gift note',
      '  - id: old-coupon',
      '    title: Coupons from the old shop work',
    );
    const changes = compareNeedsFiles(
      [file('customer-needs.yaml', BASE)],
      [file('customer-needs.yaml', rest), file('pkg/customer-needs.yaml', moved)],
    );
    assert.deepEqual(changes, { changed: [], ended: [] });
  });

  it('title, description, review, priority and status count; a fingerprint follows them', () => {
    const before = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: One',
      '    description: Old words',
      '    priority: low',
      '    status: assumed',
      '    review: ["Q?"]',
    );
    const after = yaml(
      'version: 1',
      'needs:',
      '  - id: a',
      '    title: One, said better',
      '    description: New words',
      '    priority: high',
      '    status: validated',
      '    review: ["Q?", "R?"]',
    );
    const changes = compareNeedsFiles([file('n.yaml', before)], [file('n.yaml', after)]);
    assert.deepEqual(changes.changed[0]?.fields, [
      'title',
      'description',
      'review',
      'priority',
      'status',
    ]);
    const [was] = loadValid(before).needs;
    const [is] = loadValid(after).needs;
    const [same] = loadValid(before.replace('review: ["Q?"]', 'review:\n      - "Q?"')).needs;
    assert.ok(was && is && same);
    assert.notEqual(needFingerprint(was), needFingerprint(is));
    assert.equal(needFingerprint(was), needFingerprint(same), 'layout is not content');
    assert.match(needFingerprint(was), /^[0-9a-f]{8}$/);
  });
});

describe('withNeedChanges: suspect links on the checklist', () => {
  const HEAD = yaml(
    'version: 1',
    'needs:',
    '  - id: clear-total',
    '    title: The total is the total',
    '    priority: high',
    '    quote: "No surprises at checkout."',
    '    match:',
    '      paths: ["src/cart/**"]',
    '      keywords: ["order total"]',
    '  - id: fast-pay',
    '    title: Paying is fast',
    '    priority: critical',
    '    evidence:',
    '      - source: NPS survey',
    '    match:',
    '      keywords: ["pay"]',
    '  - id: gift-note',
    '    title: I can add a gift note',
    '    status: retired',
  );
  const set = needsSet({ 'customer-needs.yaml': HEAD });
  const revs = { base: 'b'.repeat(40), head: 'WORKTREE' };
  const changes = {
    changed: [{ id: 'clear-total', needsFile: 'customer-needs.yaml', fields: ['quote'] as const }],
    ended: [
      { id: 'gift-note', needsFile: 'customer-needs.yaml', how: 'retired' as const },
      { id: 'old-coupon', needsFile: 'customer-needs.yaml', how: 'removed' as const },
    ],
  };
  const n = 'customer-needs.yaml';
  // Deliberately out of order: path, keyword, annotation.
  const found: HeadLink[] = [
    { file: 'src/cart/summary.ts', rule: 'path', id: 'clear-total', needsFile: n },
    { file: 'src/cart/summary.ts', line: 9, rule: 'keyword', id: 'clear-total', needsFile: n },
    { file: 'src/b.ts', line: 4, rule: 'annotation', id: 'clear-total', needsFile: n },
    { file: 'src/a.ts', line: 7, rule: 'annotation', id: 'clear-total', needsFile: n },
    { file: 'src/z.ts', line: 2, rule: 'annotation', id: 'old-coupon' },
    { file: 'src/gift.ts', line: 1, rule: 'annotation', id: 'gift-note' },
  ];

  function build(): Checklist {
    // The change also adds an annotation of the removed need on src/z.ts line 2.
    const plain = buildChecklist(
      set,
      [
        {
          path: 'src/z.ts',
          status: 'modified',
          binary: false,
          added: [{ line: 2, text: '// @need old-coupon' }],
          removed: [],
        },
        {
          path: 'src/pay.ts',
          status: 'modified',
          binary: false,
          added: [{ line: 1, text: 'pay();' }],
          removed: [],
        },
      ],
      revs,
    );
    assert.deepEqual(plain.unknownAnnotations, [{ file: 'src/z.ts', line: 2, id: 'old-coupon' }]);
    return withNeedChanges(plain, set, changes, found);
  }

  it('adds the edited need with its suspects, annotations first, and lists ended annotations', () => {
    const c = build();
    assert.deepEqual(
      c.needs.map((x) => x.id),
      ['fast-pay', 'clear-total'],
      'critical first, then high',
    );
    const need = c.needs[1];
    assert.ok(need);
    assert.equal(need.changed, true);
    assert.deepEqual(need.changedFields, ['quote']);
    assert.deepEqual(need.because, []);
    assert.deepEqual(need.suspects, [
      { file: 'src/a.ts', line: 7, rule: 'annotation' },
      { file: 'src/b.ts', line: 4, rule: 'annotation' },
      { file: 'src/cart/summary.ts', line: 9, rule: 'keyword' },
      { file: 'src/cart/summary.ts', rule: 'path' },
    ]);
    assert.equal(need.suspectsMore, 0);
    assert.equal(c.needs[0]?.changed, undefined, 'an untouched need is not marked');
    assert.deepEqual(c.endedAnnotations, [
      { file: 'src/gift.ts', line: 1, id: 'gift-note', change: 'retired' },
      { file: 'src/z.ts', line: 2, id: 'old-coupon', change: 'removed' },
    ]);
    assert.equal(c.unknownAnnotations, undefined, 'the removed need is said once, as ended');
  });

  it('caps the suspects and counts the rest', () => {
    const many: HeadLink[] = Array.from({ length: SUSPECTS_CAP + 5 }, (_, i) => ({
      file: `src/f${String(i).padStart(2, '0')}.ts`,
      line: 1,
      rule: 'annotation' as const,
      id: 'clear-total',
      needsFile: n,
    }));
    const c = withNeedChanges(buildChecklist(set, [], revs), set, changes, many);
    const need = c.needs.find((x) => x.id === 'clear-total');
    assert.equal(need?.suspects?.length, 20);
    assert.equal(need?.suspects?.[19]?.file, 'src/f19.ts');
    assert.equal(need?.suspectsMore, 5);
  });

  it('leaves the checklist as it was when no need changed', () => {
    const plain = buildChecklist(set, [], revs);
    assert.equal(withNeedChanges(plain, set, { changed: [], ended: [] }, found), plain);
  });

  it('says in Markdown and text that the need changed and which code was written for it', () => {
    const c = build();
    const md = renderMarkdown(c);
    assert.ok(
      md.includes(
        '**This change edits the need: quote.** Does the code written for it still serve what it now says?\n\n- `src/a.ts:7`: annotation\n- `src/b.ts:4`: annotation\n',
      ),
      md,
    );
    assert.ok(md.includes('### Code that still speaks for needs this change ends'));
    assert.ok(md.includes('- `src/z.ts:2`: `@need old-coupon`, a need this change removed'));
    const text = renderText(c);
    assert.ok(text.includes('  This change edits the need: quote.'), text);
    assert.ok(text.includes('    src/cart/summary.ts: path'));
    assert.ok(text.includes('  src/gift.ts:1: @need gift-note, a need this change retired'));
  });

  it('--fail-on suspect names the changed need and each ended annotation', () => {
    const c = build();
    assert.deepEqual(failReasons(c, ['suspect']), [
      'suspect: clear-total (The total is the total) changed (quote) and 4 places in the code link to it',
      'suspect: src/gift.ts:1 annotates "gift-note", which the change retired',
      'suspect: src/z.ts:2 annotates "old-coupon", which the change removed',
    ]);
    const quiet = withNeedChanges(buildChecklist(set, [], revs), set, changes, []);
    assert.deepEqual(failReasons(quiet, ['suspect']), [], 'a changed need no code links to');
  });
});
