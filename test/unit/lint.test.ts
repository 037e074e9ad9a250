import * as assert from 'node:assert/strict';
import type { YAMLMap } from 'yaml';
import { parseDocument } from 'yaml';
import type { FileProblem } from '../../src/core/coverage';
import { lintProblems } from '../../src/core/lint';
import type { LintSettings } from '../../src/core/lintOptions';
import { DEFAULT_LINT_SETTINGS, readLintSettings } from '../../src/core/lintOptions';
import type { Problem } from '../../src/core/model';
import type { NeedsSet } from '../../src/core/needsSet';
import { YamlReader } from '../../src/core/yamlReader';
import { needsSet, yaml } from './helpers/needsIndex';

type Tree = Record<string, string>;

/** `count` files `dir/f1.ts` ... each holding `text`. */
function files(count: number, dir: string, text = 'x\n'): Tree {
  const out: Tree = {};
  for (let i = 1; i <= count; i++) out[`${dir}/f${i}.ts`] = text;
  return out;
}

/** Scans in-memory files as `check` does (the needs files are walked too), then lints. */
function lint(
  set: NeedsSet,
  tree: Tree,
  settings?: Partial<LintSettings> | ((needsFile: string) => Partial<LintSettings> | undefined),
): FileProblem[] {
  const scanned = Object.entries(tree).map(([path, text]) => ({
    path,
    links: set.fileLinks(path, text),
  }));
  const paths = [...set.scopes.map((s) => s.needsFile), ...Object.keys(tree)];
  const of = typeof settings === 'function' ? settings : () => settings;
  return lintProblems(set, { paths, files: scanned }, (scope) => {
    const own = of(scope.needsFile);
    return own && { ...DEFAULT_LINT_SETTINGS, ...own };
  });
}

/** `file:line:col rule`, 1-based, as `outside-in check` prints it. */
function where(problems: readonly FileProblem[]): string[] {
  return problems
    .map((p) => `${p.file}:${p.span.start.line + 1}:${p.span.start.character + 1} ${p.rule}`)
    .sort();
}

function messages(problems: readonly FileProblem[], rule: string): string[] {
  return problems.filter((p) => p.rule === rule).map((p) => p.message);
}

const NEEDS = 'customer-needs.yaml';

