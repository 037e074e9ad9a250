/**
 * A needs file's top-level `exclude` list, through the CLI run as a real
 * process: `check`, `explain` and `checklist` leave the excluded code and the
 * needs files inside it alone. Expected lines, columns and counts are worked
 * out by hand from the trees written here.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';
import { STACK_FRAME, ensureCliBuilt, runCli } from './helpers/runCli';

// Line numbers are written beside the lines they count.
const NEEDS_LINES = [
  'version: 1', // 1
  'exclude:', // 2
  '  - test/fixtures/**', // 3: the glob at column 5
  'needs:', // 4
  '  - id: fast-checkout', // 5
  '    title: Checkout feels instant', // 6
  '    evidence:', // 7
  '      - source: NPS survey', // 8
  '    match:', // 9
  '      paths: ["src/**"]', // 10
  '      keywords: ["checkout"]', // 11
  '    quote: Paying should take a second', // 12: the customer's words, so no lint warning
];
const NEEDS = NEEDS_LINES.join('\n') + '\n';
/** The same needs file without its `exclude` list (lines 2 and 3). */
const NEEDS_WITHOUT_EXCLUDE = NEEDS_LINES.filter((_, i) => i !== 1 && i !== 2).join('\n') + '\n';

/** Broken on purpose, as test fixtures are: version 2 does not exist. */
const BROKEN_NEEDS = 'version: 2\nneeds: nope\n'; // "2" at column 10
const FIXTURE_CODE = [
  '// @need no-such-need', // 1: the id at column 10
  'export const checkout = 1;', // 2: keyword "checkout"
  '',
].join('\n');

const TREE: Record<string, string> = {
  'src/checkout.ts': 'export function checkout(): void {}\n',
  'test/fixtures/broken/customer-needs.yaml': BROKEN_NEEDS,
  'test/fixtures/code.ts': FIXTURE_CODE,
  'test/fixtures/more/other.ts': 'checkout();\n',
};

function writeTree(dir: string, files: Record<string, string>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

describe('outside-in CLI: a needs file that excludes test/fixtures/** (as a process)', function () {
  // The first run may have to bundle the CLI.
  this.timeout(120_000);
  const cleanUp: string[] = [];
  after(() => cleanUp.forEach(removeDir));
  before(() => ensureCliBuilt());

  function tempTree(files: Record<string, string>): string {
    const dir = makeTempDir('outside-in-exclude-');
    cleanUp.push(dir);
    writeTree(dir, files);
    return dir;
  }

  describe('check', () => {
    it('without the exclude list, the broken fixtures are errors (exit 1)', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS_WITHOUT_EXCLUDE, ...TREE });
      const run = runCli(dir, ['check']);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(lines(run.stdout), [
        'test/fixtures/broken/customer-needs.yaml:1:10: error: Unsupported version 2; this Outside-In reads version 1. [unsupported-version]',
        'test/fixtures/code.ts:1:10: error: @need names an unknown need "no-such-need". [unknown-need]',
      ]);
    });

    it('with it: exit 0, neither the broken needs file nor the unknown @need reported', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, ...TREE });
      const run = runCli(dir, ['check']);
      assert.equal(run.code, 0, run.stdout + run.stderr);
      assert.equal(run.stdout, '');
      // One needs file read; src/checkout.ts read; the three files under test/fixtures left out.
      assert.match(
        run.stderr,
        /^outside-in: 1 needs file\(s\), 1 source file\(s\) read, 3 excluded: 0 error\(s\), 0 warning\(s\)\n$/,
      );
    });

    it('says so in JSON too', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, ...TREE });
      const run = runCli(dir, ['check', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout) as {
        needsFiles: string[];
        problems: unknown[];
        files: { scanned: number; excluded: number };
      };
      assert.deepEqual(out.needsFiles, ['customer-needs.yaml']);
      assert.deepEqual(out.problems, []);
      assert.equal(out.files.scanned, 1);
      assert.equal(out.files.excluded, 3);
    });
  });

  describe('explain', () => {
    it('on an excluded file: which needs file, line and glob exclude it', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, ...TREE });
      const run = runCli(dir, ['explain', 'test/fixtures/code.ts']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(
        run.stdout,
        'test/fixtures/code.ts: excluded by customer-needs.yaml:3 (test/fixtures/**)\n',
      );
      assert.doesNotMatch(run.stderr, STACK_FRAME);
      // Not even the broken needs file inside the excluded folder is read.
      assert.doesNotMatch(run.stderr, /broken/);
    });

    it('on a line of an excluded file, in JSON', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, ...TREE });
      const run = runCli(dir, ['explain', 'test/fixtures/code.ts:2', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), {
        version: 1,
        file: 'test/fixtures/code.ts',
        line: 2,
        excluded: { needsFile: 'customer-needs.yaml', line: 3, glob: 'test/fixtures/**' },
        needs: [],
      });
    });

    it('on a file outside the excluded folder: its needs as usual', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, ...TREE });
      const run = runCli(dir, ['explain', 'src/checkout.ts']);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^src\/checkout\.ts: 1 customer need\n/);
      assert.match(run.stdout, /fast-checkout/);
    });
  });

  describe('checklist', () => {
    it('a change to an excluded file touches no need and is counted as excluded', () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      writeTree(repo.dir, { 'customer-needs.yaml': NEEDS, ...TREE });
      repo.commitAll('base');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('test/fixtures/code.ts', FIXTURE_CODE + 'export const checkoutAgain = 2;\n');
      repo.commitAll('fixture change');

      const run = runCli(repo.dir, ['checklist', '--base', 'main', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      // The broken needs file under test/fixtures is not read, so nothing is said of it.
      assert.equal(run.stderr, '');
      const c = JSON.parse(run.stdout) as {
        needs: unknown[];
        files: { changed: number; related: number; excluded: number };
      };
      assert.deepEqual(c.needs, []);
      assert.deepEqual(c.files, { changed: 1, related: 0, excluded: 1, binary: 0 });
    });

    it('the same change with the folder not excluded touches the need', () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      writeTree(repo.dir, { 'customer-needs.yaml': NEEDS_WITHOUT_EXCLUDE, ...TREE });
      repo.commitAll('base');
      repo.git('checkout', '-q', '-b', 'feature');
      repo.write('test/fixtures/code.ts', FIXTURE_CODE + 'export const checkoutAgain = 2;\n');
      repo.commitAll('fixture change');

      const run = runCli(repo.dir, ['checklist', '--base', 'main', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const c = JSON.parse(run.stdout) as {
        needs: { id: string; because: unknown[] }[];
      };
      assert.deepEqual(
        c.needs.map((n) => [n.id, n.because]),
        [
          [
            'fast-checkout',
            [{ file: 'test/fixtures/code.ts', line: 3, rule: 'keyword', match: 'checkout' }],
          ],
        ],
      );
    });
  });
});
