/**
 * The checklist for CI: GitHub workflow commands, SARIF 2.1.0 (validated
 * against the schema kept in schema/sarif-2.1.0.json) and --fail-on, on
 * checklists written by hand and through the built CLI on a real repository.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Checklist, ChecklistNeed } from '../../src/core/checklist';
import { failReasons, parseFailOn } from '../../src/core/failOn';
import {
  escapeData,
  escapeProperty,
  fitStepSummary,
  githubAnnotations,
  STEP_SUMMARY_LIMIT,
} from '../../src/core/githubAnnotations';
import { checklistSarif } from '../../src/core/sarif';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';
import { REPO_ROOT, ensureCliBuilt, runCli } from './helpers/runCli';

function need(id: string, overrides: Partial<ChecklistNeed> = {}): ChecklistNeed {
  return {
    id,
    title: `Title of ${id}`,
    priority: 'medium',
    status: 'validated',
    review: [],
    because: [{ file: 'src/a.ts', line: 3, rule: 'keyword', match: 'cart' }],
    evidenceCount: 1,
    signals: [],
    needsFile: 'customer-needs.yaml',
    ...overrides,
  };
}

function checklist(needs: ChecklistNeed[], extra: Partial<Checklist> = {}): Checklist {
  return {
    version: 1,
    base: 'b'.repeat(40),
    head: 'WORKTREE',
    needs,
    values: [],
    files: { changed: 1, related: 1, excluded: 0, binary: 0 },
    ...extra,
  };
}

describe('--format github: workflow commands', () => {
  it('escapes messages and properties as GitHub decodes them', () => {
    assert.equal(escapeData('100% sure\r\nnext'), '100%25 sure%0D%0Anext');
    assert.equal(escapeProperty('a:b,c%'), 'a%3Ab%2Cc%25');
  });

  it("one notice per need, the customer's words first, a warning for a critical need", () => {
    const out = githubAnnotations(
      checklist([
        need('pay-once', {
          title: 'Charged once, ever',
          priority: 'critical',
          quote: 'Charged twice: 100%!',
          personaName: 'Shopper',
          review: ['Is the key kept?'],
          because: [
            { file: 'src/pay.ts', line: 7, rule: 'keyword', match: 'charge', removed: true },
            { file: 'src/pay.ts', line: 9, rule: 'annotation', match: 'pay-once' },
          ],
        }),
      ]),
      { prefix: 'shop' },
    );
    assert.equal(
      out,
      '::warning file=shop/src/pay.ts,line=9,title=Customer need%3A Charged once%2C ever (critical)::' +
        '“Charged twice: 100%25!” (Shopper)%0AValidated · 1 piece of evidence, none dated.%0AReview: Is the key kept?%0A' +
        'Why here: annotation @need pay-once on line 9 (need pay-once, customer-needs.yaml).\n',
    );
  });

  it('at most ten of a kind; the rest and the path-only needs are counted in one plain line', () => {
    const needs = [
      ...Array.from({ length: 12 }, (_, i) => need(`n${String(i).padStart(2, '0')}`)),
      need('by-path', { because: [{ file: 'src/a.ts', rule: 'path', match: 'src/**' }] }),
    ];
    const lines = githubAnnotations(checklist(needs)).trimEnd().split('\n');
    assert.equal(lines.filter((l) => l.startsWith('::notice ')).length, 10);
    assert.equal(
      lines.at(-1),
      'outside-in: 2 more needs relate to changed lines than GitHub shows as annotations; 1 need relates to changed files by path alone (no line to annotate): the checklist lists every need.',
    );
  });

  it('a need with no evidence says it is an assumption, even one marked validated', () => {
    const guess = githubAnnotations(
      checklist([need('guess', { status: 'assumed', evidenceCount: 0 })]),
    );
    assert.ok(guess.includes('::Assumption: rests on no evidence.%0AWhy here:'), guess);
    const claimed = githubAnnotations(checklist([need('claimed', { evidenceCount: 0 })]));
    assert.ok(
      claimed.includes('::Assumption: marked validated, but rests on no evidence.%0A'),
      claimed,
    );
  });

  it('stale evidence says its date, its age and what to do', () => {
    const out = githubAnnotations(
      checklist([
        need('old', {
          evidenceCount: 2,
          newestEvidence: '2024-05-01',
          stale: true,
          because: [{ file: 'src/a.ts', line: 3, rule: 'keyword', match: 'cart' }],
        }),
      ]),
      { today: '2026-06-01' },
    );
    assert.ok(
      out.includes(
        '::Validated · 2 pieces of evidence, newest 2024-05-01 (2 years ago) · stale: re-validate with customers.%0A' +
          'Why here: keyword "cart" on line 3 (need old, customer-needs.yaml).',
      ),
      out,
    );
  });

  it('the job summary fits in what GitHub still accepts, cut at a line end with a note', () => {
    assert.equal(fitStepSummary('short\n', 0), 'short\n');
    const long = 'é line\n'.repeat(200_000); // 8 bytes a line: 1.6 MB
    const fitted = fitStepSummary(long, 1000);
    assert.ok(new TextEncoder().encode(fitted).length <= STEP_SUMMARY_LIMIT - 1000);
    assert.ok(fitted.startsWith('é line\n'));
    assert.ok(fitted.includes('The checklist is cut here'), fitted.slice(-200));
    assert.ok(!fitted.includes('\uFFFD'));
    assert.equal(fitStepSummary(long, STEP_SUMMARY_LIMIT), '');
  });
});

describe('--format sarif', () => {
  const schema = JSON.parse(
    readFileSync(path.join(REPO_ROOT, 'schema', 'sarif-2.1.0.json'), 'utf8'),
  ) as object;
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);

  const sample = checklist([
    need('pay-once', {
      priority: 'critical',
      quote: 'Charged twice!',
      review: ['Is the key kept?'],
      because: [
        { file: 'src/pay.ts', rule: 'path', match: 'src/pay.ts' },
        { file: 'src/pay.ts', line: 9, rule: 'annotation', match: 'pay-once' },
        { file: 'src/pay.ts', line: 12, rule: 'keyword', match: 'charge' },
        { file: 'src/retry file.ts', line: 2, rule: 'keyword', match: 'charge' },
      ],
    }),
    need('guess', { priority: 'low', evidenceCount: 0 }),
  ]);

  it('validates against the SARIF 2.1.0 schema', () => {
    const log = checklistSarif(sample, { toolVersion: '1.2.3' });
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  });

  it('one rule per need; one result per need and file, at its first changed line', () => {
    const log = checklistSarif(sample, { prefix: 'shop', toolVersion: '1.2.3' }) as {
      runs: [
        {
          tool: {
            driver: {
              rules: {
                id: string;
                shortDescription: { text: string };
                fullDescription: { text: string };
                defaultConfiguration: { level: string };
              }[];
            };
          };
          results: {
            ruleId: string;
            level: string;
            locations: {
              physicalLocation: {
                artifactLocation: { uri: string };
                region: { startLine: number };
              };
            }[];
            partialFingerprints: Record<string, string>;
          }[];
        },
      ];
    };
    const run = log.runs[0];
    assert.deepEqual(
      run.tool.driver.rules.map((r) => [
        r.id,
        r.shortDescription.text,
        r.fullDescription.text,
        r.defaultConfiguration.level,
      ]),
      [
        ['pay-once', 'Title of pay-once', 'Charged twice!', 'error'],
        ['guess', 'Title of guess', 'Title of guess', 'note'],
      ],
    );
    assert.deepEqual(
      run.results.map((r) => [
        r.ruleId,
        r.level,
        r.locations[0]?.physicalLocation.artifactLocation.uri,
        r.locations[0]?.physicalLocation.region.startLine,
      ]),
      [
        ['pay-once', 'error', 'shop/src/pay.ts', 9],
        ['pay-once', 'error', 'shop/src/retry%20file.ts', 2],
        ['guess', 'note', 'shop/src/a.ts', 3],
      ],
    );
  });

  it("a rule's help: the review questions, then the evidence in the checklist's words", () => {
    const log = checklistSarif(
      checklist([
        need('pay-once', { review: ['Is the key kept?'], newestEvidence: '2026-05-02' }),
        need('guess', { status: 'assumed', evidenceCount: 0 }),
      ]),
      { toolVersion: '1', today: '2026-06-01' },
    ) as { runs: [{ tool: { driver: { rules: { help: { text: string } }[] } } }] };
    assert.deepEqual(
      log.runs[0].tool.driver.rules.map((r) => r.help.text),
      [
        'Review questions: Is the key kept? Validated · 1 piece of evidence, newest 2026-05-02 (30 days ago).',
        'No review questions. Assumption: rests on no evidence.',
      ],
    );
  });

  it('fingerprints name the need and the file, not the line, so they survive moved lines', () => {
    const moved = checklist(
      sample.needs.map((n) => ({
        ...n,
        because: n.because.map((b) => (b.line === undefined ? b : { ...b, line: b.line + 40 })),
      })),
    );
    const prints = (c: Checklist): string[] =>
      (
        checklistSarif(c, { toolVersion: '1' }) as {
          runs: [{ results: { partialFingerprints: object }[] }];
        }
      ).runs[0].results.map((r) => JSON.stringify(r.partialFingerprints));
    assert.deepEqual(prints(moved), prints(sample));
    assert.equal(new Set(prints(sample)).size, 3);
  });
});

describe('--fail-on', () => {
  it('parses a comma list and names the first unknown policy', () => {
    assert.deepEqual(parseFailOn('stale, critical,stale'), { policies: ['stale', 'critical'] });
    assert.deepEqual(parseFailOn('stale,suspicious'), { unknown: 'suspicious' });
  });

  it('one line per reason, only for the policies asked for', () => {
    const c = checklist(
      [
        need('guess', { priority: 'critical', evidenceCount: 0 }),
        need('old', { stale: true, newestEvidence: '2020-01-02' }),
      ],
      { unknownAnnotations: [{ file: 'src/a.ts', line: 4, id: 'no-such' }] },
    );
    assert.deepEqual(
      failReasons(c, ['assumed-critical', 'unknown-annotation', 'stale'], '2026-06-01'),
      [
        'unknown-annotation: src/a.ts:4 annotates "no-such", which no needs file defines',
        'assumed-critical: guess (Title of guess) is critical and rests on no evidence',
        'stale: old (Title of old) has no evidence newer than 2020-01-02 (6 years ago)',
      ],
    );
    assert.deepEqual(failReasons(c, []), []);
    assert.deepEqual(failReasons(checklist([need('fine')]), ['assumed-critical', 'critical']), []);
  });
});

describe('outside-in checklist for CI, on a real repository', () => {
  let repo: TempRepo;
  before(() => {
    ensureCliBuilt();
    repo = new TempRepo();
    repo.write(
      'customer-needs.yaml',
      [
        'version: 1',
        'needs:',
        '  - id: pay-once',
        '    title: Charged once',
        '    priority: critical',
        '    quote: "I was charged twice."',
        '    match:',
        '      keywords: ["charge"]',
        '',
      ].join('\n'),
    );
    repo.write('src/pay.ts', 'export const x = 1;\n');
    repo.commitAll('base');
    repo.write('src/pay.ts', 'export const x = 1;\n// charge once @need pay-onse\n');
  });
  after(() => repo.remove());

  it('github: annotations on stdout, the Markdown appended to the job summary, exit 1 on a policy', () => {
    // Outside the repository, as on a runner: inside, it would be an untracked change itself.
    const summaryDir = makeTempDir('outside-in-summary-');
    const summary = path.join(summaryDir, 'step_summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const run = runCli(
      repo.dir,
      [
        'checklist',
        '--base',
        'HEAD',
        '--format',
        'github',
        '--fail-on',
        'assumed-critical,unknown-annotation',
      ],
      { ...process.env, GITHUB_STEP_SUMMARY: summary },
    );
    assert.match(
      run.stdout,
      /^::warning file=src\/pay\.ts,line=2,title=Customer need%3A Charged once \(critical\)::“I was charged twice\.”/,
    );
    const written = readFileSync(summary, 'utf8');
    assert.ok(written.startsWith('# Earlier step\n'), written);
    assert.ok(written.includes('Charged once'), written);
    removeDir(summaryDir);
    assert.equal(run.code, 1);
    assert.equal(
      run.stderr,
      [
        'outside-in: fail-on unknown-annotation: src/pay.ts:2 annotates "pay-onse", which no needs file defines',
        'outside-in: fail-on assumed-critical: pay-once (Charged once) is critical and rests on no evidence',
        '',
      ].join('\n'),
    );
  });

  it('sarif: valid SARIF on stdout, exit 0 without --fail-on', () => {
    const run = runCli(repo.dir, ['checklist', '--base', 'HEAD', '--format', 'sarif']);
    assert.equal(run.code, 0, run.stderr);
    const log = JSON.parse(run.stdout) as { runs: [{ results: { ruleId: string }[] }] };
    assert.deepEqual(
      log.runs[0].results.map((r) => r.ruleId),
      ['pay-once'],
    );
  });

  it('an unknown policy is a usage error', () => {
    const run = runCli(repo.dir, ['checklist', '--fail-on', 'sometimes']);
    assert.equal(run.code, 2);
    assert.match(
      run.stderr,
      /--fail-on sometimes: give unknown-annotation, assumed-critical, stale, critical or suspect/,
    );
  });
});