describe('lintProblems', () => {
  describe('broad-glob', () => {
    const set = needsSet({
      [NEEDS]: yaml(
        'version: 1', // 1
        'needs:', // 2
        '  - id: pay', // 3
        '    title: Pay', // 4
        '    match:', // 5
        '      paths: ["src/pay/**"]', // 6: `      paths: [` is 14 characters
      ),
    });

    it('warns at a glob matching more than half the files, with the numbers', () => {
      // 26 + 24 = 50 files: the needs file is walked but not counted.
      const problems = lint(set, { ...files(26, 'src/pay'), ...files(24, 'lib') });
      assert.deepEqual(where(problems), [`${NEEDS}:6:15 broad-glob`]);
      assert.deepEqual(messages(problems, 'broad-glob'), [
        'Path "src/pay/**" of need "pay" matches 26 of 50 files (52%, over the 50% limit): it links the need to almost everything.',
      ]);
    });

    it('stays quiet at exactly half', () => {
      assert.deepEqual(lint(set, { ...files(25, 'src/pay'), ...files(25, 'lib') }), []);
    });

    it('writes big numbers with thousands separators', () => {
      // 1,204 / 1,530 = 78.7%.
      const problems = lint(set, { ...files(1204, 'src/pay'), ...files(326, 'lib') });
      assert.deepEqual(messages(problems, 'broad-glob'), [
        'Path "src/pay/**" of need "pay" matches 1,204 of 1,530 files (79%, over the 50% limit): it links the need to almost everything.',
      ]);
    });

    it('says "all" when the glob matches every file, and then warns even at a limit of 1', () => {
      const problems = lint(set, files(50, 'src/pay'), { broadGlob: 1 });
      assert.deepEqual(messages(problems, 'broad-glob'), [
        'Path "src/pay/**" of need "pay" matches all 50 files: it links the need to almost everything.',
      ]);
      assert.deepEqual(
        lint(set, { ...files(49, 'src/pay'), ...files(1, 'lib') }, { broadGlob: 1 }),
        [],
      );
    });

    it('counts the files a glob links, not those a later "!" pattern of the need takes back', () => {
      const text = (paths: string): string =>
        yaml(
          'version: 1',
          'needs:',
          '  - id: n',
          '    title: N',
          '    match:',
          `      paths: ${paths}`,
        );
      // src/** matches 40 of 50 files; 30 of them are under src/gen.
      const tree = { ...files(10, 'src/app'), ...files(30, 'src/gen'), ...files(10, 'lib') };
      const excluding = needsSet({ [NEEDS]: text('["src/**", "!src/gen/**"]') });
      assert.deepEqual(lint(excluding, tree), []);
      const plain = needsSet({ [NEEDS]: text('["src/**"]') });
      assert.deepEqual(messages(lint(plain, tree), 'broad-glob'), [
        'Path "src/**" of need "n" matches 40 of 50 files (80%, over the 50% limit): it links the need to almost everything.',
      ]);
    });

    it('counts a nested needs file against the files of its own folder', () => {
      const nested = needsSet({
        [NEEDS]: yaml('version: 1', 'needs: []'),
        'packages/a/customer-needs.yaml': yaml(
          'version: 1',
          'needs:',
          '  - id: a',
          '    title: A',
          '    match:',
          '      paths: ["src/**"]',
        ),
      });
      const tree = {
        ...files(30, 'packages/a/src'),
        ...files(25, 'packages/a/lib'),
        ...files(100, 'other'),
      };
      // 30 of the 55 files under packages/a (54.5%); of the whole tree it would be 30 of 155.
      assert.deepEqual(messages(lint(nested, tree), 'broad-glob'), [
        'Path "src/**" of need "a" matches 30 of 55 files (55%, over the 50% limit): it links the need to almost everything.',
      ]);
    });
  });

  describe('broad-keyword', () => {
    const set = needsSet({
      [NEEDS]: yaml(
        'version: 1', // 1
        'needs:', // 2
        '  - id: x', // 3
        '    title: X', // 4
        '    match:', // 5
        '      keywords: ["data", "refund"]', // 6: `      keywords: [` is 17 characters
      ),
    });
    // Two lines and three occurrences: still one file.
    const DATA = 'const data = 1;\nconst moreData = data;\n';

    it('warns at a keyword relating more than a quarter of the files, each file once', () => {
      const problems = lint(set, { ...files(26, 'src/a', DATA), ...files(74, 'src/b') });
      assert.deepEqual(where(problems), [`${NEEDS}:6:18 broad-keyword`]);
      assert.deepEqual(messages(problems, 'broad-keyword'), [
        'Keyword "data" of need "x" relates 26 of 100 files (26%, over the 25% limit): too common to say which code serves the need.',
      ]);
    });

    it('stays quiet at exactly a quarter', () => {
      assert.deepEqual(lint(set, { ...files(25, 'src/a', DATA), ...files(75, 'src/b') }), []);
    });

    it('shows a decimal when the whole percent would equal the limit', () => {
      // 253 of 1,000 is 25.3%: "25%" would not say why it is over a 25% limit.
      const problems = lint(set, { ...files(253, 'src/a', DATA), ...files(747, 'src/b') });
      assert.deepEqual(messages(problems, 'broad-keyword'), [
        'Keyword "data" of need "x" relates 253 of 1,000 files (25.3%, over the 25% limit): too common to say which code serves the need.',
      ]);
    });

    it('keeps hostile keyword text as written in the message', () => {
      const hostile = '<img src=x onerror="alert(1)"> $& `x` **b**';
      const h = needsSet({
        [NEEDS]: yaml(
          'version: 1',
          'needs:',
          '  - id: h',
          '    title: H',
          '    match:',
          `      keywords: ['${hostile}']`,
        ),
      });
      const problems = lint(h, { ...files(30, 'src/a', `${hostile}\n`), ...files(70, 'src/b') });
      assert.deepEqual(messages(problems, 'broad-keyword'), [
        `Keyword "${hostile}" of need "h" relates 30 of 100 files (30%, over the 25% limit): too common to say which code serves the need.`,
      ]);
    });
  });

  describe('the minimum number of files', () => {
    const set = needsSet({
      [NEEDS]: yaml(
        'version: 1',
        'needs:',
        '  - id: all',
        '    title: All',
        '    match:',
        '      paths: ["src/**"]',
        '      keywords: ["data"]',
      ),
    });
    const tree = files(49, 'src', 'data\n');

    it('says nothing about shares below 50 files, even at 100%', () => {
      assert.deepEqual(lint(set, tree), []);
    });

    it('speaks from 50 files on', () => {
      assert.deepEqual(where(lint(set, { ...tree, 'src/last.ts': 'x\n' })), [
        `${NEEDS}:6:15 broad-glob`,
        `${NEEDS}:7:18 broad-keyword`,
      ]);
    });

    it('follows min-files when the needs file lowers it', () => {
      const problems = lint(set, files(3, 'src', 'data\n'), { minFiles: 3 });
      assert.deepEqual(messages(problems, 'broad-keyword'), [
        'Keyword "data" of need "all" relates all 3 files: too common to say which code serves the need.',
      ]);
      assert.deepEqual(lint(set, files(2, 'src', 'data\n'), { minFiles: 3 }), []);
    });
  });

  describe('no-match-rules', () => {
    const set = needsSet({
      [NEEDS]: yaml(
        'version: 1', // 1
        'needs:', // 2
        '  - id: bare', // 3: id at col 9
        '    title: Bare', // 4
        '  - id: annotated', // 5
        '    title: Annotated', // 6
        '  - id: only-excludes', // 7: id at col 9
        '    title: Only excludes', // 8
        '    match:', // 9
        '      paths: ["!src/**"]', // 10
        '  - id: old', // 11
        '    title: Old', // 12
        '    status: retired', // 13
        '  - id: worded', // 14
        '    title: Worded', // 15
        '    match:', // 16
        '      keywords: ["zebra"]', // 17: matches nothing, but it is a rule
      ),
    });

    it('warns at a need with no path, keyword or annotation; a "!" pattern links nothing', () => {
      const problems = lint(set, { 'src/a.ts': '// @need annotated\n' });
      assert.deepEqual(where(problems), [
        `${NEEDS}:3:9 no-match-rules`,
        `${NEEDS}:7:9 no-match-rules`,
      ]);
      assert.equal(
        messages(problems, 'no-match-rules')[0],
        'Need "bare" has no path, no keyword and no @need annotation in the code: no change can bring it to a review.',
      );
    });

    it('takes an annotation as a rule, for the needs file that defines the id nearest', () => {
      const nested = needsSet({
        [NEEDS]: yaml('version: 1', 'needs:', '  - id: both', '    title: Root'),
        'pkg/customer-needs.yaml': yaml('version: 1', 'needs:', '  - id: both', '    title: Pkg'),
      });
      // The annotation under pkg/ names pkg's "both": the root's stays without a rule.
      assert.deepEqual(where(lint(nested, { 'pkg/a.ts': '// @need both\n' })), [
        `${NEEDS}:3:9 no-match-rules`,
      ]);
    });
  });

  describe('unused-persona', () => {
    it('warns at a persona no need names; retired needs still use theirs', () => {
      const set = needsSet({
        [NEEDS]: yaml(
          'version: 1', // 1
          'personas:', // 2
          '  shopper:', // 3
          '    name: Shopper', // 4
          '  admin:', // 5: key at col 3
          '  ghost:', // 6
          'needs:', // 7
          '  - id: a', // 8
          '    title: A', // 9
          '    persona: shopper', // 10
          '  - id: b', // 11
          '    title: B', // 12
          '    persona: ghost', // 13
          '    status: retired', // 14
        ),
      });
      const problems = lint(set, {}).filter((p) => p.rule === 'unused-persona');
      assert.deepEqual(where(problems), [`${NEEDS}:5:3 unused-persona`]);
      assert.deepEqual(messages(problems, 'unused-persona'), [
        'Persona "admin" is the persona of none of the 2 needs: name it on the needs it is about, or remove it.',
      ]);
    });

    it("counts the needs of the needs files below a persona's, not of those beside it", () => {
      const set = needsSet({
        [NEEDS]: yaml(
          'version: 1', // 1
          'personas:', // 2
          '  buyer:', // 3
          '  admin:', // 4: key at col 3
          'needs:',
          '  - id: r',
          '    title: R',
        ),
        // No personas of its own: its needs name the root's (and any other name).
        'pkg/customer-needs.yaml': yaml(
          'version: 1',
          'needs:',
          '  - id: p',
          '    title: P',
          '    persona: buyer',
          '  - id: q',
          '    title: Q',
          '    persona: seller',
        ),
        'other/customer-needs.yaml': yaml(
          'version: 1', // 1
          'personas:', // 2
          '  seller:', // 3: key at col 3
          'needs:',
          '  - id: o',
          '    title: O',
        ),
      });
      assert.deepEqual(where(lint(set, {}).filter((p) => p.rule === 'unused-persona')), [
        `${NEEDS}:4:3 unused-persona`,
        'other/customer-needs.yaml:3:3 unused-persona',
      ]);
    });
  });

  describe('value-without-review', () => {
    it('warns at a value without a question, at the start of its entry', () => {
      const set = needsSet({
        [NEEDS]: yaml(
          'version: 1', // 1
          'values:', // 2
          '  - id: plain', // 3: the entry starts at col 5
          '    statement: We answer every ticket.', // 4
          '  - id: asked', // 5
          '    statement: We keep prices honest.', // 6
          '    review:', // 7
          '      - Is the total the total?', // 8
          '  - id: blank', // 9: col 5
          '    statement: We say no plainly.', // 10
          '    review: ["  "]', // 11
          'needs: []', // 12
        ),
      });
      const problems = lint(set, {});
      assert.deepEqual(where(problems), [
        `${NEEDS}:3:5 value-without-review`,
        `${NEEDS}:9:5 value-without-review`,
      ]);
      assert.deepEqual(problems[0]?.span, {
        start: { line: 2, character: 4 },
        end: { line: 2, character: 4 },
      });
      assert.equal(
        problems[0]?.message,
        'Value "plain" has no review question: the checklist shows its statement but asks the reviewer nothing.',
      );
    });
  });

  describe('validated-without-quote', () => {
    const set = needsSet({
      [NEEDS]: yaml(
        'version: 1', // 1
        'needs:', // 2
        '  - id: by-default', // 3: col 9
        '    title: A', // 4
        '    evidence:', // 5
        '      - source: Survey', // 6
        '  - id: explicit', // 7: col 9
        '    title: B', // 8
        '    status: validated', // 9
        '  - id: quoted', // 10
        '    title: C', // 11
        '    quote: "Let me pay and go."', // 12
        '    evidence:', // 13
        '      - source: Survey', // 14
        '  - id: guess', // 15
        '    title: D', // 16
        '  - id: blank-quote', // 17: col 9
        '    title: E', // 18
        '    quote: "  "', // 19
        '    evidence:', // 20
        '      - source: Ticket', // 21
        '      - source: Interview', // 22
        '        quote: "Too slow."', // 23
        '  - id: gone', // 24
        '    title: F', // 25
        '    status: retired', // 26
        '    evidence:', // 27
        '      - source: Survey', // 28
      ),
    });

    it('warns at a validated need without a quote, by default or said, saying how it is validated', () => {
      const problems = lint(set, {}).filter((p) => p.rule === 'validated-without-quote');
      assert.deepEqual(where(problems), [
        `${NEEDS}:17:9 validated-without-quote`,
        `${NEEDS}:3:9 validated-without-quote`,
        `${NEEDS}:7:9 validated-without-quote`,
      ]);
      assert.deepEqual(problems.map((p) => p.message).sort(), [
        'Need "blank-quote" is validated, on 2 pieces of evidence, but has no quote: the customer\'s own words are missing. Evidence #2 has one.',
        'Need "by-default" is validated, on 1 piece of evidence, but has no quote: the customer\'s own words are missing.',
        'Need "explicit" is validated, with no evidence, but has no quote: the customer\'s own words are missing.',
      ]);
    });
  });

  describe('settings', () => {
    const set = needsSet({
      [NEEDS]: yaml(
        'version: 1',
        'needs:',
        '  - id: x',
        '    title: X',
        '    evidence:',
        '      - source: Survey',
        '    match:',
        '      paths: ["src/a/**"]',
        '      keywords: ["data"]',
      ),
    });
    // src/a/**: 26 of 50 files (52%); "data": 13 of 50 (26%).
    const tree = {
      ...files(13, 'src/a/data', 'data\n'),
      ...files(13, 'src/a/other'),
      ...files(24, 'lib'),
    };

    it('fires every rule the tree calls for under the defaults', () => {
      assert.deepEqual(
        lint(set, tree)
          .map((p) => p.rule)
          .sort(),
        ['broad-glob', 'broad-keyword', 'validated-without-quote'],
      );
    });

    it('follows raised thresholds', () => {
      assert.deepEqual(
        lint(set, tree, { broadGlob: 0.6, broadKeyword: 0.3 }).map((p) => p.rule),
        ['validated-without-quote'],
      );
    });

    it('follows lowered thresholds', () => {
      // 5 of 50 files is 10%: over 0.05, not over the default 0.25.
      const few = { ...files(5, 'src/a', 'data\n'), ...files(45, 'lib') };
      assert.deepEqual(
        lint(set, few).map((p) => p.rule),
        ['validated-without-quote'],
      );
      assert.deepEqual(messages(lint(set, few, { broadKeyword: 0.05 }), 'broad-keyword'), [
        'Keyword "data" of need "x" relates 5 of 50 files (10%, over the 5% limit): too common to say which code serves the need.',
      ]);
    });

    it('reports nothing for a rule turned off, and only for that needs file', () => {
      assert.deepEqual(
        lint(set, tree, { off: ['broad-glob', 'validated-without-quote'] }).map((p) => p.rule),
        ['broad-keyword'],
      );
      const two = needsSet({
        [NEEDS]: yaml('version: 1', 'needs:', '  - id: r', '    title: R'),
        'pkg/customer-needs.yaml': yaml('version: 1', 'needs:', '  - id: p', '    title: P'),
      });
      const off = (file: string): Partial<LintSettings> | undefined =>
        file === NEEDS ? { off: ['no-match-rules'] } : undefined;
      assert.deepEqual(where(lint(two, {}, off)), ['pkg/customer-needs.yaml:3:9 no-match-rules']);
    });

    it('reads them from the lint map of the needs file', () => {
      const text = yaml(
        'version: 1',
        'lint: {broad-glob: 0.6, broad-keyword: 0.2, min-files: 40, off: [validated-without-quote]}',
        'needs:',
        '  - id: x',
        '    title: X',
        '    evidence:',
        '      - source: Survey',
        '    match:',
        '      paths: ["src/a/**"]',
        '      keywords: ["data"]',
      );
      const settings = readSettings(text).settings;
      assert.deepEqual(settings, {
        broadGlob: 0.6,
        broadKeyword: 0.2,
        minFiles: 40,
        off: ['validated-without-quote'],
      });
      // 40 files: 21 under src/a (52.5%, under 0.6), 9 with "data" (22.5%, over 0.2).
      const small = {
        ...files(9, 'src/a/data', 'data\n'),
        ...files(12, 'src/a/other'),
        ...files(19, 'lib'),
      };
      const withLint = needsSet({ [NEEDS]: text });
      const fromFile = lintProblems(
        withLint,
        { paths: Object.keys(small), files: scanOf(withLint, small) },
        () => settings,
      );
      assert.deepEqual(where(fromFile), [`${NEEDS}:10:18 broad-keyword`]);
    });
  });
});

