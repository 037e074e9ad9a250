/**
 * `outside-in coverage` run in-process (runCoverage with an Io that keeps what
 * it prints) on a small shop in a temporary git repository whose commits have
 * fixed dates. Every figure below is worked out by hand from the tree and the
 * commits in this file and docs/coverage-json.md, never copied from output.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SINCE_DAYS, parseSinceDays, runCoverage } from '../../src/cli/coverage';
import type { CoverageFormat } from '../../src/cli/coverage';
import { UsageError } from '../../src/cli/io';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';

/** The end of the history window in every run below. */
const NOW = new Date('2026-06-30T12:00:00Z');

const NEEDS = [
  'version: 1',
  'product: Shop',
  'needs:',
  '  - id: no-double-charge',
  '    title: I am never charged twice',
  '    priority: critical',
  '    quote: I was charged twice for one order!',
  '    evidence: [{ source: Support tickets }]',
  '    match:',
  '      paths: ["src/pay/**"]',
  '  - id: gift-note',
  '    title: "A `gift` note <b>now</b> @alice"',
  '    priority: high',
  '    quote: "Where do I write the card? #3"',
  '    match:',
  '      keywords: ["gift note"]',
  '  - id: clear-total',
  '    title: The total is the total',
  '    priority: medium',
  '    match:',
  '      keywords: ["order total"]',
  '  - id: search-typos',
  '    title: Search forgives typos',
  '    priority: low',
  '  - id: old-paypal',
  '    title: PayPal redirect',
  '    priority: critical',
  '    status: retired',
  '    match:',
  '      paths: ["src/legacy/**"]',
  '',
].join('\n');

/** The shop's files; the comment says what links each one. */
const SHOP: Record<string, string> = {
  'customer-needs.yaml': NEEDS,
  'src/pay/charge.ts': 'export function charge(): void {}\n', // path: no-double-charge
  'src/cart.ts': '// the order total, taxes included\nexport const orderTotal = 0;\n', // 2 keyword lines
  'src/search.ts': '// @need search-typos\nexport const search = 1;\n', // 1 annotation
  'src/util.ts': 'export const util = 1;\n', // nothing
  'src/legacy/paypal.ts': 'export const paypal = 1;\n', // only the retired need: nothing
  'README.md': '# Shop\n', // nothing
  'build/gen.ts': 'export const gen = 1;\n', // committed, then ignored: never scanned
};

