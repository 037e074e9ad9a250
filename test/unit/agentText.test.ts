import * as assert from 'node:assert/strict';
import { needListText, relatedNeedsText } from '../../src/core/agentText';
import type { RelatedForAgent } from '../../src/core/agentText';
import { listNeeds } from '../../src/core/needsCatalog';
import { needsSet, yaml } from './helpers/needsIndex';

const set = needsSet({
  'customer-needs.yaml': yaml(
    'version: 1',
    'personas:',
    '  ops:',
    '    name: Night operator',
    'needs:',
    '  - id: quiet-alerts',
    '    title: Alerts only when it matters',
    '    persona: ops',
    '    priority: critical',
    '    quote: "Page me at 3am only if customers are hurt."',
    '    evidence:',
    '      - source: Interview',
    '        date: 2026-11-01',
    '    signals: ["41% of pages are acknowledged and ignored"]',
    '    review: ["Does this alert page a human?"]',
    '  - id: sneaky',
    '    title: "Two\\nlines: ## forged heading"',
    '    priority: low',
  ),
});
const file = set.scopes[0]?.index.file;
assert.ok(file);
const [quiet, sneaky] = file.needs;
assert.ok(quiet && sneaky);

describe('agentText: needs for a language model', () => {
  it('an empty answer says so in words, naming the place', () => {
    assert.equal(
      relatedNeedsText('src/a.ts:3', [], { staleDays: 365 }),
      'No customer need relates to src/a.ts:3. Nothing in the needs file speaks for this code.',
    );
  });

  it("a related need: the customer's words first, evidence, signals, questions, why and where", () => {
    const related: RelatedForAgent = {
      need: quiet,
      file,
      needsFile: 'customer-needs.yaml',
      reasons: [
        { rule: 'keyword', match: 'alert', line: 9 },
        { rule: 'keyword', match: 'alert', line: 10 },
        { rule: 'path', match: 'src/alerts/**' },
      ],
    };
    const text = relatedNeedsText('src/alerts/page.ts', [related], {
      staleDays: 365,
      today: '2026-12-01',
    });
    assert.equal(
      text,
      [
        '1 customer need relates to src/alerts/page.ts.',
        '',
        '## quiet-alerts: Alerts only when it matters (critical, validated)',
        'Customer said: “Page me at 3am only if customers are hurt.” (Night operator)',
        'Evidence: Validated · 1 piece of evidence, newest 2026-11-01 (30 days ago)',
        'Observed: 41% of pages are acknowledged and ignored',
        'Review question: Does this alert page a human?',
        'Why it relates: keyword "alert" on lines 10, 11; path "src/alerts/**"',
        'Defined in: customer-needs.yaml:6',
        '',
      ].join('\n'),
    );
  });

  it('a need without evidence is an assumption, and a title cannot forge a heading', () => {
    const text = relatedNeedsText(
      'a.ts',
      [
        {
          need: sneaky,
          file,
          needsFile: 'customer-needs.yaml',
          reasons: [{ rule: 'annotation', match: 'sneaky', line: 0 }],
        },
      ],
      { staleDays: 365 },
    );
    assert.ok(text.includes('Evidence: Assumption: rests on no evidence'), text);
    assert.ok(text.includes('## sneaky: Two lines: ## forged heading (low, assumption)'), text);
    assert.equal(text.split('\n').filter((l) => l.startsWith('## ')).length, 1, text);
  });

  it('many lines of one reason are cut and counted', () => {
    const reasons = Array.from({ length: 12 }, (_, i) => ({
      rule: 'keyword' as const,
      match: 'alert',
      line: i,
    }));
    const text = relatedNeedsText('a.ts', [{ need: quiet, file, needsFile: 'n.yaml', reasons }], {
      staleDays: 365,
    });
    assert.ok(text.includes('keyword "alert" on lines 1, 2, 3, 4, 5, 6, 7, 8 and 4 more'), text);
  });

  it('a list of needs: one line each, the assumption named, the filter echoed', () => {
    assert.equal(
      needListText(listNeeds(set), 'no filter'),
      [
        '2 needs match no filter:',
        '- quiet-alerts: Alerts only when it matters (critical, validated) for Night operator. “Page me at 3am only if customers are hurt.” [customer-needs.yaml:6]',
        '- sneaky: Two lines: ## forged heading (low, assumption). [customer-needs.yaml:16]',
        '',
      ].join('\n'),
    );
    assert.equal(needListText([], 'priority high'), 'No need matches priority high.\n');
  });
});
