/**
 * `outside-in checklist` run as a real process on real temporary git
 * repositories. Every expected need, reason and line number is worked out by
 * hand from the files each test writes and from docs/checklist-json.md.
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';
import { REPO_ROOT, STACK_FRAME, ensureCliBuilt, runCli } from './helpers/runCli';
import type { CliRun } from './helpers/runCli';

const NEEDS = `version: 1
values:
  - id: honest-errors
    statement: We say plainly what went wrong.
    review:
      - Does each new error say what to do next?
    paths: ["src/errors/**"]
  - id: no-dark-patterns
    statement: Saying no is as easy as saying yes.
    review:
      - Is anything pre-ticked?
needs:
  - id: fast-checkout
    title: Checkout feels instant
    priority: high
    quote: "I just want to pay and go."
    evidence:
      - source: NPS survey
    match:
      paths: ["src/checkout/**"]
      keywords: ["pay*"]
    review:
      - Does this change add a step to checkout?
  - id: no-double-charge
    title: I am never charged twice
    priority: critical
    quote: "I got charged twice."
    evidence:
      - source: Support tickets
    match:
      keywords: ["idempotency key"]
    review:
      - Can a retry charge the customer twice?
  - id: clear-total
    title: The total I see is the total I pay
    priority: high
    match:
      keywords: ["order total"]
    review:
      - Does the cart total equal the charge?
  - id: gift-note
    title: I can add a note to a gift
    priority: low
    match:
      keywords: ["gift note"]
    review:
      - Is the note kept off the invoice?
  - id: search-typos
    title: Search forgives typos
    priority: low
    evidence:
      - source: Search analytics
    match:
      paths: ["src/search/**"]
    review:
      - Does a typo still find results?
  - id: untouched
    title: Nothing in this change touches me
    priority: critical
    match:
      keywords: ["zebra"]
    review:
      - Never asked here?
`;

interface Because {
  file: string;
  line?: number;
  rule: string;
  match?: string;
  removed?: boolean;
}

interface ChecklistJson {
  version: number;
  base: string;
  head: string;
  needs: {
    id: string;
    title: string;
    priority: string;
    status: string;
    quote?: string;
    review: string[];
    because: Because[];
  }[];
  values: { id: string; statement: string; review: string[] }[];
  files: { changed: number; related: number };
}

function parse(run: CliRun): ChecklistJson {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as ChecklistJson;
}

function ids(c: ChecklistJson): string[] {
  return c.needs.map((n) => n.id);
}

function because(c: ChecklistJson, id: string): Because[] {
  const need = c.needs.find((n) => n.id === id);
  assert.ok(need, `${id} expected among ${ids(c).join(', ')}`);
  return need.because;
}

/** Exit 2, the message on stderr, nothing on stdout and no stack trace. */
function assertFails(run: CliRun, mentions: RegExp): void {
  assert.equal(run.code, 2, `stdout: ${run.stdout}\nstderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, mentions);
  assert.doesNotMatch(run.stderr, STACK_FRAME);
  assert.doesNotMatch(run.stderr, /unexpected failure/);
}

describe('outside-in checklist on real git repositories (as a process)', function () {
  // The first run may have to bundle the CLI.
  this.timeout(120_000);
  const cleanUp: string[] = [];
  after(() => cleanUp.forEach(removeDir));

  before(() => ensureCliBuilt());

  describe('a feature branch with edits, a rename, a deletion and work in progress', () => {
    let repo: TempRepo;
    let fork: string;
    let featureTip: string;

    before(() => {
      repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('customer-needs.yaml', NEEDS);
      repo.write('.gitignore', '*.log\n');
      repo.write('README.md', 'Shop.\n');
      repo.write('src/checkout/pay.ts', 'export function go(): void {\n}\n');
      repo.write(
        'src/orders/submit.ts',
        [
          'export function submit(): void {', // 1
          "  const idempotencyKey = 'k';", // 2
          '  send(idempotencyKey);', // 3
          '}', // 4
          '',
        ].join('\n'),
      );
      repo.write(
        'src/legacy/oldTotal.ts',
        [
          '// order total for the cart', // 1
          'export const a = 1;',
          'export const b = 2;',
          'export const c = 3;',
          'export const d = 4;',
          '',
        ].join('\n'),
      );
      repo.write(
        'src/gift/note.ts',
        [
          'export const x = 0;', // 1
          '// the gift note shown on the slip', // 2
          '',
        ].join('\n'),
      );
      repo.write('src/search/find.ts', 'export const find = 1;\n');
      fork = repo.commitAll('base');

      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('README.md', 'Shop, documented.\n');
      // Added line 2 carries "pay*" (payNow).
      repo.write('src/checkout/pay.ts', 'export function go(): void {\n  payNow();\n}\n');
      // Lines 2 and 3 of BASE (both with idempotencyKey) removed, one plain line added.
      repo.write('src/orders/submit.ts', 'export function submit(): void {\n  send();\n}\n');
      // Renamed, and line 1 of BASE ("order total") replaced.
      repo.git('rm', '-q', 'src/legacy/oldTotal.ts');
      repo.write(
        'src/cart/total.ts',
        [
          '// sum for the cart',
          'export const a = 1;',
          'export const b = 2;',
          'export const c = 3;',
          'export const d = 4;',
          '',
        ].join('\n'),
      );
      // Deleted: its line 2 ("gift note") is a removed line.
      repo.git('rm', '-q', 'src/gift/note.ts');
      featureTip = repo.commitAll('feature');

      // main moves on after the fork: search is not part of the feature.
      repo.git('checkout', '-q', 'main');
      repo.write('src/search/find.ts', 'export const find = 1;\nexport const fuzzy = true;\n');
      repo.commitAll('main moves on');
      repo.git('checkout', '-q', 'feature');

      // Work in progress: an unstaged edit, an untracked file and an ignored one.
      repo.write(
        'src/checkout/pay.ts',
        [
          'export function go(): void {', // 1
          '  payNow();', // 2: "pay*"
          '  // keep the idempotency key', // 3: "idempotency key"
          '}',
          '',
        ].join('\n'),
      );
      repo.write('src/errors/retry.ts', 'export const retry = 1;\n// @need gift-note\n');
      repo.write('debug.log', 'the idempotency key and the gift note, ignored\n');
    });

    it('--base main --head feature: exactly git diff main...feature', () => {
      const c = parse(
        runCli(repo.dir, ['checklist', '--base', 'main', '--head', 'feature', '--format', 'json']),
      );
      assert.equal(c.version, 1);
      assert.equal(c.base, fork);
      assert.equal(c.head, featureTip);
      // critical first, then high by id, then low; search-typos changed only on main.
      assert.deepEqual(ids(c), ['no-double-charge', 'clear-total', 'fast-checkout', 'gift-note']);
      assert.deepEqual(because(c, 'no-double-charge'), [
        {
          file: 'src/orders/submit.ts',
          line: 2,
          rule: 'keyword',
          match: 'idempotency key',
          removed: true,
        },
        {
          file: 'src/orders/submit.ts',
          line: 3,
          rule: 'keyword',
          match: 'idempotency key',
          removed: true,
        },
      ]);
      // The removed line of a renamed file is reported at its old path.
      assert.deepEqual(because(c, 'clear-total'), [
        {
          file: 'src/legacy/oldTotal.ts',
          line: 1,
          rule: 'keyword',
          match: 'order total',
          removed: true,
        },
      ]);
      assert.deepEqual(because(c, 'fast-checkout'), [
        { file: 'src/checkout/pay.ts', rule: 'path', match: 'src/checkout/**' },
        { file: 'src/checkout/pay.ts', line: 2, rule: 'keyword', match: 'pay*' },
      ]);
      // A deleted file's lines are removed lines.
      assert.deepEqual(because(c, 'gift-note'), [
        { file: 'src/gift/note.ts', line: 2, rule: 'keyword', match: 'gift note', removed: true },
      ]);
      // Only the value without paths: nothing under src/errors/ is committed.
      assert.deepEqual(c.values, [
        {
          id: 'no-dark-patterns',
          statement: 'Saying no is as easy as saying yes.',
          review: ['Is anything pre-ticked?'],
        },
      ]);
      // README, pay, submit, the rename and the deletion; all but README relate.
      assert.deepEqual(c.files, { ...c.files, changed: 5, related: 4 });
    });

    it('carries each need with its title, priority, status, quote and questions', () => {
      const c = parse(
        runCli(repo.dir, ['checklist', '--base', 'main', '--head', 'feature', '--format', 'json']),
      );
      assert.deepEqual(
        c.needs.map((n) => [n.id, n.title, n.priority, n.status, n.quote, n.review]),
        [
          [
            'no-double-charge',
            'I am never charged twice',
            'critical',
            'validated',
            'I got charged twice.',
            ['Can a retry charge the customer twice?'],
          ],
          [
            'clear-total',
            'The total I see is the total I pay',
            'high',
            'assumed',
            undefined,
            ['Does the cart total equal the charge?'],
          ],
          [
            'fast-checkout',
            'Checkout feels instant',
            'high',
            'validated',
            'I just want to pay and go.',
            ['Does this change add a step to checkout?'],
          ],
          [
            'gift-note',
            'I can add a note to a gift',
            'low',
            'assumed',
            undefined,
            ['Is the note kept off the invoice?'],
          ],
        ],
      );
    });

    it('without --head: the working tree (untracked files too) against the merge-base', () => {
      const c = parse(runCli(repo.dir, ['checklist', '--format', 'json']));
      assert.equal(c.base, fork);
      assert.equal(c.head, 'WORKTREE');
      assert.deepEqual(ids(c), ['no-double-charge', 'clear-total', 'fast-checkout', 'gift-note']);
      // Files in path order: pay.ts (line 3 added in the work tree) before submit.ts.
      assert.deepEqual(because(c, 'no-double-charge'), [
        { file: 'src/checkout/pay.ts', line: 3, rule: 'keyword', match: 'idempotency key' },
        {
          file: 'src/orders/submit.ts',
          line: 2,
          rule: 'keyword',
          match: 'idempotency key',
          removed: true,
        },
        {
          file: 'src/orders/submit.ts',
          line: 3,
          rule: 'keyword',
          match: 'idempotency key',
          removed: true,
        },
      ]);
      assert.deepEqual(because(c, 'clear-total'), [
        {
          file: 'src/legacy/oldTotal.ts',
          line: 1,
          rule: 'keyword',
          match: 'order total',
          removed: true,
        },
      ]);
      assert.deepEqual(because(c, 'fast-checkout'), [
        { file: 'src/checkout/pay.ts', rule: 'path', match: 'src/checkout/**' },
        { file: 'src/checkout/pay.ts', line: 2, rule: 'keyword', match: 'pay*' },
      ]);
      // The untracked file is all added lines; debug.log is ignored. Line 2 holds
      // the annotation, and "gift-note" (kebab-case) also carries the keyword.
      assert.deepEqual(because(c, 'gift-note'), [
        { file: 'src/errors/retry.ts', line: 2, rule: 'annotation', match: 'gift-note' },
        { file: 'src/errors/retry.ts', line: 2, rule: 'keyword', match: 'gift note' },
        { file: 'src/gift/note.ts', line: 2, rule: 'keyword', match: 'gift note', removed: true },
      ]);
      // src/errors/retry.ts brings in the value scoped to src/errors/**, in file order.
      assert.deepEqual(
        c.values.map((v) => v.id),
        ['honest-errors', 'no-dark-patterns'],
      );
      assert.deepEqual(c.values[0], {
        id: 'honest-errors',
        statement: 'We say plainly what went wrong.',
        review: ['Does each new error say what to do next?'],
      });
      // The five committed files plus retry.ts; README is the one unrelated.
      assert.deepEqual(c.files, { ...c.files, changed: 6, related: 5 });
    });

    it('--base main without --head equals the default base', () => {
      const c = parse(runCli(repo.dir, ['checklist', '--base', 'main', '--format', 'json']));
      assert.equal(c.base, fork);
      assert.equal(c.head, 'WORKTREE');
      assert.deepEqual(ids(c), ['no-double-charge', 'clear-total', 'fast-checkout', 'gift-note']);
    });

    it('--head main: the change made on main since the fork, and only that', () => {
      const c = parse(
        runCli(repo.dir, ['checklist', '--base', 'feature', '--head', 'main', '--format', 'json']),
      );
      assert.equal(c.base, fork);
      assert.equal(c.head, repo.sha('main'));
      assert.deepEqual(ids(c), ['search-typos']);
      assert.deepEqual(because(c, 'search-typos'), [
        { file: 'src/search/find.ts', rule: 'path', match: 'src/search/**' },
      ]);
      assert.deepEqual(
        c.values.map((v) => v.id),
        ['no-dark-patterns'],
      );
      assert.deepEqual(c.files, { ...c.files, changed: 1, related: 1 });
    });

    it('from a subfolder, paths stay relative to the top of the repository', () => {
      const c = parse(
        runCli(path.join(repo.dir, 'src', 'orders'), [
          'checklist',
          '--base',
          'main',
          '--head',
          'feature',
          '--format',
          'json',
        ]),
      );
      assert.deepEqual(ids(c), ['no-double-charge', 'clear-total', 'fast-checkout', 'gift-note']);
      assert.equal(because(c, 'no-double-charge')[0]?.file, 'src/orders/submit.ts');
    });

    it('--format markdown is a GitHub task list with the quotes and titles', () => {
      const run = runCli(repo.dir, [
        'checklist',
        '--base',
        'main',
        '--head',
        'feature',
        '--format',
        'markdown',
      ]);
      assert.equal(run.code, 0, run.stderr);
      const md = run.stdout.split('\n');
      for (const q of [
        'Can a retry charge the customer twice?',
        'Does the cart total equal the charge?',
        'Does this change add a step to checkout?',
        'Is the note kept off the invoice?',
        'Is anything pre-ticked?',
      ])
        assert.ok(md.includes(`- [ ] ${q}`), `"- [ ] ${q}" expected in:\n${run.stdout}`);
      assert.ok(!run.stdout.includes('Never asked here'), 'a need the change does not touch');
      assert.ok(!run.stdout.includes('Does each new error'), 'a value scoped elsewhere');
      for (const quote of ['I just want to pay and go.', 'I got charged twice.'])
        assert.ok(run.stdout.includes(quote), `quote "${quote}" expected`);
      for (const title of [
        'I am never charged twice',
        'The total I see is the total I pay',
        'Checkout feels instant',
        'I can add a note to a gift',
      ])
        assert.ok(run.stdout.includes(title), `title "${title}" expected`);
      // critical first: its title comes before the others.
      assert.ok(
        run.stdout.indexOf('I am never charged twice') <
          run.stdout.indexOf('Checkout feels instant'),
      );
    });

    it('--format text names each need, its question and why', () => {
      const run = runCli(repo.dir, ['checklist', '--base', 'main', '--head', 'feature']);
      assert.equal(run.code, 0, run.stderr);
      for (const text of [
        'no-double-charge',
        'clear-total',
        'fast-checkout',
        'gift-note',
        'I am never charged twice',
        'Does this change add a step to checkout?',
        // Two removed lines of one file and keyword: one entry with both lines.
        'src/orders/submit.ts: keyword "idempotency key" on removed lines 2, 3',
        'src/legacy/oldTotal.ts:1',
      ])
        assert.ok(run.stdout.includes(text), `"${text}" expected in:\n${run.stdout}`);
      assert.ok(!run.stdout.includes('untouched'));
      assert.ok(!run.stdout.includes('search-typos'));
    });

    it('an unknown revision fails with exit 2, naming it', () => {
      assertFails(runCli(repo.dir, ['checklist', '--base', 'nope']), /"nope"/);
      assertFails(runCli(repo.dir, ['checklist', '--head', 'nope-either']), /"nope-either"/);
    });
  });

  describe('a monorepo package as --root', () => {
    let repo: TempRepo;

    before(() => {
      repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write(
        'packages/shop/customer-needs.yaml',
        [
          'version: 1',
          'needs:',
          '  - id: gift-note',
          '    title: I can add a note to a gift',
          '    match:',
          '      paths: ["src/gift/**"]',
          '      keywords: ["gift note"]',
          '',
        ].join('\n'),
      );
      repo.write('packages/shop/src/gift/note.ts', 'export const x = 0;\n');
      repo.write('tools/build.ts', 'export const y = 0;\n');
      repo.commitAll('base');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('packages/shop/src/gift/note.ts', 'export const x = 0;\n// gift note\n');
      repo.write('tools/build.ts', 'export const y = 1; // gift note\n');
      repo.commitAll('feature');
    });

    it('paths are relative to the root, and only changes under it count', () => {
      const c = parse(
        runCli(repo.dir, ['checklist', '--root', 'packages/shop', '--format', 'json']),
      );
      assert.equal(c.base, repo.sha('main'));
      assert.deepEqual(ids(c), ['gift-note']);
      assert.deepEqual(because(c, 'gift-note'), [
        { file: 'src/gift/note.ts', rule: 'path', match: 'src/gift/**' },
        { file: 'src/gift/note.ts', line: 2, rule: 'keyword', match: 'gift note' },
      ]);
      // tools/build.ts is outside the root (and outside the package's needs file).
      assert.deepEqual(c.files, { ...c.files, changed: 1, related: 1 });
    });

    it('without --root, the repository is the root and the package file applies to its folder', () => {
      const c = parse(
        runCli(path.join(repo.dir, 'packages', 'shop'), ['checklist', '--format', 'json']),
      );
      assert.deepEqual(because(c, 'gift-note'), [
        { file: 'packages/shop/src/gift/note.ts', rule: 'path', match: 'src/gift/**' },
        { file: 'packages/shop/src/gift/note.ts', line: 2, rule: 'keyword', match: 'gift note' },
      ]);
      assert.deepEqual(c.files, { ...c.files, changed: 2, related: 1 });
    });
  });

  describe('the example shop', () => {
    let repo: TempRepo;

    before(() => {
      const dir = makeTempDir('outside-in-shop-');
      cleanUp.push(dir);
      cpSync(path.join(REPO_ROOT, 'examples', 'shop'), dir, {
        recursive: true,
        filter: (src) => !src.split(path.sep).includes('node_modules'),
      });
      repo = new TempRepo(dir);
      repo.commitAll('the shop');
      repo.git('checkout', '-q', '-b', 'feature');
      // pay.ts has 69 lines: this is line 70.
      repo.write(
        'src/checkout/pay.ts',
        `${repo.git('show', 'HEAD:src/checkout/pay.ts')}// Shoppers can pay with a saved card in one tap.\n`,
      );
      repo.write(
        'src/search/query.ts',
        `${repo.git('show', 'HEAD:src/search/query.ts')}export const MAX_TERMS = 10;\n`,
      );
      repo.commitAll('feature');
    });

    it('lists exactly the needs the two edits touch', () => {
      for (const args of [[], ['--base', 'main', '--head', 'feature']]) {
        const c = parse(runCli(repo.dir, ['checklist', ...args, '--format', 'json']));
        // pay.ts: under src/checkout/** (fast-checkout), "pay" (pay*), "saved card"
        // (saved-cards); query.ts: under src/search/** (search-forgives-typos).
        // The "@need fast-checkout, no-double-charge" line of pay.ts is not changed.
        assert.deepEqual(ids(c), ['fast-checkout', 'saved-cards', 'search-forgives-typos']);
        assert.deepEqual(because(c, 'fast-checkout'), [
          { file: 'src/checkout/pay.ts', rule: 'path', match: 'src/checkout/**' },
          { file: 'src/checkout/pay.ts', line: 70, rule: 'keyword', match: 'pay*' },
        ]);
        assert.deepEqual(because(c, 'saved-cards'), [
          { file: 'src/checkout/pay.ts', line: 70, rule: 'keyword', match: 'saved card' },
        ]);
        assert.deepEqual(because(c, 'search-forgives-typos'), [
          { file: 'src/search/query.ts', rule: 'path', match: 'src/search/**' },
        ]);
        // honest-errors is scoped to src/checkout/** among others; no-dark-patterns is everywhere.
        assert.deepEqual(
          c.values.map((v) => v.id),
          ['honest-errors', 'no-dark-patterns'],
        );
        assert.deepEqual(c.files, { ...c.files, changed: 2, related: 2 });
      }
    });
  });

  describe('failures', () => {
    it('outside a repository: exit 2 and a clear message', () => {
      const dir = makeTempDir('outside-in-norepo-');
      cleanUp.push(dir);
      const run = runCli(dir, ['checklist']);
      assertFails(run, /not inside a git repository/i);
    });

    it('a base with no history in common: git’s words, then the option that helps', () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('customer-needs.yaml', NEEDS);
      repo.commitAll('base');
      repo.git('checkout', '-q', '--orphan', 'island');
      repo.commitAll('island');
      const run = runCli(repo.dir, ['checklist', '--base', 'main']);
      assertFails(
        run,
        /"main" and "HEAD" have no common ancestor.*\nName the base revision with --base REV\.\n$/,
      );
    });

    it('without git on PATH: exit 2 and a clear message', () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      repo.write('customer-needs.yaml', NEEDS);
      repo.commitAll('base');
      // A PATH that holds node and nothing else.
      const bin = makeTempDir('outside-in-bin-');
      cleanUp.push(bin);
      mkdirSync(bin, { recursive: true });
      symlinkSync(process.execPath, path.join(bin, path.basename(process.execPath)));
      const run = runCli(repo.dir, ['checklist'], { ...process.env, PATH: bin });
      assertFails(run, /git was not found/);
    });
  });
});