function commitAt(repo: TempRepo, date: string, message: string): void {
  const env = {
    ...process.env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  execFileSync('git', ['add', '-A'], { cwd: repo.dir, env, stdio: 'pipe' });
  execFileSync('git', ['commit', '-q', '-m', message], { cwd: repo.dir, env, stdio: 'pipe' });
}

/**
 * The shop under `prefix` in `repo`, with this history (days before NOW):
 * - 171 days: every file (and .gitignore, which ignores build/ from then on)
 * - 60 days: src/util.ts, src/gone.ts (new), customer-needs.yaml, build/gen.ts, src/pay/charge.ts
 * - 20 days: src/util.ts, src/legacy/paypal.ts, customer-needs.yaml, build/gen.ts
 * - 10 days: src/util.ts, src/legacy/paypal.ts, build/gen.ts, src/cart.ts; src/gone.ts deleted
 */
function buildShop(repo: TempRepo, prefix = ''): void {
  const at = (rel: string): string => prefix + rel;
  for (const [rel, text] of Object.entries(SHOP)) repo.write(at(rel), text);
  repo.git('add', '-A');
  repo.write(at('.gitignore'), 'build/\n');
  commitAt(repo, '2026-01-10T12:00:00Z', 'the shop');

  // A change of one line; a comment in the needs file's own syntax.
  const touch = (rel: string, n: number): void =>
    repo.write(at(rel), `${SHOP[rel] ?? ''}${rel.endsWith('.yaml') ? '#' : '//'} ${n}\n`);
  for (const rel of ['src/util.ts', 'customer-needs.yaml', 'build/gen.ts', 'src/pay/charge.ts'])
    touch(rel, 2);
  repo.write(at('src/gone.ts'), 'export const gone = 1;\n');
  commitAt(repo, '2026-05-01T12:00:00Z', 'second');

  for (const rel of ['src/util.ts', 'src/legacy/paypal.ts', 'customer-needs.yaml', 'build/gen.ts'])
    touch(rel, 3);
  commitAt(repo, '2026-06-10T12:00:00Z', 'third');

  for (const rel of ['src/util.ts', 'src/legacy/paypal.ts', 'build/gen.ts', 'src/cart.ts'])
    touch(rel, 4);
  rmSync(path.join(repo.dir, at('src/gone.ts')));
  commitAt(repo, '2026-06-20T12:00:00Z', 'fourth');
}

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function coverage(
  root: string,
  format: CoverageFormat,
  since = DEFAULT_SINCE_DAYS,
): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io = { cwd: root, out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const code = await runCoverage(io, { root, since, format, load: {}, now: NOW });
  return { code, stdout, stderr };
}

const noLinks = { annotation: 0, keyword: 0, path: 0 };

/** The `needs` of the JSON report for SHOP, worked out from the comments above. */
const NEEDS_JSON = [
  {
    id: 'no-double-charge',
    title: 'I am never charged twice',
    priority: 'critical',
    status: 'validated',
    files: 1,
    links: { annotation: 0, keyword: 0, path: 1 },
    needsFile: 'customer-needs.yaml',
    quote: 'I was charged twice for one order!',
  },
  {
    id: 'gift-note',
    title: 'A `gift` note <b>now</b> @alice',
    priority: 'high',
    status: 'assumed',
    files: 0,
    links: noLinks,
    needsFile: 'customer-needs.yaml',
    quote: 'Where do I write the card? #3',
  },
  {
    id: 'clear-total',
    title: 'The total is the total',
    priority: 'medium',
    status: 'assumed',
    files: 1,
    links: { annotation: 0, keyword: 2, path: 0 },
    needsFile: 'customer-needs.yaml',
  },
  {
    id: 'search-typos',
    title: 'Search forgives typos',
    priority: 'low',
    status: 'assumed',
    files: 1,
    links: { annotation: 1, keyword: 0, path: 0 },
    needsFile: 'customer-needs.yaml',
  },
];

describe('outside-in coverage (in-process)', function () {
  let repo: TempRepo;

  before(() => {
    repo = new TempRepo();
    buildShop(repo);
  });
  after(() => repo.remove());

  it('prints the JSON contract: needs, uncovered, weighted coverage and hotspots', async () => {
    const run = await coverage(repo.dir, 'json');
    assert.equal(run.code, 0);
    assert.equal(run.stderr, '');
    assert.match(run.stdout, /^\{\n {2}"version": 1,\n {2}"needs": \[/);
    assert.deepEqual(JSON.parse(run.stdout), {
      version: 1,
      needs: NEEDS_JSON,
      uncovered: ['gift-note'],
      // critical, medium and low covered, high not: (8 + 2 + 1) / (8 + 4 + 2 + 1)
      weightedCoverage: 11 / 15,
      // 90 days: the commits of 60, 20 and 10 days ago. Not listed: src/pay/charge.ts
      // and src/cart.ts (linked), src/gone.ts (deleted), customer-needs.yaml (the needs
      // file), build/gen.ts (ignored).
      hotspots: [
        { file: 'src/util.ts', commits: 3 },
        { file: 'src/legacy/paypal.ts', commits: 2 },
      ],
      weight: { covered: 11, total: 15 },
      history: { days: 90, available: true },
      // .gitignore, README.md and the five files of src/: the needs file is not a source.
      scan: { read: 7, skipped: { binary: 0, large: 0, unreadable: 0 } },
    });
  });

  it('says the same in text', async () => {
    const run = await coverage(repo.dir, 'text');
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      [
        'Outside-In needs coverage: 3 of 4 needs have code (weighted coverage 73%: 11 of 15 priority points; critical 8, high 4, medium 2, low 1)',
        '',
        'Needs no code relates to (1):',
        '  [high] A `gift` note <b>now</b> @alice  gift-note',
        '    “Where do I write the card? #3”',
        '',
        'Busy code no need relates to (up to 20 files changed most often in the last 90 days, most commits first):',
        '  3 commits  src/util.ts',
        '  2 commits  src/legacy/paypal.ts',
        '',
        'Needs with code (3):',
        '  [critical] I am never charged twice  no-double-charge  1 file (1 file by path)',
        '  [medium] The total is the total  clear-total  1 file (2 keyword lines)',
        '  [low] Search forgives typos  search-typos  1 file (1 annotation)',
        '',
      ].join('\n'),
    );
  });

  it('says the same in Markdown, the needs-file text escaped', async () => {
    const run = await coverage(repo.dir, 'markdown');
    assert.equal(run.code, 0);
    assert.equal(
      run.stdout,
      [
        '## Customer needs coverage',
        '',
        '**3 of 4 needs have code** (weighted coverage 73%: 11 of 15 priority points; critical 8, high 4, medium 2, low 1).',
        '',
        '### Needs no code relates to (1)',
        '',
        // No HTML, no code span, no mention, no issue reference from the needs file.
        '- **A \\`gift\\` note \\<b\\>now\\</b\\> @\u2060alice** (high) `gift-note`',
        '  > “Where do I write the card? \\#\u20603”',
        '',
        '### Busy code no need relates to',
        '',
        'Up to 20 files changed most often in the last 90 days, most commits first:',
        '',
        '- `src/util.ts`: 3 commits',
        '- `src/legacy/paypal.ts`: 2 commits',
        '',
        '### Needs with code (3)',
        '',
        '- **I am never charged twice** (critical) `no-double-charge`: 1 file (1 file by path)',
        '- **The total is the total** (medium) `clear-total`: 1 file (2 keyword lines)',
        '- **Search forgives typos** (low) `search-typos`: 1 file (1 annotation)',
        '',
      ].join('\n'),
    );
  });

  it('counts the commits of the last --since days', async () => {
    // 30 days: the commits of 20 and 10 days ago; a tie is broken by path.
    const month = JSON.parse((await coverage(repo.dir, 'json', 30)).stdout);
    assert.deepEqual(month.hotspots, [
      { file: 'src/legacy/paypal.ts', commits: 2 },
      { file: 'src/util.ts', commits: 2 },
    ]);
    assert.deepEqual(month.history, { days: 30, available: true });
    // 200 days: the first commit too, which also made .gitignore and README.md.
    const longer = JSON.parse((await coverage(repo.dir, 'json', 200)).stdout);
    assert.deepEqual(longer.hotspots, [
      { file: 'src/util.ts', commits: 4 },
      { file: 'src/legacy/paypal.ts', commits: 3 },
      { file: '.gitignore', commits: 1 },
      { file: 'README.md', commits: 1 },
    ]);
    // The history changes the hotspots, never the needs.
    assert.deepEqual(longer.needs, NEEDS_JSON);
    const text = (await coverage(repo.dir, 'text', 200)).stdout;
    assert.ok(
      text.includes('in the last 200 days, most commits first):\n  4 commits  src/util.ts\n'),
    );
  });

  it('rejects a --since that is not a whole number of days from 1', async () => {
    assert.equal(parseSinceDays(undefined), 90);
    assert.equal(parseSinceDays('30'), 30);
    for (const bad of ['0', '-5', '1.5', 'abc', '', ' ', '1e3x'])
      assert.throws(() => parseSinceDays(bad), UsageError, `--since ${JSON.stringify(bad)}`);
    await assert.rejects(coverage(repo.dir, 'text', 0), UsageError);
  });
});

describe('outside-in coverage on a folder of a repository', function () {
  let repo: TempRepo;

  before(() => {
    repo = new TempRepo();
    buildShop(repo, 'shop/');
    // Busy, but outside the root: not the shop's concern.
    for (let i = 0; i < 5; i++) {
      repo.write('tools/build.ts', `// ${i}\n`);
      commitAt(repo, `2026-06-2${i}T18:00:00Z`, `tools ${i}`);
    }
  });
  after(() => repo.remove());

  it('gives paths relative to the root and counts only its history', async () => {
    const run = await coverage(path.join(repo.dir, 'shop'), 'json');
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.needs, NEEDS_JSON);
    assert.deepEqual(report.hotspots, [
      { file: 'src/util.ts', commits: 3 },
      { file: 'src/legacy/paypal.ts', commits: 2 },
    ]);
  });
});

describe('outside-in coverage outside git, and without needs', function () {
  let dir: string;
  const ceiling = process.env.GIT_CEILING_DIRECTORIES;

  before(() => {
    // git must not find a repository around the temp folder.
    process.env.GIT_CEILING_DIRECTORIES = os.tmpdir();
    dir = makeTempDir('outside-in-coverage-');
  });
  after(() => {
    if (ceiling === undefined) delete process.env.GIT_CEILING_DIRECTORIES;
    else process.env.GIT_CEILING_DIRECTORIES = ceiling;
    removeDir(dir);
  });

  function write(files: Record<string, string>): void {
    for (const [rel, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
  }

  it('says git history was not available and lists no hotspot', async () => {
    write(SHOP);
    const json = JSON.parse((await coverage(dir, 'json')).stdout);
    assert.deepEqual(json.needs, NEEDS_JSON);
    assert.deepEqual(json.hotspots, []);
    assert.deepEqual(json.history, {
      days: 90,
      available: false,
      reason: 'Not inside a git repository',
    });
    const text = (await coverage(dir, 'text')).stdout;
    assert.ok(
      text.includes(
        '\nBusy code no need relates to: not checked: git history was not available (Not inside a git repository).\n',
      ),
      text,
    );
    const markdown = (await coverage(dir, 'markdown')).stdout;
    assert.ok(
      markdown.includes(
        '### Busy code no need relates to\n\nNot checked: git history was not available (Not inside a git repository).\n',
      ),
      markdown,
    );
  });

  it('has no weighted coverage without a needs file, and says so', async () => {
    rmSync(path.join(dir, 'customer-needs.yaml'));
    const run = await coverage(dir, 'json');
    assert.equal(run.code, 0);
    assert.equal(
      run.stderr,
      'outside-in: no needs file under the root; there are no needs to cover\n',
    );
    const report = JSON.parse(run.stdout);
    assert.deepEqual(report.needs, []);
    assert.deepEqual(report.uncovered, []);
    assert.equal(report.weightedCoverage, null);
    const text = (await coverage(dir, 'text')).stdout;
    assert.equal(
      text.split('\n')[0],
      'Outside-In needs coverage: no needs to cover (no needs file, or every need is retired): no weighted coverage',
    );
  });

  it('points at check when a needs file has errors', async () => {
    write({
      'customer-needs.yaml': 'version: 1\nneeds:\n  - id: x\n    title: X\n    priority: urgent\n',
    });
    const run = await coverage(dir, 'text');
    assert.equal(run.code, 0);
    assert.equal(
      run.stderr,
      'outside-in: customer-needs.yaml has 1 error(s); run "outside-in check" for details\n',
    );
  });
});
