/**
 * The top-level `exclude` list of a needs file (docs/needs-file.md): how it is
 * read and checked, and that code under it is linked by no needs file and its
 * needs files are not read. Lines and columns are counted by hand, 0-based as
 * spans are.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { loadNeedsText } from '../../src/core/load';
import type { UnknownAnnotation } from '../../src/core/match';
import { byScopeDepth, needsFileExcludedBy, scopeDir } from '../../src/core/scopes';
import type { ScopedLink } from '../../src/core/needsSet';
import { needsSet, yaml } from './helpers/needsIndex';

const ROOT_FILE = 'customer-needs.yaml';
const A_FILE = 'packages/a/customer-needs.yaml';

/** [rule, severity, line, character] of each problem, by position. */
function problemsOf(text: string): [string, string, number, number][] {
  return loadNeedsText(text, { today: '2026-11-26' })
    .problems.map((p): [string, string, number, number] => [
      p.rule,
      p.severity,
      p.span.start.line,
      p.span.start.character,
    ])
    .sort((a, b) => a[2] - b[2] || a[3] - b[3]);
}

describe('exclude: reading and checking it', () => {
  it('reads a list of globs, each with its span', () => {
    const { file, problems } = loadNeedsText(
      yaml(
        'version: 1', // 0
        'exclude:', // 1
        '  - test/fixtures/**', // 2: the glob from character 4 to 20
        '  - "*.generated.ts"', // 3
        'needs: []', // 4
      ),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(file?.exclude, [
      {
        value: 'test/fixtures/**',
        span: { start: { line: 2, character: 4 }, end: { line: 2, character: 20 } },
      },
      {
        value: '*.generated.ts',
        span: { start: { line: 3, character: 4 }, end: { line: 3, character: 20 } },
      },
    ]);
  });

  it('is optional, and empty when absent or blank', () => {
    assert.deepEqual(loadNeedsText('version: 1\nneeds: []\n').file?.exclude, []);
    assert.deepEqual(loadNeedsText('version: 1\nexclude:\nneeds: []\n').file?.exclude, []);
    assert.deepEqual(problemsOf('version: 1\nexclude:\nneeds: []\n'), []);
  });

  it('must be a list', () => {
    const text = yaml('version: 1', 'exclude: test/**', 'needs: []');
    assert.deepEqual(problemsOf(text), [['wrong-type', 'error', 1, 9]]);
    assert.deepEqual(loadNeedsText(text).file?.exclude, []);
  });

  it('reports each entry that is not text, is blank or starts with "!", and keeps the others', () => {
    const text = yaml(
      'version: 1', // 0
      'exclude:', // 1
      '  - test/fixtures/**', // 2
      '  - 3', // 3
      "  - ''", // 4
      "  - '!test/fixtures/keep/**'", // 5
      '  - "   "', // 6
      '  - [a]', // 7
      'needs: []', // 8
    );
    assert.deepEqual(problemsOf(text), [
      ['wrong-type', 'error', 3, 4],
      ['wrong-type', 'error', 4, 4],
      ['negated-exclude', 'error', 5, 4],
      ['wrong-type', 'error', 6, 4],
      ['wrong-type', 'error', 7, 4],
    ]);
    assert.deepEqual(
      loadNeedsText(text).file?.exclude.map((g) => g.value),
      ['test/fixtures/**'],
    );
  });

  it('says what is wrong in words', () => {
    const messages = loadNeedsText(
      yaml('version: 1', 'exclude:', '  - 3', "  - ''", "  - '!keep/**'", 'needs: []'),
    ).problems.map((p) => p.message);
    assert.deepEqual(messages, [
      'an entry of "exclude" in the needs file must be text, not a number.',
      'An entry of "exclude" in the needs file must be a glob, not empty text.',
      '"!keep/**": "exclude" takes no "!" globs; list only the folders and files to leave out.',
    ]);
  });

  it('warns about a glob too long to match, and leaves it out', () => {
    const long = 'a'.repeat(1025);
    const text = yaml('version: 1', 'exclude:', `  - ${long}`, 'needs: []');
    assert.deepEqual(problemsOf(text), [['glob-too-long', 'warning', 2, 4]]);
    assert.deepEqual(loadNeedsText(text).file?.exclude, []);
  });
});

describe('exclude: the JSON Schema', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  ajv.addVocabulary(['markdownDescription', 'markdownEnumDescriptions']);
  addFormats(ajv);
  // Tests compile to out/test/unit/, three levels below the repository root.
  const schemaFile = path.resolve(__dirname, '../../../schema/customer-needs.schema.json');
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
  const accepts = (exclude: unknown): boolean =>
    validate({ version: 1, needs: [], exclude }) === true;

  it('accepts a list of globs', () => {
    assert.equal(accepts(['test/fixtures/**', '*.generated.ts', '  vendor/']), true);
    assert.equal(accepts([]), true);
  });

  it('rejects what the validator reports as an error', () => {
    assert.equal(accepts('test/**'), false);
    assert.equal(accepts([3]), false);
    assert.equal(accepts(['']), false);
    assert.equal(accepts(['   ']), false);
    assert.equal(accepts(['!test/keep/**']), false);
    assert.equal(accepts([' !test/keep/**']), false);
    assert.equal(accepts(['a'.repeat(1025)]), false);
  });
});

