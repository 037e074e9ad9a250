/**
 * `outside-in notes`: release notes per persona from the commits of a range,
 * through the built CLI on a real repository. Expected values are written
 * from the contract in docs/notes-json.md.
 */
import * as assert from 'node:assert/strict';
import { TempRepo } from './helpers/gitRepo';
import { ensureCliBuilt, runCli } from './helpers/runCli';

// Personas listed out of alphabetical order: the notes keep the file's order.
const NEEDS = `version: 1
personas:
  shopper:
    name: Returning shopper
  first-timer:
    name: First-time buyer
needs:
  - id: welcome
    title: I know where to start
    priority: medium
    persona: first-timer
    quote: "Where do I even begin?"
    match:
      paths: ["src/welcome/**"]
  - id: total
    title: The total I see is the total I pay
    priority: high
    persona: shopper
    match:
      paths: ["src/cart/**"]
  - id: pay
    title: I am never charged twice
    priority: critical
    persona: shopper
    quote: "I got charged twice."
    match:
      paths: ["src/pay/**"]
  - id: gift
    title: I can add a note to a gift
    priority: low
    match:
      paths: ["src/gift/**"]
  - id: untouched
    title: Nobody changed this
    persona: shopper
    match:
      paths: ["src/other/**"]
`;

describe('outside-in notes', function () {
  this.timeout(60000);
  let repo: TempRepo;
  let base: string;
  let charge: string;
  let gift: string;
  let total: string;

  before(() => {
    ensureCliBuilt();
    repo = new TempRepo();
    repo.write('customer-needs.yaml', NEEDS);
    for (const f of ['pay', 'cart', 'welcome', 'gift', 'other'])
      repo.write(`src/${f}/a.ts`, 'export const a = 1;\n');
    base = repo.commitAll('Start');
    repo.write('src/pay/a.ts', 'export const a = 2;\n');
    charge = repo.commitAll('Charge once');
    repo.write('src/gift/a.ts', 'export const a = 2;\n');
    repo.write('src/welcome/a.ts', 'export const a = 2;\n');
    gift = repo.commitAll('Gift *notes* for @alice, fixes #12');
    repo.write('src/cart/a.ts', 'export const a = 3;\n');
    repo.write('src/pay/a.ts', 'export const a = 3;\n');
    total = repo.commitAll('Show the total before paying');
  });

  after(() => repo.remove());

  it('--format json: personas in needs-file order, needs critical first, commits oldest first', () => {
    const run = runCli(repo.dir, ['notes', '--base', base, '--head', 'HEAD', '--format', 'json']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      personas: [
        {
          id: 'shopper',
          name: 'Returning shopper',
          needs: [
            {
              id: 'pay',
              title: 'I am never charged twice',
              quote: 'I got charged twice.',
              commits: [
                { sha: charge, subject: 'Charge once' },
                { sha: total, subject: 'Show the total before paying' },
              ],
              priority: 'critical',
            },
            {
              id: 'total',
              title: 'The total I see is the total I pay',
              quote: null,
              commits: [{ sha: total, subject: 'Show the total before paying' }],
              priority: 'high',
            },
          ],
        },
        {
          id: 'first-timer',
          name: 'First-time buyer',
          needs: [
            {
              id: 'welcome',
              title: 'I know where to start',
              quote: 'Where do I even begin?',
              commits: [{ sha: gift, subject: 'Gift *notes* for @alice, fixes #12' }],
              priority: 'medium',
            },
          ],
        },
        {
          id: null,
          name: null,
          needs: [
            {
              id: 'gift',
              title: 'I can add a note to a gift',
              quote: null,
              commits: [{ sha: gift, subject: 'Gift *notes* for @alice, fixes #12' }],
              priority: 'low',
            },
          ],
        },
      ],
    });
  });

  it('only the commits after --base count, up to --head', () => {
    const run = runCli(repo.dir, ['notes', '--base', charge, '--head', gift, '--format', 'json']);
    const notes = JSON.parse(run.stdout) as { personas: { id: string; needs: { id: string }[] }[] };
    assert.deepEqual(
      notes.personas.map((p) => [p.id, p.needs.map((n) => n.id)]),
      [
        ['first-timer', ['welcome']],
        [null, ['gift']],
      ],
    );
  });

  it('Markdown (the default): a section per persona, the words quoted, subjects escaped', () => {
    const run = runCli(repo.dir, ['notes', '--base', base]);
    assert.equal(run.code, 0, run.stderr);
    const md = run.stdout;
    const order = ['### Returning shopper', '### First-time buyer', '### Needs of no persona'].map(
      (h) => md.indexOf(h),
    );
    assert.ok(
      order.every((i, k) => i >= 0 && (k === 0 || i > (order[k - 1] as number))),
      md,
    );
    assert.ok(md.includes('#### I am never charged twice (critical) `pay`'));
    assert.ok(md.includes('> “I got charged twice.”'));
    assert.ok(md.includes(`- Charge once (\`${charge.slice(0, 12)}\`)`));
    // A subject is text from outside: no emphasis, no mention, no issue link.
    assert.ok(md.includes('Gift \\*notes\\* for @\u2060alice, fixes \\#\u206012'), md);
    assert.ok(!md.includes('untouched'));
  });

  it('an empty range says so', () => {
    const run = runCli(repo.dir, ['notes', '--base', 'HEAD']);
    assert.equal(run.code, 0);
    assert.match(run.stdout, /No commit of the range touched a customer need\./);
  });

  it('an unknown revision is a usage error naming it', () => {
    const run = runCli(repo.dir, ['notes', '--base', 'v9.9.9']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /v9\.9\.9/);
  });
});
