import * as assert from 'node:assert/strict';
import { buildChecklist, questionKey } from '../../src/core/checklist';
import { compareNeeds } from '../../src/core/present';
import type { Because, Checklist } from '../../src/core/checklist';
import type { FileChange } from '../../src/core/diff';
import { renderJson, renderMarkdown, renderText } from '../../src/core/render';
import { needsSet, yaml } from './helpers/needsIndex';

const REVS = { base: 'abc123', head: 'WORKTREE' };

const SET = needsSet({
  'customer-needs.yaml': yaml(
    'version: 1',
    'personas:',
    '  shopper:',
    '    name: Returning shopper',
    'values:',
    '  - id: honest-errors',
    '    statement: We tell customers plainly what went wrong.',
    '    review:',
    '      - Does each new error message say what to do next?',
    '  - id: accessible-ui',
    '    statement: Everyone can use the screens.',
    '    review:',
    '      - Can this be used with a keyboard only?',
    '    paths: ["src/ui/**"]',
    'needs:',
    '  - id: fast-checkout',
    '    title: Checkout feels instant',
    '    persona: shopper',
    '    priority: high',
    '    quote: "I just want to pay and go."',
    '    evidence:',
    '      - source: NPS survey',
    '    match:',
    '      paths: ["src/checkout/**"]',
    '      keywords: ["saved card"]',
    '    review:',
    '      - Does this change add a step?',
    '  - id: b-critical',
    '    title: Money is never lost',
    '    priority: critical',
    '    match:',
    '      keywords: ["refund"]',
    '    review:',
    '      - Is every refund recorded?',
    '  - id: a-critical',
    '    title: Orders are never lost',
    '    priority: critical',
    '    match:',
    '      keywords: ["order"]',
    '  - id: low-one',
    '    title: The banner is quiet',
    '    priority: low',
    '    match:',
    '      keywords: ["banner"]',
    '  - id: old',
    '    title: Old',
    '    status: retired',
    '    match:',
    '      paths: ["src/**"]',
    '      keywords: ["saved card", "order"]',
  ),
});

function change(path: string, partial: Partial<FileChange> = {}): FileChange {
  return { path, status: 'modified', binary: false, added: [], removed: [], ...partial };
}

const CHANGES: FileChange[] = [
  change('src/checkout/pay.ts', {
    added: [{ line: 41, text: 'const savedCard = load();' }],
    removed: [{ line: 40, text: 'refund(order);' }],
  }),
  change('src/cart/total.ts', {
    status: 'renamed',
    oldPath: 'src/legacy/total.ts',
    removed: [{ line: 3, text: '// @need low-one' }],
    added: [{ line: 5, text: 'showBanner();' }],
  }),
  change('node_modules/pay/index.js', { added: [{ line: 1, text: 'refund()' }] }),
  change('dist/app.js', { added: [{ line: 1, text: 'savedCard' }] }),
  change('README.md', { added: [{ line: 1, text: 'Hello' }] }),
];