function scanOf(set: NeedsSet, tree: Tree): { links: ReturnType<NeedsSet['fileLinks']> }[] {
  return Object.entries(tree).map(([path, text]) => ({ links: set.fileLinks(path, text) }));
}

/** Runs readLintSettings on a needs file's text, as the loader would. */
function readSettings(text: string): { settings: LintSettings | undefined; problems: Problem[] } {
  const doc = parseDocument(text);
  const r = new YamlReader(doc, text);
  const settings = readLintSettings(r, doc.contents as YAMLMap);
  return { settings, problems: r.problems };
}

/** `line:col severity rule`, 1-based. */
function at(problems: readonly Problem[]): string[] {
  return problems.map(
    (p) => `${p.span.start.line + 1}:${p.span.start.character + 1} ${p.severity} ${p.rule}`,
  );
}

describe('readLintSettings', () => {
  it('is undefined when the needs file has no lint map, or an empty one', () => {
    assert.deepEqual(readSettings(yaml('version: 1', 'needs: []')), {
      settings: undefined,
      problems: [],
    });
    assert.deepEqual(readSettings(yaml('version: 1', 'lint:', 'needs: []')), {
      settings: undefined,
      problems: [],
    });
  });

  it('fills in the defaults: 0.5, 0.25, 50 files, nothing off', () => {
    assert.deepEqual(readSettings(yaml('version: 1', 'lint: {}', 'needs: []')), {
      settings: { broadGlob: 0.5, broadKeyword: 0.25, minFiles: 50, off: [] },
      problems: [],
    });
  });

  it('accepts a share of 1 and small shares', () => {
    const { settings, problems } = readSettings(
      yaml('version: 1', 'lint:', '  broad-glob: 1', '  broad-keyword: 0.001', 'needs: []'),
    );
    assert.deepEqual(problems, []);
    assert.equal(settings?.broadGlob, 1);
    assert.equal(settings?.broadKeyword, 0.001);
  });

  it('reports each bad entry at its place and keeps the default for it', () => {
    const { settings, problems } = readSettings(
      yaml(
        'version: 1', // 1
        'lint:', // 2
        '  broad-glob: 50', // 3: "  broad-glob: " is 14 characters
        '  broad-keyword: "25%"', // 4: "  broad-keyword: " is 17
        '  min-files: 2.5', // 5: "  min-files: " is 13
        '  off: [broad-glbo, unmatched-path, unused-persona]', // 6: "  off: [" is 8, "broad-glbo, " 12
        '  unused-persona: off', // 7
        '  treshold: 1', // 8
        'needs: []', // 9
      ),
    );
    assert.deepEqual(settings, {
      broadGlob: 0.5,
      broadKeyword: 0.25,
      minFiles: 50,
      off: ['unused-persona'],
    });
    assert.deepEqual(at(problems).sort(), [
      '3:15 error invalid-threshold',
      '4:18 error wrong-type',
      '5:14 error invalid-threshold',
      '6:21 warning unknown-rule',
      '6:9 warning unknown-rule',
      '7:3 warning unknown-field',
      '8:3 warning unknown-field',
    ]);
    const said = (line: number, col: number): string | undefined =>
      problems.find((p) => p.span.start.line === line - 1 && p.span.start.character === col - 1)
        ?.message;
    assert.equal(
      said(3, 15),
      '"broad-glob" must be a share of files above 0 and at most 1 (0.25 is 25%), not 50.',
    );
    assert.equal(
      said(4, 18),
      '"broad-keyword" in the lint settings must be a share of files between 0 and 1, e.g. 0.25 for 25%, not text.',
    );
    assert.equal(said(5, 14), '"min-files" must be a whole number of files, 1 or more, not 2.5.');
    assert.equal(
      said(6, 9),
      '"broad-glbo" is not a lint rule that can be turned off; did you mean "broad-glob"?',
    );
    assert.equal(
      said(6, 21),
      '"unmatched-path" is not a lint rule that can be turned off; known: broad-glob, broad-keyword, no-match-rules, unused-persona, value-without-review, validated-without-quote.',
    );
    assert.equal(
      said(7, 3),
      'Rule "unused-persona" has no threshold; to turn it off, list it under "off" in the lint settings.',
    );
    assert.equal(
      said(8, 3),
      'Unknown field "treshold" in the lint settings; known: broad-glob, broad-keyword, min-files, off.',
    );
  });

  it('refuses 0 and negative shares and a minimum under 1', () => {
    const { problems } = readSettings(
      yaml(
        'version: 1',
        'lint:',
        '  broad-glob: 0',
        '  broad-keyword: -0.1',
        '  min-files: 0',
        'needs: []',
      ),
    );
    assert.deepEqual(at(problems), [
      '3:15 error invalid-threshold',
      '4:18 error invalid-threshold',
      '5:14 error invalid-threshold',
    ]);
  });

  it('says so when lint is not a mapping', () => {
    const { settings, problems } = readSettings(
      yaml('version: 1', 'lint: [broad-glob]', 'needs: []'),
    );
    assert.equal(settings, undefined);
    assert.deepEqual(at(problems), ['2:7 error wrong-type']);
  });
});
