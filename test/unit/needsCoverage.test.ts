/**
 * The needs coverage report (docs/coverage-json.md) from the pure core, and its
 * Markdown and text. Links come from the real matcher (NeedsSet.fileLinks) on
 * the small texts below; every expected count, weight and order is worked out
 * by hand from them and the contract.
 */
import * as assert from 'node:assert/strict';
import {
  renderCoverageJson,
  renderCoverageMarkdown,
  renderCoverageText,
} from '../../src/core/coverageRender';
import { HOTSPOT_LIMIT, PRIORITY_WEIGHTS, needsCoverage } from '../../src/core/needsCoverage';
import type { CommitHistory, CoverageScan } from '../../src/core/needsCoverage';
import type { NeedsSet } from '../../src/core/needsSet';
import { needsSet, yaml } from './helpers/needsIndex';

const NEEDS = yaml(
  'version: 1',
  'needs:',
  '  - id: no-double-charge',
  '    title: I am never charged twice',
  '    priority: critical',
  '    quote: I was charged twice!',
  '    evidence: [{ source: tickets }]',
  '    match:',
  // Two globs match src/pay/charge.ts: one file by path all the same.
  '      paths: ["src/pay/**", "src/pay/charge.ts"]',
  '  - id: gift-note',
  '    title: I can add a gift note',
  '    priority: high',
  '    quote: Where do I write the card?',
  '    match:',
  '      keywords: ["gift note"]',
  '  - id: clear-total',
  '    title: The total is the total',
  '    priority: medium',
  '    match:',
  '      keywords: ["order total", "shipping cost"]',
  '  - id: search-typos',
  '    title: Search forgives typos',
  '    priority: low',
  '  - id: old-paypal',
  '    title: PayPal redirect',
  '    priority: critical',
  '    status: retired',
  '    match:',
  '      paths: ["src/legacy/**"]',
  '      keywords: ["paypal"]',
);

const TEXTS: Record<string, string> = {
  'src/pay/charge.ts': [
    'const orderTotal = 1; // order total', // line 0: clear-total, one keyword line
    'const shippingCost = orderTotal;', // line 1: clear-total, two keywords, one line
    '',
  ].join('\n'),
  'src/cart.ts': 'export const orderTotal = 0;\n', // clear-total, one line
  'src/search.ts': '// @need search-typos\nexport {};\n// @need search-typos again\n', // 2 annotations
  'src/legacy/paypal.ts': 'export const paypal = 1;\n', // only the retired need: no link
  'src/util.ts': 'export const x = 1;\n',
  'README.md': '# Shop\n',
};

function scanOf(set: NeedsSet, texts: Record<string, string>): CoverageScan {
  const sources = Object.keys(texts).sort();
  return {
    sources,
    files: sources.map((p) => ({ path: p, links: set.fileLinks(p, texts[p] as string) })),
  };
}

function history(commits: Record<string, number>, days = 90): CommitHistory {
  return { available: true, days, commits: new Map(Object.entries(commits)) };
}

const noLinks = { annotation: 0, keyword: 0, path: 0 };