/** Because entries in a fixed order, so the test does not depend on discovery order. */
function sorted(because: readonly Because[]): Because[] {
  return [...because].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe('buildChecklist', () => {
  const checklist = buildChecklist(SET, CHANGES, REVS);

  it('lists the touched needs, critical first, then by id; never a retired one', () => {
    assert.deepEqual(
      checklist.needs.map((n) => n.id),
      ['a-critical', 'b-critical', 'fast-checkout', 'low-one'],
    );
  });

  it('says why: a path, and a keyword on an added line in HEAD', () => {
    const need = checklist.needs.find((n) => n.id === 'fast-checkout');
    assert.deepEqual(
      sorted(need?.because ?? []),
      sorted([
        { file: 'src/checkout/pay.ts', rule: 'path', match: 'src/checkout/**' },
        { file: 'src/checkout/pay.ts', line: 41, rule: 'keyword', match: 'saved card' },
      ]),
    );
  });

  it('marks a hit on a removed line with its line in BASE', () => {
    const need = checklist.needs.find((n) => n.id === 'b-critical');
    assert.deepEqual(need?.because, [
      { file: 'src/checkout/pay.ts', line: 40, rule: 'keyword', match: 'refund', removed: true },
    ]);
  });

  it('gives the old path of a renamed file for its removed lines', () => {
    const need = checklist.needs.find((n) => n.id === 'low-one');
    assert.deepEqual(
      sorted(need?.because ?? []),
      sorted([
        {
          file: 'src/legacy/total.ts',
          line: 3,
          rule: 'annotation',
          match: 'low-one',
          removed: true,
        },
        { file: 'src/cart/total.ts', line: 5, rule: 'keyword', match: 'banner' },
      ]),
    );
  });

  it('carries the need as the contract shows it', () => {
    const need = checklist.needs.find((n) => n.id === 'fast-checkout');
    assert.equal(need?.title, 'Checkout feels instant');
    assert.equal(need?.priority, 'high');
    assert.equal(need?.status, 'validated');
    assert.equal(need?.persona, 'shopper');
    assert.equal(need?.quote, 'I just want to pay and go.');
    assert.deepEqual(need?.review, ['Does this change add a step?']);
  });

  it('counts changed, related and excluded files; excluded folders are not scanned', () => {
    assert.equal(checklist.files.changed, 5);
    assert.equal(checklist.files.related, 2);
    assert.equal(checklist.files.excluded, 2);
    // node_modules says "refund" and dist says "savedCard": neither counts.
    const bCritical = checklist.needs.find((n) => n.id === 'b-critical');
    assert.ok(bCritical?.because.every((b) => !b.file.startsWith('node_modules/')));
    assert.ok(checklist.needs.every((n) => n.because.every((b) => !b.file.startsWith('dist/'))));
  });

  it('asks the values without paths on every change, and those with paths only where they match', () => {
    assert.deepEqual(
      checklist.values.map((v) => v.id),
      ['honest-errors'],
    );
    const ui = buildChecklist(SET, [change('src/ui/button.ts')], REVS);
    assert.deepEqual(ui.values.map((v) => v.id).sort(), ['accessible-ui', 'honest-errors']);
    assert.deepEqual(ui.needs, []);
    assert.deepEqual(ui.files, { changed: 1, related: 0, excluded: 0, binary: 0 });
  });

  it('keeps revisions as given', () => {
    assert.equal(checklist.version, 1);
    assert.equal(checklist.base, 'abc123');
    assert.equal(checklist.head, 'WORKTREE');
  });
});

describe('renderJson', () => {
  it('is valid JSON with the field names of the contract', () => {
    const json = JSON.parse(renderJson(buildChecklist(SET, CHANGES, REVS))) as {
      version: unknown;
      base: unknown;
      head: unknown;
      needs: Record<string, unknown>[];
      values: Record<string, unknown>[];
      files: Record<string, unknown>;
    };
    assert.equal(json.version, 1);
    assert.equal(json.base, 'abc123');
    assert.equal(json.head, 'WORKTREE');
    const need = json.needs.find((n) => n.id === 'fast-checkout');
    assert.ok(need);
    assert.equal(need.title, 'Checkout feels instant');
    assert.equal(need.priority, 'high');
    assert.equal(need.status, 'validated');
    assert.equal(need.persona, 'shopper');
    assert.equal(need.quote, 'I just want to pay and go.');
    assert.deepEqual(need.review, ['Does this change add a step?']);
    assert.ok(Array.isArray(need.because));
    assert.deepEqual(
      (need.because as Record<string, unknown>[]).find((b) => b.rule === 'keyword'),
      { file: 'src/checkout/pay.ts', line: 41, rule: 'keyword', match: 'saved card' },
    );
    const removed = json.needs.find((n) => n.id === 'b-critical')?.because as
      Record<string, unknown>[] | undefined;
    assert.equal(removed?.[0]?.removed, true);
    assert.deepEqual(json.values[0], {
      id: 'honest-errors',
      statement: 'We tell customers plainly what went wrong.',
      review: ['Does each new error message say what to do next?'],
    });
    assert.equal(json.files.changed, 5);
    assert.equal(json.files.related, 2);
  });
});

describe('renderMarkdown', () => {
  const checklist = buildChecklist(SET, CHANGES, REVS);

  it('is a GitHub task list of the review questions', () => {
    const lines = renderMarkdown(checklist).split('\n');
    assert.ok(lines.includes('- [ ] Does this change add a step?'));
    assert.ok(lines.includes('- [ ] Is every refund recorded?'));
    assert.ok(lines.includes('- [ ] Does each new error message say what to do next?'));
  });

  it('ticks the questions whose key is in the set', () => {
    const ticks = new Set([
      questionKey('fast-checkout', 'Does this change add a step?'),
      questionKey('honest-errors', 'Does each new error message say what to do next?'),
    ]);
    const lines = renderMarkdown(checklist, ticks).split('\n');
    assert.ok(lines.includes('- [x] Does this change add a step?'));
    assert.ok(lines.includes('- [ ] Is every refund recorded?'));
    assert.ok(lines.includes('- [x] Does each new error message say what to do next?'));
  });

  describe('with hostile text in the needs file', () => {
    const hostile = needsSet({
      'customer-needs.yaml': yaml(
        'version: 1',
        'values:',
        '  - id: v',
        '    statement: "<img src=x onerror=alert(1)> [click](javascript:alert(1))"',
        '    review:',
        '      - "# heading\\n# second heading"',
        'needs:',
        '  - id: evil',
        '    title: "# heading [click](javascript:alert(1))"',
        '    quote: "<img src=x onerror=alert(1)>\\n# not a heading"',
        '    match:',
        '      keywords: ["evil"]',
        '    review:',
        '      - "`code` [click](javascript:alert(1))\\n# h"',
        '      - "![x](https://example.com/track.png) <script>alert(1)</script>"',
      ),
    });
    const md = renderMarkdown(
      buildChecklist(hostile, [change('src/a.ts', { added: [{ line: 1, text: 'evil' }] })], REVS),
    );
    const lines = md.split('\n');

    it('leaves no raw HTML tag', () => {
      assert.doesNotMatch(md, /(^|[^\\])<img/);
      assert.doesNotMatch(md, /(^|[^\\])<script/);
    });

    it('leaves no link or image', () => {
      assert.doesNotMatch(md, /(^|[^\\])\]\(javascript:/);
      assert.doesNotMatch(md, /(^|[^\\])\]\(https:/);
    });

    it('starts no heading from user text', () => {
      const headings = lines.filter((l) => l.startsWith('#'));
      for (const h of headings) assert.match(h, /^#{2,3} [^#]/, h);
      assert.ok(!lines.some((l) => /^#+ (heading|second|not|h$)/.test(l)));
    });

    it('shows the question literally, on one task line', () => {
      assert.ok(lines.includes('- [ ] \\`code\\` \\[click\\](javascript:alert(1)) \\# h'), md);
    });

    it('mentions nobody and references no issue, yet reads the same', () => {
      const quiet = renderMarkdown(
        buildChecklist(
          needsSet({
            'customer-needs.yaml': yaml(
              'version: 1',
              'needs:',
              '  - id: loud',
              '    title: "Ask @alice and @acme/support about #12"',
              '    quote: "mail bob@example.com, see issue #7"',
              '    match:',
              '      keywords: ["loud"]',
              '    review:',
              '      - "Did @bob sign off (#3)?"',
              '      - "A lone @ and # stay"',
            ),
          }),
          [change('src/a.ts', { added: [{ line: 1, text: 'loud' }] })],
          REVS,
        ),
      );
      // GitHub's mention: "@" after a non-word character, then a letter or digit.
      assert.doesNotMatch(quiet, /(^|[^\w])@[A-Za-z0-9]/m);
      assert.doesNotMatch(quiet, /#\d/);
      const visible = quiet.replaceAll('\u2060', '');
      assert.ok(visible.includes('### Ask @alice and @acme/support about \\#12 (medium)'), visible);
      assert.ok(visible.includes('> “mail bob@example.com, see issue \\#7”'), visible);
      assert.ok(visible.includes('- [ ] Did @bob sign off (\\#3)?'), visible);
      assert.ok(quiet.includes('A lone @ and \\# stay'), quiet);
      assert.ok(quiet.includes('bob@example.com'), 'an e-mail address is left alone');
    });
  });
});

describe('the evidence and the reasons, in Markdown and in text', () => {
  const set = needsSet({
    'customer-needs.yaml': yaml(
      'version: 1',
      'personas:',
      '  shopper:',
      '    name: Shopper',
      'needs:',
      '  - id: pay',
      '    title: Pay once',
      '    persona: shopper',
      '    priority: high',
      '    evidence:',
      '      - source: Interview',
      '        date: 2024-05-01',
      '    match:',
      '      keywords: ["charge"]',
      '  - id: guess',
      '    title: A guess',
      '    priority: low',
      '    match:',
      '      paths: ["src/**"]',
    ),
  });
  const today = '2026-06-01';
  const checklist = buildChecklist(
    set,
    [
      change('src/pay.ts', {
        added: [{ line: 2, text: 'charge();' }],
        removed: [{ line: 2, text: 'charge(twice);' }],
      }),
    ],
    REVS,
    { today },
  );

  it('Markdown: stale evidence with its date and age, an assumption flagged, each reason', () => {
    const md = renderMarkdown(checklist, new Set(), { today });
    const pay = [
      '### Pay once (high)',
      '',
      'Shopper · ⚠ Validated · 1 piece of evidence, newest 2024-05-01 (2 years ago) · stale: re-validate with customers · `pay`',
      '',
      '- [ ] (no review questions: ask whether this change still serves the need)',
      '',
      '<details><summary>Why this need</summary>',
      '',
      '- `src/pay.ts:2`: keyword `charge`',
      '- `src/pay.ts:2`: keyword `charge` (removed line)',
      '',
      '</details>',
    ].join('\n');
    assert.ok(md.includes(pay), md);
    assert.ok(md.includes('⚠ Assumption: rests on no evidence · `guess`'), md);
    assert.ok(md.includes('- `src/pay.ts`: path `src/**`'), md);
  });

  it('text: the same words, quoted instead of code spans', () => {
    const text = renderText(checklist, { today });
    const pay = [
      '[high] Pay once (Shopper)  pay',
      '  ⚠ Validated · 1 piece of evidence, newest 2024-05-01 (2 years ago) · stale: re-validate with customers',
      '  why: src/pay.ts:2: keyword "charge"',
      '       src/pay.ts:2: keyword "charge" (removed line)',
    ].join('\n');
    assert.ok(text.includes(pay), text);
    assert.ok(
      text.includes('  ⚠ Assumption: rests on no evidence\n  why: src/pay.ts: path "src/**"'),
      text,
    );
  });
});

describe('renderText', () => {
  it('drops terminal control characters from needs-file text and changed paths', () => {
    const esc = '\u001b';
    const set = needsSet({
      'customer-needs.yaml': yaml(
        'version: 1',
        'values:',
        '  - id: v',
        `    statement: "\\e[2Jcleared"`,
        'needs:',
        '  - id: n',
        '    title: "\\e[31mred\\e[0m title\\a"',
        '    quote: "\\e]0;pwned\\a"',
        '    match:',
        '      paths: ["src/**"]',
        '    review:',
        '      - "\\x9b31mcsi"',
      ),
    });
    const checklist: Checklist = buildChecklist(
      set,
      [change(`src/${esc}]0;pwned\u0007.ts`, { added: [{ line: 1, text: 'x' }] })],
      REVS,
    );
    assert.equal(checklist.needs.length, 1);
    const text = renderText(checklist);
    assert.ok(text.includes('red'), text);
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('the product a checklist is for', () => {
  /** A needs file naming `product` (or none), with one need on every file of its folder. */
  function needsFile(product: string | undefined, id: string): string {
    return yaml(
      'version: 1',
      ...(product === undefined ? [] : [`product: ${JSON.stringify(product)}`]),
      'needs:',
      `  - id: ${id}`,
      '    title: Anything',
      '    match:',
      '      paths: ["**"]',
    );
  }
  const touched = [change('packages/admin/src/a.ts')];
  const build = (files: Record<string, string>): Checklist =>
    buildChecklist(needsSet(files), touched, REVS);

  it('without a product: no "product" in the JSON, the usual headings', () => {
    const checklist = build({ 'customer-needs.yaml': needsFile(undefined, 'root') });
    assert.equal('product' in JSON.parse(renderJson(checklist)), false);
    assert.equal(renderMarkdown(checklist).split('\n')[0], '## Customer needs this change touches');
    assert.equal(
      renderText(checklist).split('\n')[0],
      'Outside-In checklist for abc123...WORKTREE: 1 changed file, 1 related to customer needs',
    );
  });

  it('names the product in the JSON, the Markdown heading and the text heading', () => {
    const checklist = build({ 'customer-needs.yaml': needsFile('Acme Shop', 'root') });
    assert.equal((JSON.parse(renderJson(checklist)) as { product: unknown }).product, 'Acme Shop');
    assert.equal(
      renderMarkdown(checklist).split('\n')[0],
      '## Acme Shop: customer needs this change touches',
    );
    assert.equal(
      renderText(checklist).split('\n')[0],
      'Outside-In checklist for Acme Shop (abc123...WORKTREE): 1 changed file, 1 related to customer needs',
    );
  });

  it('the root needs file wins over nested ones; else the needs file nearest the root', () => {
    const nested = {
      'packages/customer-needs.yaml': needsFile('Packages', 'packages'),
      'packages/admin/customer-needs.yaml': needsFile('Admin', 'admin'),
    };
    assert.equal(
      build({ ...nested, 'customer-needs.yaml': needsFile('Acme Shop', 'root') }).product,
      'Acme Shop',
    );
    assert.equal(
      build({ ...nested, 'customer-needs.yaml': needsFile(undefined, 'root') }).product,
      'Packages',
    );
    // Both speak for the root folder: the one in it is the root needs file.
    assert.equal(
      build({
        '.github/customer-needs.yaml': needsFile('From .github', 'github'),
        'customer-needs.yaml': needsFile('Acme Shop', 'root'),
      }).product,
      'Acme Shop',
    );
  });

  it('a blank product is no product', () => {
    assert.equal(build({ 'customer-needs.yaml': needsFile('  ', 'root') }).product, undefined);
  });

  it('escapes the product in Markdown and flattens it in text', () => {
    const checklist = build({
      'customer-needs.yaml': needsFile('<b>Shop</b> [x](javascript:y) @acme #1\n# h', 'root'),
    });
    assert.equal(
      renderMarkdown(checklist).split('\n')[0],
      '## \\<b\\>Shop\\</b\\> \\[x\\](javascript:y) @\u2060acme \\#\u20601 \\# h: customer needs this change touches',
    );
    assert.match(
      renderText(checklist).split('\n')[0] ?? '',
      /^Outside-In checklist for <b>Shop<\/b> \[x\]\(javascript:y\) @acme #1 # h \(abc123\.\.\.WORKTREE\): /,
    );
  });
});

describe('compareNeeds', () => {
  it('orders critical, high, medium, low, then by id in code-point order', () => {
    const needs = [
      { id: 'b', priority: 'low' as const },
      { id: 'a', priority: 'medium' as const },
      { id: 'Z', priority: 'high' as const },
      { id: 'z', priority: 'critical' as const },
      { id: 'a', priority: 'high' as const },
      { id: 'a', priority: 'critical' as const },
    ];
    assert.deepEqual(
      [...needs].sort(compareNeeds).map((n) => `${n.priority}:${n.id}`),
      ['critical:a', 'critical:z', 'high:Z', 'high:a', 'medium:a', 'low:b'],
    );
  });
});
