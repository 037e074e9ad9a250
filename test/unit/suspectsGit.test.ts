/**
 * Suspect links both ways, on real temporary git repositories through the
 * real CLI: a branch that edits a need's quote lists the code written for it,
 * and a branch that retires or removes a need still annotated says so, in the
 * checklist, in `check` and with `--fail-on suspect`. Every file, line and
 * reason below is worked out by hand from the files each test writes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { TempRepo, removeDir } from './helpers/gitRepo';
import { REPO_ROOT, ensureCliBuilt, runCli } from './helpers/runCli';
import type { CliRun } from './helpers/runCli';

const NEEDS = `version: 1
needs:
  - id: clear-total
    title: The total I see is the total I pay
    priority: high
    quote: "No surprises."
    evidence:
      - source: Support tickets
    match:
      paths: ["src/cart/**"]
      keywords: ["order total"]
    review:
      - Does the cart total equal the charge?
  - id: gift-note
    title: I can add a note to a gift
    priority: low
    match:
      keywords: ["gift note"]
  - id: old-coupon
    title: Coupons from the old shop still work
    priority: low
`;

const FILES: Record<string, string> = {
  // line 1: annotation; line 2: keyword "order total" (orderTotal); a cart path
  'src/cart/summary.ts': '// @need clear-total\nexport const orderTotal = 1;\n',
  // line 2: annotation
  'src/checkout/pay.ts': 'export function pay(): void {}\n// @need clear-total, gift-note\n',
  // line 3: keyword only
  'src/mail/receipt.ts': 'const a = 1;\nconst b = 2;\nprint(orderTotal);\n',
  // line 1: annotation of a need the third branch removes
  'src/coupons.ts': '// @need old-coupon\nexport const coupons = [];\n',
  'README.md': 'A shop.\n',
};

interface Json {
  needs: {
    id: string;
    because: unknown[];
    changed?: boolean;
    changedFields?: string[];
    suspects?: { file: string; line?: number; rule: string }[];
    suspectsMore?: number;
  }[];
  unknownAnnotations?: unknown[];
  endedAnnotations?: { file: string; line: number; id: string; change: string }[];
}

function json(run: CliRun): Json {
  assert.equal(run.code, 0, run.stderr);
  return JSON.parse(run.stdout) as Json;
}

describe('suspect links on real git repositories (as a process)', function () {
  this.timeout(120_000);
  let repo: TempRepo;

  before(() => {
    ensureCliBuilt();
    repo = new TempRepo();
    repo.write('customer-needs.yaml', NEEDS);
    for (const [rel, text] of Object.entries(FILES)) repo.write(rel, text);
    repo.commitAll('shop');

    repo.git('checkout', '-q', '-b', 'new-quote');
    repo.write('customer-needs.yaml', NEEDS.replace('"No surprises."', '"No surprises at all."'));
    repo.commitAll('the customer said it better');

    repo.git('checkout', '-q', '-b', 'retire', 'main');
    repo.write(
      'customer-needs.yaml',
      NEEDS.replace(
        '    priority: low\n    match:',
        '    priority: low\n    status: retired\n    match:',
      ),
    );
    repo.commitAll('nobody writes gift notes');

    repo.git('checkout', '-q', '-b', 'remove', 'main');
    repo.write('customer-needs.yaml', NEEDS.slice(0, NEEDS.indexOf('  - id: old-coupon')));
    repo.commitAll('the old shop is gone');
    repo.git('checkout', '-q', 'main');
  });
  after(() => removeDir(repo.dir));

  const checklist = (head: string, ...more: string[]): CliRun =>
    runCli(repo.dir, ['checklist', '--base', 'main', '--head', head, ...more]);

  it('a branch that edits a quote lists the need as changed, with the code written for it', () => {
    const c = json(checklist('new-quote', '--format', 'json'));
    assert.deepEqual(
      c.needs.map((n) => n.id),
      ['clear-total'],
    );
    const need = c.needs[0];
    assert.equal(need?.changed, true);
    assert.deepEqual(need?.changedFields, ['quote']);
    assert.deepEqual(need?.because, [], 'no changed code relates to it');
    assert.deepEqual(need?.suspects, [
      { file: 'src/cart/summary.ts', line: 1, rule: 'annotation' },
      { file: 'src/checkout/pay.ts', line: 2, rule: 'annotation' },
      { file: 'src/cart/summary.ts', line: 2, rule: 'keyword' },
      { file: 'src/mail/receipt.ts', line: 3, rule: 'keyword' },
      { file: 'src/cart/summary.ts', rule: 'path' },
    ]);
    assert.equal(need?.suspectsMore, 0);
    assert.equal(c.endedAnnotations, undefined);
  });

  it('finds the same suspects in the working tree as in the commit', () => {
    repo.git('checkout', '-q', 'new-quote');
    try {
      const worktree = json(runCli(repo.dir, ['checklist', '--base', 'main', '--format', 'json']));
      const committed = json(checklist('new-quote', '--format', 'json'));
      assert.deepEqual(worktree.needs, committed.needs);
    } finally {
      repo.git('checkout', '-q', 'main');
    }
  });

  it('says so in Markdown, and --fail-on suspect fails the job', () => {
    const run = checklist('new-quote', '--format', 'markdown', '--fail-on', 'suspect');
    assert.equal(run.code, 1, run.stderr);
    assert.ok(run.stdout.includes('**This change edits the need: quote.**'), run.stdout);
    assert.ok(run.stdout.includes('- `src/mail/receipt.ts:3`: keyword'), run.stdout);
    assert.equal(
      run.stderr,
      'outside-in: fail-on suspect: clear-total (The total I see is the total I pay) changed (quote) and 5 places in the code link to it\n',
    );
    const calm = checklist('new-quote', '--format', 'json', '--fail-on', 'stale');
    assert.equal(calm.code, 0, 'only the policies asked for fail');
  });

  it('a branch that retires a need still annotated lists the annotation, and check calls it an error', () => {
    const c = json(checklist('retire', '--format', 'json'));
    assert.deepEqual(c.endedAnnotations, [
      { file: 'src/checkout/pay.ts', line: 2, id: 'gift-note', change: 'retired' },
    ]);
    assert.deepEqual(
      c.needs.map((n) => n.id),
      [],
      'retiring is no edit of a live need',
    );
    const fail = checklist('retire', '--format', 'json', '--fail-on', 'suspect');
    assert.equal(fail.code, 1);
    assert.equal(
      fail.stderr,
      'outside-in: fail-on suspect: src/checkout/pay.ts:2 annotates "gift-note", which the change retired\n',
    );

    repo.git('checkout', '-q', 'retire');
    try {
      const check = runCli(repo.dir, ['check']);
      assert.equal(check.code, 1, check.stdout + check.stderr);
      assert.match(
        check.stdout,
        /^src\/checkout\/pay\.ts:2:23: error: @need names the retired need "gift-note".*\[retired-need-annotated\]$/m,
      );
    } finally {
      repo.git('checkout', '-q', 'main');
    }
  });

  it('the JSON of both ways is valid against the published schema', () => {
    const schema = JSON.parse(
      readFileSync(path.join(REPO_ROOT, 'schema', 'checklist.schema.json'), 'utf8'),
    ) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const branch of ['new-quote', 'retire', 'remove']) {
      const c = json(checklist(branch, '--format', 'json'));
      assert.equal(validate(c), true, `${branch}: ${JSON.stringify(validate.errors)}`);
    }
    const edited = json(checklist('new-quote', '--format', 'json'));
    const need = edited.needs[0];
    assert.ok(need);
    const unmarked = { ...need, changed: undefined, changedFields: undefined };
    assert.equal(
      validate({ ...edited, needs: [JSON.parse(JSON.stringify(unmarked)) as unknown] }),
      false,
      'only a changed need may have no reason',
    );
  });

  it("with --root a folder of the repository, paths are the folder's own", () => {
    const nested = new TempRepo();
    try {
      nested.write('README.md', 'Top.\n');
      nested.write('shop/customer-needs.yaml', NEEDS);
      nested.write('shop/src/checkout/pay.ts', FILES['src/checkout/pay.ts'] ?? '');
      nested.write('other/pay.ts', '// @need clear-total\n');
      nested.commitAll('shop in a folder');
      nested.git('checkout', '-q', '-b', 'new-quote');
      nested.write('shop/customer-needs.yaml', NEEDS.replace('No surprises.', 'Never surprised.'));
      nested.commitAll('reworded');
      const run = runCli(nested.dir, [
        'checklist',
        '--root',
        'shop',
        '--base',
        'main',
        '--head',
        'new-quote',
        '--format',
        'json',
      ]);
      const need = json(run).needs[0];
      assert.deepEqual(need?.suspects, [
        { file: 'src/checkout/pay.ts', line: 2, rule: 'annotation' },
      ]);
    } finally {
      nested.remove();
    }
  });

  it('a branch that removes a need still annotated lists the annotation as removed', () => {
    const c = json(checklist('remove', '--format', 'json'));
    assert.deepEqual(c.endedAnnotations, [
      { file: 'src/coupons.ts', line: 1, id: 'old-coupon', change: 'removed' },
    ]);
    assert.equal(c.unknownAnnotations, undefined, 'no line of code changed');
  });
});
