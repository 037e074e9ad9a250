import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { makeTempDir, removeDir } from './helpers/gitRepo';
import { STACK_FRAME, ensureCliBuilt, runCli } from './helpers/runCli';

const NEEDS = [
  'version: 1',
  'needs:',
  '  - id: fast-checkout',
  '    title: Checkout feels instant',
  '    quote: Paying should take a second',
  '    evidence:',
  '      - source: NPS survey',
  '    match:',
  '      paths: ["src/checkout/**"]',
  '      keywords: ["checkout"]',
  '  - id: refunds',
  '    title: Refunds are quick',
  '    quote: I want my money back this week',
  '    evidence:',
  '      - source: Tickets',
  '    match:',
  '      paths: ["src/refunds/**"]',
  '',
].join('\n');

describe('outside-in instructions (as a process)', () => {
  let dir: string;
  before(() => ensureCliBuilt());
  beforeEach(() => {
    dir = makeTempDir('outside-in-instructions-');
    writeFileSync(path.join(dir, 'customer-needs.yaml'), NEEDS);
    mkdirSync(path.join(dir, 'src', 'checkout'), { recursive: true });
    mkdirSync(path.join(dir, 'src', 'refunds'), { recursive: true });
    writeFileSync(path.join(dir, 'src', 'checkout', 'pay.ts'), 'export const checkout = 1;\n');
    writeFileSync(path.join(dir, 'src', 'refunds', 'refund.ts'), 'export const r = 1;\n');
  });
  afterEach(() => removeDir(dir));

  const generated = (): string[] => readdirSync(path.join(dir, '.github', 'instructions')).sort();

  it('writes one Copilot file per need, and check is quiet about them', () => {
    const run = runCli(dir, ['instructions']);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(generated(), [
      'outside-in-fast-checkout.instructions.md',
      'outside-in-refunds.instructions.md',
    ]);
    assert.equal(
      run.stdout,
      'wrote .github/instructions/outside-in-fast-checkout.instructions.md\n' +
        'wrote .github/instructions/outside-in-refunds.instructions.md\n',
    );
    const check = runCli(dir, ['check']);
    assert.equal(check.code, 0, check.stderr);
    assert.equal(check.stdout, '');
  });

  it('after the needs file changes, check warns; running it again renews and removes', () => {
    runCli(dir, ['instructions']);
    const edited = NEEDS.replace('Paying should take a second', 'Paying takes one tap').replace(
      /  - id: refunds[\s\S]*$/,
      '',
    );
    writeFileSync(path.join(dir, 'customer-needs.yaml'), edited);
    const check = runCli(dir, ['check']);
    assert.equal(check.code, 0, check.stderr);
    assert.deepEqual(
      check.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(': warning: ')[0] + ' ' + l.slice(l.lastIndexOf('['))),
      [
        '.github/instructions/outside-in-fast-checkout.instructions.md:1:1 [outdated-instructions]',
        '.github/instructions/outside-in-refunds.instructions.md:1:1 [outdated-instructions]',
      ],
    );
    const again = runCli(dir, ['instructions']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(
      again.stdout,
      'wrote .github/instructions/outside-in-fast-checkout.instructions.md\n' +
        'removed .github/instructions/outside-in-refunds.instructions.md\n',
    );
    assert.deepEqual(generated(), ['outside-in-fast-checkout.instructions.md']);
    assert.match(
      readFileSync(
        path.join(dir, '.github/instructions/outside-in-fast-checkout.instructions.md'),
        'utf8',
      ),
      /Paying takes one tap/,
    );
    assert.equal(runCli(dir, ['check']).stdout, '');
  });

  it("never overwrites a file of the team's own, and writes nothing then", () => {
    mkdirSync(path.join(dir, '.github', 'instructions'), { recursive: true });
    const own = path.join(dir, '.github/instructions/outside-in-refunds.instructions.md');
    writeFileSync(own, 'our own words\n');
    const run = runCli(dir, ['instructions']);
    assert.equal(run.code, 2);
    assert.equal(
      run.stderr,
      'outside-in: .github/instructions/outside-in-refunds.instructions.md: exists and was not written by outside-in; move it away first\n',
    );
    assert.equal(readFileSync(own, 'utf8'), 'our own words\n');
    assert.deepEqual(generated(), ['outside-in-refunds.instructions.md']);
  });

  it('a needs file with errors writes nothing: exit 1', () => {
    writeFileSync(path.join(dir, 'customer-needs.yaml'), NEEDS.replace('version: 1', 'version: 2'));
    const run = runCli(dir, ['instructions', '--format', 'cursor']);
    assert.equal(run.code, 1);
    assert.doesNotMatch(run.stderr, STACK_FRAME);
    assert.equal(existsSync(path.join(dir, '.cursor')), false);
  });

  it('--format agents keeps AGENTS.md of the team and its keywords link no code', () => {
    writeFileSync(path.join(dir, 'AGENTS.md'), '# Ours\n\nRun the tests.\n');
    const run = runCli(dir, ['instructions', '--format', 'agents']);
    assert.equal(run.code, 0, run.stderr);
    const text = readFileSync(path.join(dir, 'AGENTS.md'), 'utf8');
    assert.ok(text.startsWith('# Ours\n\nRun the tests.\n\n<!-- outside-in:begin'));
    // The section names "checkout"; explain on AGENTS.md must not relate it to the need.
    const explain = runCli(dir, ['explain', 'AGENTS.md']);
    assert.equal(explain.stdout, 'AGENTS.md: no customer need relates to it\n');
  });
});