describe('needs coverage (core)', () => {
  it('weighs critical 8, high 4, medium 2, low 1 and lists at most 20 hotspots', () => {
    assert.deepEqual(PRIORITY_WEIGHTS, { critical: 8, high: 4, medium: 2, low: 1 });
    assert.equal(HOTSPOT_LIMIT, 20);
  });

  it('counts files and links per need, lists the uncovered ones and weighs them by priority', () => {
    const set = needsSet({ 'customer-needs.yaml': NEEDS });
    const commits = {
      'src/pay/charge.ts': 9, // linked: no hotspot
      'src/gone.ts': 7, // deleted (not in the tree): no hotspot
      'src/util.ts': 5,
      'src/legacy/paypal.ts': 5, // only a retired need speaks for it: a hotspot
      'README.md': 2,
      'src/cart.ts': 1, // linked
    };
    const report = needsCoverage(set, scanOf(set, TEXTS), history(commits));
    assert.deepEqual(report, {
      version: 1,
      needs: [
        {
          id: 'no-double-charge',
          title: 'I am never charged twice',
          priority: 'critical',
          status: 'validated',
          files: 1,
          links: { annotation: 0, keyword: 0, path: 1 },
          needsFile: 'customer-needs.yaml',
          quote: 'I was charged twice!',
        },
        {
          id: 'gift-note',
          title: 'I can add a gift note',
          priority: 'high',
          status: 'assumed',
          files: 0,
          links: noLinks,
          needsFile: 'customer-needs.yaml',
          quote: 'Where do I write the card?',
        },
        {
          id: 'clear-total',
          title: 'The total is the total',
          priority: 'medium',
          status: 'assumed',
          files: 2,
          links: { annotation: 0, keyword: 3, path: 0 },
          needsFile: 'customer-needs.yaml',
        },
        {
          id: 'search-typos',
          title: 'Search forgives typos',
          priority: 'low',
          status: 'assumed',
          files: 1,
          links: { annotation: 2, keyword: 0, path: 0 },
          needsFile: 'customer-needs.yaml',
        },
      ],
      uncovered: ['gift-note'],
      // critical + medium + low covered, high not: (8 + 2 + 1) / (8 + 4 + 2 + 1)
      weightedCoverage: 11 / 15,
      hotspots: [
        { file: 'src/legacy/paypal.ts', commits: 5 }, // ties by path: "src/l" < "src/u"
        { file: 'src/util.ts', commits: 5 },
        { file: 'README.md', commits: 2 },
      ],
      weight: { covered: 11, total: 15 },
      history: { days: 90, available: true },
    });
  });

  it('keeps the scan counts when the scan gives them', () => {
    const set = needsSet({ 'customer-needs.yaml': NEEDS });
    const skipped = { binary: 1, large: 2, unreadable: 0 };
    const report = needsCoverage(set, { ...scanOf(set, TEXTS), read: 6, skipped }, history({}));
    assert.deepEqual(report.scan, { read: 6, skipped: { binary: 1, large: 2, unreadable: 0 } });
  });

  it('lists the 20 busiest unrelated files, most commits first, then by path', () => {
    const set = needsSet({ 'customer-needs.yaml': NEEDS });
    const texts: Record<string, string> = {};
    const commits: Record<string, number> = { 'z.ts': 30, 'y.ts': 2 };
    texts['z.ts'] = '';
    texts['y.ts'] = '';
    for (let i = 1; i <= 24; i++) {
      const name = `a${String(i).padStart(2, '0')}.ts`;
      texts[name] = '';
      commits[name] = 1;
    }
    const report = needsCoverage(set, scanOf(set, texts), history(commits));
    assert.deepEqual(report.hotspots, [
      { file: 'z.ts', commits: 30 },
      { file: 'y.ts', commits: 2 },
      { file: 'a01.ts', commits: 1 },
      { file: 'a02.ts', commits: 1 },
      { file: 'a03.ts', commits: 1 },
      { file: 'a04.ts', commits: 1 },
      { file: 'a05.ts', commits: 1 },
      { file: 'a06.ts', commits: 1 },
      { file: 'a07.ts', commits: 1 },
      { file: 'a08.ts', commits: 1 },
      { file: 'a09.ts', commits: 1 },
      { file: 'a10.ts', commits: 1 },
      { file: 'a11.ts', commits: 1 },
      { file: 'a12.ts', commits: 1 },
      { file: 'a13.ts', commits: 1 },
      { file: 'a14.ts', commits: 1 },
      { file: 'a15.ts', commits: 1 },
      { file: 'a16.ts', commits: 1 },
      { file: 'a17.ts', commits: 1 },
      { file: 'a18.ts', commits: 1 },
    ]);
  });

  it('breaks a tie in commits by path, whatever order the scan gave the files in', () => {
    const set = needsSet({ 'customer-needs.yaml': NEEDS });
    // A walk lists a folder before a file beside it: src/a/b.ts, then src/a.ts.
    const scan: CoverageScan = { sources: ['src/b.ts', 'src/a/b.ts', 'src/a.ts'], files: [] };
    const report = needsCoverage(
      set,
      scan,
      history({ 'src/a/b.ts': 4, 'src/a.ts': 4, 'src/b.ts': 4 }),
    );
    // "src/a.ts" < "src/a/b.ts": "." comes before "/".
    assert.deepEqual(report.hotspots, [
      { file: 'src/a.ts', commits: 4 },
      { file: 'src/a/b.ts', commits: 4 },
      { file: 'src/b.ts', commits: 4 },
    ]);
  });

  it('leaves out of hotspots the files no needs file governs', () => {
    const set = needsSet({ 'shop/customer-needs.yaml': NEEDS });
    const texts = { 'shop/src/util.ts': '', 'tools/build.ts': '' };
    const report = needsCoverage(
      set,
      scanOf(set, texts),
      history({ 'tools/build.ts': 12, 'shop/src/util.ts': 3 }),
    );
    assert.deepEqual(report.hotspots, [{ file: 'shop/src/util.ts', commits: 3 }]);
  });

  it('says git history was not available, with no hotspots, when it was not', () => {
    const set = needsSet({ 'customer-needs.yaml': NEEDS });
    const report = needsCoverage(set, scanOf(set, TEXTS), {
      available: false,
      days: 30,
      reason: 'Not inside a git repository',
    });
    assert.deepEqual(report.hotspots, []);
    assert.deepEqual(report.history, {
      days: 30,
      available: false,
      reason: 'Not inside a git repository',
    });
  });

  it('has no weighted coverage (null) without a need to cover', () => {
    const none = needsCoverage(needsSet({}), { sources: ['a.ts'], files: [] }, history({}));
    assert.deepEqual(none.needs, []);
    assert.deepEqual(none.uncovered, []);
    assert.equal(none.weightedCoverage, null);
    assert.deepEqual(none.weight, { covered: 0, total: 0 });

    const retired = yaml(
      'version: 1',
      'needs:',
      '  - id: old',
      '    title: Old',
      '    status: retired',
      '    match: { paths: ["**"] }',
    );
    const set = needsSet({ 'customer-needs.yaml': retired });
    const allRetired = needsCoverage(set, scanOf(set, { 'a.ts': '' }), history({ 'a.ts': 1 }));
    assert.deepEqual(allRetired.needs, []);
    assert.equal(allRetired.weightedCoverage, null);
    // Nothing speaks for a.ts any more: it is busy code no need relates to.
    assert.deepEqual(allRetired.hotspots, [{ file: 'a.ts', commits: 1 }]);
  });

  it('keeps needs of two needs files apart when they share an id', () => {
    const shared = (title: string): string =>
      yaml('version: 1', 'needs:', '  - id: shared', `    title: ${title}`, '    priority: high');
    const set = needsSet({
      'pkg/customer-needs.yaml': shared('Package need'),
      'customer-needs.yaml': shared('Root need'),
    });
    // The nearest needs file that knows the id wins: pkg's.
    const report = needsCoverage(
      set,
      scanOf(set, { 'pkg/a.ts': '// @need shared\n' }),
      history({}),
    );
    assert.deepEqual(
      report.needs.map((n) => [n.needsFile, n.title, n.files]),
      [
        ['customer-needs.yaml', 'Root need', 0],
        ['pkg/customer-needs.yaml', 'Package need', 1],
      ],
    );
    assert.deepEqual(report.uncovered, ['shared']);
    assert.equal(report.weightedCoverage, 4 / 8);
  });
});