describe('exclude: what it leaves out', () => {
  const set = needsSet({
    [ROOT_FILE]: yaml(
      'version: 1', // 0
      'exclude:', // 1
      '  - test/fixtures/**', // 2
      '  - "*.generated.ts"', // 3
      'needs:',
      '  - id: fast-checkout',
      '    title: Checkout feels instant',
      '    match:',
      '      paths: ["src/**", "test/**"]',
      '      keywords: ["checkout"]',
    ),
    [A_FILE]: yaml(
      'version: 1', // 0
      'exclude:', // 1
      '  - gen', // 2
      'needs:',
      '  - id: a-refund',
      '    title: Refunds are quick',
      '    match:',
      '      keywords: ["refund"]',
    ),
  });

  /** `needsFile needId rule line` of each link. */
  function rows(links: readonly ScopedLink[]): string[] {
    return links.map((l) => `${l.needsFile} ${l.needId} ${l.rule} ${l.line ?? '-'}`);
  }

  it('names the needs file, the glob and where the glob stands', () => {
    assert.deepEqual(set.excludedBy('test/fixtures/broken/x.ts'), {
      needsFile: ROOT_FILE,
      glob: 'test/fixtures/**',
      span: { start: { line: 2, character: 4 }, end: { line: 2, character: 20 } },
    });
    // No slash: at any depth, as in `match.paths`.
    assert.equal(set.excludedBy('src/api/client.generated.ts')?.glob, '*.generated.ts');
    // Both root globs match: the one written first is named.
    assert.equal(set.excludedBy('test/fixtures/a.generated.ts')?.glob, 'test/fixtures/**');
  });

  it('leaves everything else in', () => {
    assert.equal(set.excludedBy('src/a.ts'), undefined);
    assert.equal(set.excludedBy('test/unit/a.ts'), undefined);
    assert.equal(set.excludedBy('test/fixturesx/a.ts'), undefined);
  });

  it("reads a nested needs file's globs relative to its folder, and only below it", () => {
    assert.deepEqual(set.excludedBy('packages/a/src/gen/x.ts'), {
      needsFile: A_FILE,
      glob: 'gen',
      span: { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } },
    });
    assert.equal(set.excludedBy('gen/x.ts'), undefined);
    assert.equal(set.excludedBy('packages/b/gen/x.ts'), undefined);
    // The root's `test/fixtures/**` has a slash: it starts at the root's folder.
    assert.equal(set.excludedBy('packages/a/test/fixtures/x.ts'), undefined);
  });

  it('gives an excluded file no path, keyword or annotation link, and no unknown annotation', () => {
    const text = 'checkout();\n// @need fast-checkout @need no-such-need\n';
    const unknown: UnknownAnnotation[] = [];
    assert.deepEqual(rows(set.fileLinks('test/fixtures/pay.ts', text, unknown)), []);
    assert.deepEqual(rows(set.pathLinks('test/fixtures/pay.ts')), []);
    assert.deepEqual(rows(set.lineLinks('test/fixtures/pay.ts', text, 0, unknown)), []);
    assert.deepEqual(unknown, []);
    // The same text one folder over links and reports as usual.
    assert.deepEqual(rows(set.fileLinks('test/unit/pay.ts', text, unknown)), [
      `${ROOT_FILE} fast-checkout path -`,
      `${ROOT_FILE} fast-checkout keyword 0`,
      `${ROOT_FILE} fast-checkout annotation 1`,
      `${ROOT_FILE} fast-checkout keyword 1`,
    ]);
    assert.deepEqual(unknown, [{ id: 'no-such-need', line: 1, start: 29, end: 41 }]);
  });

  it('leaves a path out of every needs file that governs it, not only the one that excludes it', () => {
    const text = 'refund(checkout)\n';
    assert.deepEqual(rows(set.fileLinks('packages/a/gen/r.ts', text)), []);
    // Outside `gen` both needs files link it, the nearest first.
    assert.deepEqual(rows(set.fileLinks('packages/a/src/r.ts', text)), [
      `${A_FILE} a-refund keyword 0`,
      `${ROOT_FILE} fast-checkout keyword 0`,
    ]);
  });
});

