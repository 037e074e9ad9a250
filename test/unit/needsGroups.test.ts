import * as assert from 'node:assert/strict';
import { loadNeedsText } from '../../src/core/load';
import type { NeedsFile } from '../../src/core/model';
import { groupNeeds, needBadge, needDescription, needsCountText } from '../../src/core/needsGroups';
import { starterNeedsFile } from '../../src/core/starterNeeds';
import { yaml } from './helpers/needsIndex';

function load(text: string): NeedsFile {
  const result = loadNeedsText(text);
  assert.ok(result.file, JSON.stringify(result.problems));
  return result.file;
}

const file = load(
  yaml(
    'version: 1',
    'personas:',
    '  shopper:',
    '    name: Returning shopper',
    '  admin:',
    '    name: Back-office admin',
    'needs:',
    '  - id: b-low',
    '    title: Low one',
    '    persona: shopper',
    '    priority: low',
    '  - id: a-high',
    '    title: High one',
    '    persona: admin',
    '    priority: high',
    '    quote: "Just let me   pay."',
    '    evidence:',
    '      - source: Survey',
    '        date: 2020-01-01',
    '  - id: c-high',
    '    title: Another high one',
    '    priority: high',
    '    evidence:',
    '      - source: Ticket',
    '        date: 2026-01-01',
    '  - id: old',
    '    title: Gone',
    '    persona: shopper',
    '    priority: critical',
    '    status: retired',
  ),
);
const needs = file.needs.map((need) => ({ need, file, source: 'customer-needs.yaml' }));
const ids = (groups: ReturnType<typeof groupNeeds>): [string, string, string[]][] =>
  groups.map((g) => [g.key, g.label, g.needs.map((n) => n.need.id)]);

describe('needsGroups', () => {
  it('groups by priority, critical first, with retired needs last and apart', () => {
    assert.deepEqual(ids(groupNeeds(needs, 'priority')), [
      ['priority:high', 'High', ['a-high', 'c-high']],
      ['priority:low', 'Low', ['b-low']],
      ['retired', 'Retired', ['old']],
    ]);
  });

  it('groups by persona name, needs without a persona after them', () => {
    assert.deepEqual(ids(groupNeeds(needs, 'persona', false)), [
      ['persona:admin', 'Back-office admin', ['a-high']],
      ['persona:shopper', 'Returning shopper', ['b-low']],
      ['persona:', 'No persona', ['c-high']],
    ]);
  });

  it('badges an assumption and stale evidence, and puts the quote in the description', () => {
    const options = { today: '2026-06-01', staleDays: 365 };
    const [low, high, fresh, old] = file.needs;
    assert.ok(low && high && fresh && old);
    assert.deepEqual(needBadge(low, options).badge, 'assumption');
    assert.equal(needBadge(low, options).warning, true);
    assert.equal(needBadge(high, options).badge, 'validated, stale');
    assert.equal(needBadge(high, options).warning, true);
    assert.equal(needBadge(fresh, options).badge, '');
    assert.equal(needBadge(fresh, options).warning, false);
    assert.equal(needBadge(old, options).badge, 'retired');
    // The tooltip's evidence line is the hover's and the checklist's.
    assert.equal(needBadge(low, options).evidence, 'Assumption: rests on no evidence');
    assert.equal(
      needBadge(high, options).evidence,
      'Validated · 1 piece of evidence, newest 2020-01-01 (6 years ago) · stale: re-validate with customers',
    );
    assert.equal(
      needDescription(high, needBadge(high, options)),
      'validated, stale · “Just let me pay.”',
    );
    assert.equal(needDescription(fresh, needBadge(fresh, options)), '');
  });

  it('counts needs in words', () => {
    assert.equal(needsCountText(1), '1 need');
    assert.equal(needsCountText(3), '3 needs');
  });
});

describe('starterNeedsFile', () => {
  it('is a valid needs file whose one example need is an honest assumption', () => {
    const result = loadNeedsText(starterNeedsFile());
    // The only problem: the example rests on no evidence, which the file says too.
    assert.deepEqual(
      result.problems.map((p) => [p.severity, p.rule, p.span.start.line]),
      [['warning', 'no-evidence', 27]],
    );
    assert.ok(result.file);
    assert.deepEqual(
      result.file.needs.map((n) => [n.id, n.status, n.persona]),
      [['fast-checkout', 'assumed', 'shopper']],
    );
  });

  it('explains every field of the format in a comment', () => {
    const text = starterNeedsFile();
    for (const field of [
      'version',
      'product',
      'personas',
      'name',
      'description',
      'values',
      'statement',
      'needs',
      'id',
      'title',
      'persona',
      'priority',
      'status',
      'quote',
      'evidence',
      'source',
      'kind',
      'url',
      'date',
      'signals',
      'match',
      'paths',
      'keywords',
      'review',
      'owner',
    ]) {
      const line = text.split('\n').find((l) => new RegExp(`^\\s*(# )?\\s*(- )?${field}:`).test(l));
      assert.ok(line, `no line for ${field}`);
      assert.ok(
        line.includes(' # ') ||
          text.split('\n')[text.split('\n').indexOf(line) - 1]?.trim().startsWith('#'),
        `${field} is not explained: ${line}`,
      );
    }
  });

  it('names the product when it is plain text, never injects YAML', () => {
    assert.match(starterNeedsFile('Acme Shop'), /^product: Acme Shop$/m);
    assert.match(starterNeedsFile('x\nversion: 2'), /^# product: Acme Shop$/m);
    assert.equal(loadNeedsText(starterNeedsFile('Acme Shop')).file?.product, 'Acme Shop');
  });
});