describe('needs coverage renderers', () => {
  const set = needsSet({ 'customer-needs.yaml': NEEDS });
  const report = needsCoverage(
    set,
    scanOf(set, TEXTS),
    history({ 'src/util.ts': 12, 'README.md': 1 }, 30),
  );

  it('prints the JSON report as it is, with a final newline', () => {
    assert.deepEqual(JSON.parse(renderCoverageJson(report)), report);
    assert.ok(renderCoverageJson(report).endsWith('}\n'));
  });

  it('says the numbers in text', () => {
    assert.equal(
      renderCoverageText(report),
      [
        'Outside-In needs coverage: 3 of 4 needs have code (weighted coverage 73%: 11 of 15 priority points; critical 8, high 4, medium 2, low 1)',
        '',
        'Needs no code relates to (1):',
        '  [high] I can add a gift note  gift-note',
        '    “Where do I write the card?”',
        '',
        'Busy code no need relates to (up to 20 files changed most often in the last 30 days, most commits first):',
        '  12 commits  src/util.ts',
        '   1 commit   README.md',
        '',
        'Needs with code (3):',
        '  [critical] I am never charged twice  no-double-charge  1 file (1 file by path)',
        '  [medium] The total is the total  clear-total  2 files (3 keyword lines)',
        '  [low] Search forgives typos  search-typos  1 file (2 annotations)',
        '',
      ].join('\n'),
    );
  });

  it('says the same numbers in Markdown', () => {
    assert.equal(
      renderCoverageMarkdown(report),
      [
        '## Customer needs coverage',
        '',
        '**3 of 4 needs have code** (weighted coverage 73%: 11 of 15 priority points; critical 8, high 4, medium 2, low 1).',
        '',
        '### Needs no code relates to (1)',
        '',
        '- **I can add a gift note** (high) `gift-note`',
        '  > “Where do I write the card?”',
        '',
        '### Busy code no need relates to',
        '',
        'Up to 20 files changed most often in the last 30 days, most commits first:',
        '',
        '- `src/util.ts`: 12 commits',
        '- `README.md`: 1 commit',
        '',
        '### Needs with code (3)',
        '',
        '- **I am never charged twice** (critical) `no-double-charge`: 1 file (1 file by path)',
        '- **The total is the total** (medium) `clear-total`: 2 files (3 keyword lines)',
        '- **Search forgives typos** (low) `search-typos`: 1 file (2 annotations)',
        '',
      ].join('\n'),
    );
  });

  it('escapes a hostile title and quote in Markdown and flattens them in text', () => {
    const hostile = yaml(
      'version: 1',
      'needs:',
      '  - id: evil',
      '    title: "<b>bold</b> @alice `rm -rf` [x](http://e.test) #12"',
      '    quote: "line one\\nline two\\u001b[31m @org/team"',
      '    priority: low',
    );
    const s = needsSet({ 'customer-needs.yaml': hostile });
    const r = needsCoverage(s, { sources: [], files: [] }, history({}));
    const md = renderCoverageMarkdown(r);
    // Specials escaped, mentions and issue references broken by a word joiner (U+2060).
    assert.ok(
      md.includes(
        '- **\\<b\\>bold\\</b\\> @\u2060alice \\`rm -rf\\` \\[x\\](http://e.test) \\#\u206012** (low) `evil`\n',
      ),
      md,
    );
    assert.ok(md.includes('  > “line one line two\u001b\\[31m @\u2060org/team”\n'), md);
    assert.ok(!md.includes('<b>'));
    const text = renderCoverageText(r);
    assert.ok(
      text.includes(
        '  [low] <b>bold</b> @alice `rm -rf` [x](http://e.test) #12  evil\n    “line one line two[31m @org/team”\n',
      ),
      text,
    );
    assert.ok(!text.includes('\u001b'));
  });

  it('rounds the percentage down, and never shows a covered share as 0%', () => {
    const many = ['version: 1', 'needs:'];
    // 1 low need covered among 1 low and 13 critical: 1 / (1 + 13 * 8) = 1/105, under 1%.
    many.push('  - id: low-one', '    title: Low', '    priority: low');
    for (let i = 0; i < 13; i++)
      many.push(`  - id: c${i}`, `    title: C${i}`, '    priority: critical');
    const s = needsSet({ 'customer-needs.yaml': yaml(...many) });
    const r = needsCoverage(
      s,
      { sources: ['a.ts'], files: [{ path: 'a.ts', links: s.fileLinks('a.ts', '@need low-one') }] },
      history({}),
    );
    assert.deepEqual(r.weight, { covered: 1, total: 105 });
    assert.match(renderCoverageText(r), /weighted coverage under 1%: 1 of 105 priority points/);

    // 2 of 3 equal needs: 66.67%, shown as 66%, never rounded up.
    const three = needsSet({
      'customer-needs.yaml': yaml(
        'version: 1',
        'needs:',
        '  - id: a',
        '    title: A',
        '  - id: b',
        '    title: B',
        '  - id: c',
        '    title: C',
      ),
    });
    const r3 = needsCoverage(
      three,
      {
        sources: ['x.ts'],
        files: [{ path: 'x.ts', links: three.fileLinks('x.ts', '@need a, b') }],
      },
      history({}),
    );
    assert.match(
      renderCoverageText(r3),
      /^Outside-In needs coverage: 2 of 3 needs have code \(weighted coverage 66%: 4 of 6 /,
    );
  });

  it('says when there is nothing to cover, and what git history it did not read', () => {
    const r = needsCoverage(
      needsSet({}),
      { sources: [], files: [] },
      {
        available: false,
        days: 90,
        reason: 'Not inside a git repository',
      },
    );
    assert.equal(
      renderCoverageText(r),
      [
        'Outside-In needs coverage: no needs to cover (no needs file, or every need is retired): no weighted coverage',
        '',
        'Busy code no need relates to: not checked: git history was not available (Not inside a git repository).',
        '',
      ].join('\n'),
    );
    assert.equal(
      renderCoverageMarkdown(r),
      [
        '## Customer needs coverage',
        '',
        'No needs to cover (no needs file, or every need is retired): no weighted coverage.',
        '',
        '### Busy code no need relates to',
        '',
        'Not checked: git history was not available (Not inside a git repository).',
        '',
      ].join('\n'),
    );
  });

  it('says there is no busy code without a need when git history shows none', () => {
    const r = needsCoverage(set, scanOf(set, TEXTS), history({ 'src/cart.ts': 3 }, 14));
    assert.ok(
      renderCoverageText(r).includes(
        '\nBusy code no need relates to: none: every file changed in the last 14 days relates to a need.\n',
      ),
    );
    assert.ok(
      renderCoverageMarkdown(r).includes(
        '\n### Busy code no need relates to\n\nNone: every file changed in the last 14 days relates to a need.\n',
      ),
    );
  });

  it('says what the scan did not read', () => {
    const r = needsCoverage(
      set,
      { ...scanOf(set, TEXTS), read: 5, skipped: { binary: 1, large: 0, unreadable: 0 } },
      history({}),
    );
    const line = '1 file was not read (1 binary, 0 too large, 0 unreadable): matched by path only.';
    assert.equal(renderCoverageText(r).split('\n')[1], line);
    assert.equal(renderCoverageMarkdown(r).split('\n')[4], `_${line}_`);
  });
});