describe('exclude: needs files inside an excluded folder', () => {
  const set = needsSet({
    [ROOT_FILE]: yaml(
      'version: 1',
      'exclude:', // 1
      '  - test/fixtures/**', // 2
      '  - docs/**', // 3
      '  - packages/b', // 4
      'needs: []',
    ),
    [A_FILE]: yaml('version: 1', 'exclude: [gen]', 'needs: []'),
  });

  it('are not read: a needs file above them excludes them', () => {
    const by = needsFileExcludedBy(set.scopes, 'test/fixtures/broken/customer-needs.yaml');
    assert.equal(by?.needsFile, ROOT_FILE);
    assert.equal(by?.glob, 'test/fixtures/**');
    assert.equal(by?.span.start.line, 2);
    assert.equal(
      needsFileExcludedBy(set.scopes, 'packages/b/.github/customer-needs.yaml')?.glob,
      'packages/b',
    );
    assert.equal(
      needsFileExcludedBy(set.scopes, 'packages/a/gen/customer-needs.yaml')?.needsFile,
      A_FILE,
    );
  });

  it('never include the needs file itself or one that speaks for the same folder', () => {
    assert.equal(needsFileExcludedBy(set.scopes, ROOT_FILE), undefined);
    // docs/ is excluded, but docs/customer-needs.yaml speaks for the root, as the root file does.
    assert.equal(needsFileExcludedBy(set.scopes, 'docs/customer-needs.yaml'), undefined);
    assert.equal(needsFileExcludedBy(set.scopes, A_FILE), undefined);
    assert.equal(needsFileExcludedBy(set.scopes, 'packages/c/customer-needs.yaml'), undefined);
  });

  it('are decided nearest the root first', () => {
    const files = [
      'packages/a/b/customer-needs.yaml',
      'customer-needs.yaml',
      'packages/a/.github/customer-needs.yaml',
      'docs/customer-needs.yaml',
    ];
    assert.deepEqual(byScopeDepth(files, scopeDir), [
      'customer-needs.yaml',
      'docs/customer-needs.yaml',
      'packages/a/.github/customer-needs.yaml',
      'packages/a/b/customer-needs.yaml',
    ]);
  });
});
