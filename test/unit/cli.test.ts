/**
 * The `outside-in` CLI run as a real process (node dist/cli.js) in temporary
 * folders. Every expected line, column and rule below is worked out by hand
 * from the fixtures in this file and docs/, never copied from output.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { TempRepo, makeTempDir, removeDir } from './helpers/gitRepo';
import { REPO_ROOT, STACK_FRAME, ensureCliBuilt, runCli } from './helpers/runCli';
import type { CliRun } from './helpers/runCli';

// Line numbers are written beside the lines they count.
const NEEDS = [
  'version: 1', // 1
  'needs:', // 2
  '  - id: fast-checkout', // 3
  '    title: Checkout feels instant', // 4
  '    priority: high', // 5
  '    evidence:', // 6
  '      - source: NPS survey', // 7
  '    match:', // 8
  '      paths: ["src/checkout/**", "src/legacy/**"]', // 9: "src/legacy/**" at col 34
  '      keywords: ["saved card", "one click"]', // 10: "one click" at col 32
  '  - id: gift-note', // 11: id at col 9
  '    title: I can add a note to a gift', // 12
  '    match:', // 13
  '      keywords: ["gift note"]', // 14
  '',
].join('\n');

const PAY_TS = [
  '// pay with a saved card', // 1: keyword "saved card"
  'export function payNow(savedCard: string): string {', // 2: keyword "saved card"
  '  return savedCard; // @need fast-checkout', // 3: annotation, then keyword
  '}', // 4
  "export const giftNote = 'gift note';", // 5: keyword "gift note" (once per line)
  '',
].join('\n');

/** The warnings `check` must print for NEEDS + PAY_TS, sorted by line. */
const EXPECTED_WARNINGS = [
  `customer-needs.yaml:3:9: warning: Need "fast-checkout" is validated, on 1 piece of evidence, but has no quote: the customer's own words are missing. [validated-without-quote]`,
  'customer-needs.yaml:9:34: warning: Path "src/legacy/**" of need "fast-checkout" matches no file. [unmatched-path]',
  'customer-needs.yaml:10:32: warning: Keyword "one click" of need "fast-checkout" matches nothing in the code. [unmatched-keyword]',
  'customer-needs.yaml:11:9: warning: Need "gift-note" rests on no evidence: an assumption. [no-evidence]',
];

const BAD_PRIORITY = [
  'version: 1', // 1
  'needs:', // 2
  '  - id: fast-checkout', // 3
  '    title: Checkout feels instant', // 4
  '    priority: urgent', // 5: "urgent" at col 15
  '',
].join('\n');

type Tree = Record<string, string | Uint8Array>;

function writeTree(dir: string, files: Tree): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(dir, rel);
    mkdirSync(path.dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
}

/** The text with every run of white space as one space: help wraps its lines. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function lines(text: string): string[] {
  return text.split('\n').filter((l) => l !== '');
}

/** Exit 2 with a message on stderr, nothing on stdout and no stack trace. */
function assertUsageError(run: CliRun, mentions: RegExp): void {
  assert.equal(run.code, 2, `stderr: ${run.stderr}`);
  assert.equal(run.stdout, '');
  assert.match(run.stderr, mentions);
  assert.doesNotMatch(run.stderr, STACK_FRAME);
}

describe('outside-in CLI (as a process)', function () {
  // The first run may have to bundle the CLI.
  this.timeout(120_000);
  const cleanUp: string[] = [];
  after(() => cleanUp.forEach(removeDir));

  before(() => ensureCliBuilt());

  function tempTree(files: Tree): string {
    const dir = makeTempDir('outside-in-cli-');
    cleanUp.push(dir);
    writeTree(dir, files);
    return dir;
  }

  describe('usage', () => {
    let dir: string;
    before(() => (dir = tempTree({})));

    it('--help prints the usage on stdout and exits 0', () => {
      const run = runCli(dir, ['--help']);
      assert.equal(run.code, 0);
      assert.equal(run.stderr, '');
      assert.match(run.stdout, /Usage:/);
      assert.match(run.stdout, /outside-in check {5}\[--root DIR\] \[--needs FILE\]/);
      assert.match(run.stdout, /outside-in explain {3}PATH\[:LINE\]/);
      assert.match(run.stdout, /outside-in checklist \[--root DIR\] \[--base REV\] \[--head REV\]/);
      assert.match(run.stdout, /outside-in notes {5}--base REV \[--head REV\]/);
    });

    it('no command is a usage error', () => {
      assertUsageError(runCli(dir, []), /command/);
    });

    it('an unknown command is a usage error naming it', () => {
      assertUsageError(runCli(dir, ['frobnicate']), /frobnicate/);
    });

    it('a format the command does not print is a usage error', () => {
      assertUsageError(runCli(dir, ['check', '--format', 'xml']), /xml/);
      assertUsageError(runCli(dir, ['checklist', '--format', 'yaml']), /yaml/);
    });

    it('--base on check is a usage error', () => {
      assertUsageError(runCli(dir, ['check', '--base', 'main']), /--base/);
    });

    it('--version and -V print the version in package.json and exit 0', () => {
      const { version } = JSON.parse(
        readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'),
      ) as {
        version: string;
      };
      for (const flag of ['--version', '-V']) {
        const run = runCli(dir, [flag]);
        assert.equal(run.code, 0, run.stderr);
        assert.equal(run.stdout, `${version}\n`);
        assert.equal(run.stderr, '');
      }
    });

    it('--help lists every --format per command with the default, --version and CMD --help', () => {
      const help = oneLine(runCli(dir, ['--help']).stdout);
      assert.ok(
        help.includes(
          '--format FORMAT check, explain: text or json; checklist: text, markdown, json, github or sarif; notes: markdown or json; coverage: text, json or markdown; instructions: copilot, cursor or agents (default: text; notes: markdown; instructions: copilot).',
        ),
        help,
      );
      assert.ok(
        help.includes(
          '--fail-on LIST checklist: exit 1 when the change meets one of these, comma-separated: unknown-annotation, assumed-critical, stale, critical, suspect (default: none).',
        ),
        help,
      );
      assert.ok(
        help.includes(
          '--base REV checklist and notes: the revision the change is compared with (default: the merge-base of HEAD with the default branch: origin/HEAD, else main, master or trunk). notes: the commits after this revision count; it must be given.',
        ),
        help,
      );
      assert.ok(help.includes('-V, --version'), help);
      assert.ok(help.includes('outside-in CMD --help'), help);
    });

    it('checklist --bse main: one plain line, no parser text from Node', () => {
      const run = runCli(dir, ['checklist', '--bse', 'main']);
      assert.equal(run.code, 2);
      assert.equal(run.stdout, '');
      assert.equal(run.stderr, 'outside-in: unknown option --bse (did you mean --base?)\n');
    });

    it('checklist -h and help checklist print the help of checklist', () => {
      const dash = runCli(dir, ['checklist', '-h']);
      assert.equal(dash.code, 0, dash.stderr);
      assert.match(dash.stdout, /^Usage: outside-in checklist \[--root DIR\]/);
      assert.match(dash.stdout, /^ {2}--base REV {9}The revision the change is compared with/m);
      assert.equal(runCli(dir, ['help', 'checklist']).stdout, dash.stdout);
    });

    it('--root that is not a folder is a usage error', () => {
      const root = tempTree({ 'file.txt': 'x\n' });
      assertUsageError(runCli(root, ['check', '--root', 'missing']), /missing/);
      assertUsageError(runCli(root, ['check', '--root', 'file.txt']), /file\.txt/);
    });
  });

  describe('check', () => {
    it('a valid needs file: exit 0, each warning as path:line:col: warning: message [rule]', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, 'src/checkout/pay.ts': PAY_TS });
      const run = runCli(dir, ['check']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(lines(run.stdout), EXPECTED_WARNINGS);
      assert.doesNotMatch(run.stderr, STACK_FRAME);
    });

    it('an error in the needs file: exit 1, the error at its line and column', () => {
      const dir = tempTree({ 'customer-needs.yaml': BAD_PRIORITY });
      const run = runCli(dir, ['check']);
      assert.equal(run.code, 1, run.stderr);
      const errors = lines(run.stdout).filter((l) => l.includes(': error: '));
      assert.equal(errors.length, 1, run.stdout);
      assert.match(
        errors[0] as string,
        /^customer-needs\.yaml:5:15: error: .*urgent.* \[invalid-enum\]$/,
      );
    });

    it('a needs file that is not UTF-8: exit 1, the first bad byte at its line and column; the rest loads', () => {
      // A quote saved as Latin-1: "é" is the one byte E9.
      const latin1 = Buffer.concat([
        Buffer.from(
          [
            'version: 1', // 1
            'needs:', // 2
            '  - id: cafe-menu', // 3
            '    title: Menu shows prices', // 4
            '    quote: "Crème brûlée caf', // 5: 4 + 7 + 1 + 5 + 1 + 6 + 1 + 3 = 28 characters, then E9 at col 29
          ].join('\n'),
        ),
        Buffer.from([0xe9]),
        Buffer.from(
          [
            's are too dear"',
            '    evidence:',
            '      - source: Café interviews', // valid UTF-8 after the bad byte
            '    match:',
            '      keywords: ["menu price"]',
            '',
          ].join('\n'),
        ),
      ]);
      const dir = tempTree({
        'customer-needs.yaml': latin1,
        // No unknown-need error here: the need after the bad byte was loaded.
        'src/menu.ts': '// @need cafe-menu\nexport const menuPrice = 1;\n',
      });
      const run = runCli(dir, ['check']);
      assert.equal(run.code, 1, run.stderr);
      assert.deepEqual(lines(run.stdout), [
        'customer-needs.yaml:5:29: error: Byte 0xE9 is not valid UTF-8 (the first such byte in the file) and is shown as \uFFFD: save the file as UTF-8. [invalid-utf8]',
      ]);
      assert.match(run.stderr, /1 error\(s\), 0 warning\(s\)/);
      assert.doesNotMatch(run.stderr, STACK_FRAME);
      // And its keyword and annotation relate code to it.
      const explain = runCli(dir, ['explain', 'src/menu.ts', '--format', 'json']);
      assert.equal(explain.code, 0, explain.stderr);
      assert.match(explain.stdout, /"cafe-menu"/);
    });

    it('@need with an unknown id: an error at the line and column of the id', () => {
      const dir = tempTree({
        'customer-needs.yaml': NEEDS,
        'src/checkout/pay.ts': PAY_TS,
        'src/cart/note.ts': 'export const note = 1;\n  // @need gift-nte\n',
      });
      const run = runCli(dir, ['check']);
      assert.equal(run.code, 1, run.stderr);
      // Sorted by path: customer-needs.yaml < src/cart/note.ts.
      assert.deepEqual(lines(run.stdout), [
        ...EXPECTED_WARNINGS,
        'src/cart/note.ts:2:12: error: @need names an unknown need "gift-nte". [unknown-need]',
      ]);
    });

    it('--format json holds the same problems as fields', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, 'src/checkout/pay.ts': PAY_TS });
      const run = runCli(dir, ['check', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout) as {
        version: number;
        needsFiles: string[];
        problems: {
          file: string;
          line: number;
          column: number;
          severity: string;
          rule: string;
          message: string;
        }[];
      };
      assert.equal(out.version, 1);
      assert.deepEqual(out.needsFiles, ['customer-needs.yaml']);
      assert.deepEqual(
        out.problems.map((p) => [p.file, p.line, p.column, p.severity, p.rule]),
        [
          ['customer-needs.yaml', 3, 9, 'warning', 'validated-without-quote'],
          ['customer-needs.yaml', 9, 34, 'warning', 'unmatched-path'],
          ['customer-needs.yaml', 10, 32, 'warning', 'unmatched-keyword'],
          ['customer-needs.yaml', 11, 9, 'warning', 'no-evidence'],
        ],
      );
      for (const p of out.problems) assert.equal(typeof p.message, 'string');
    });

    it('--needs FILE validates that needs file only', () => {
      const dir = tempTree({
        'customer-needs.yaml': NEEDS,
        'src/checkout/pay.ts': PAY_TS,
        'other/customer-needs.yaml': BAD_PRIORITY,
      });
      const all = runCli(dir, ['check']);
      assert.equal(all.code, 1, all.stderr);
      assert.ok(
        lines(all.stdout).some((l) =>
          /^other\/customer-needs\.yaml:5:15: error: .* \[invalid-enum\]$/.test(l),
        ),
        all.stdout,
      );

      const root = runCli(dir, ['check', '--needs', 'customer-needs.yaml']);
      assert.equal(root.code, 0, root.stderr);
      assert.deepEqual(lines(root.stdout), EXPECTED_WARNINGS);

      // Relative to the folder the command runs in.
      const other = runCli(path.join(dir, 'other'), [
        'check',
        '--root',
        '..',
        '--needs',
        'customer-needs.yaml',
        '--format',
        'json',
      ]);
      assert.equal(other.code, 1, other.stderr);
      assert.deepEqual((JSON.parse(other.stdout) as { needsFiles: string[] }).needsFiles, [
        'other/customer-needs.yaml',
      ]);
    });

    it('--needs naming a file that does not exist: exit 2, said on stderr', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS });
      const r = runCli(dir, ['check', '--needs', 'nope.yaml']);
      assert.equal(r.code, 2);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /--needs nope\.yaml: not a readable file/);
    });

    it('from a subfolder of a repository, the root is the top of the repository', () => {
      const repo = new TempRepo();
      cleanUp.push(repo.dir);
      writeTree(repo.dir, { 'customer-needs.yaml': NEEDS, 'src/checkout/pay.ts': PAY_TS });
      const run = runCli(path.join(repo.dir, 'src', 'checkout'), ['check']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(lines(run.stdout), EXPECTED_WARNINGS);
    });

    it('in a plain folder that is not a repository, the folder is the root', () => {
      const dir = tempTree({ 'customer-needs.yaml': NEEDS, 'src/checkout/pay.ts': PAY_TS });
      const run = runCli(dir, ['check']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(lines(run.stdout), EXPECTED_WARNINGS);
    });

    it('never reads ignored files, build folders or binary files', () => {
      const binary = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
        Buffer.from('\n// @need nope-binary\n'),
      ]);
      const tree: Tree = {
        'customer-needs.yaml': NEEDS,
        'src/checkout/pay.ts': PAY_TS,
        '.gitignore': 'generated/\n*.gen.ts\n',
        'generated/api.ts': '// @need nope-ignored-folder\n',
        'src/types.gen.ts': '// @need nope-ignored-file\n',
        'node_modules/pkg/index.js': '// @need nope-node-modules\n',
        'dist/bundle.js': '// @need nope-dist\n',
        'src/dist/bundle.js': '// @need nope-nested-dist\n',
        'out/main.js': '// @need nope-out\n',
        'src/logo.png': binary,
      };
      for (const inRepo of [false, true]) {
        const dir = tempTree({});
        if (inRepo) new TempRepo(dir);
        writeTree(dir, tree);
        const run = runCli(dir, ['check']);
        assert.equal(run.code, 0, `${inRepo ? 'repo' : 'folder'}: ${run.stdout}${run.stderr}`);
        assert.deepEqual(lines(run.stdout), EXPECTED_WARNINGS);

        const json = runCli(dir, ['check', '--format', 'json']);
        const out = JSON.parse(json.stdout) as {
          files: { skipped: { binary: number } };
        };
        // logo.png is the one binary file walked; the ignored ones are never opened.
        assert.equal(out.files.skipped.binary, 1);
      }
    });
  });

  describe('explain', () => {
    let dir: string;
    before(() => {
      dir = tempTree({ 'customer-needs.yaml': NEEDS, 'src/checkout/pay.ts': PAY_TS });
    });

    it('PATH: text names each need and each rule that relates it', () => {
      const run = runCli(dir, ['explain', 'src/checkout/pay.ts']);
      assert.equal(run.code, 0, run.stderr);
      // One row per rule and match, its lines listed; a need without evidence is an assumption.
      assert.equal(
        run.stdout,
        [
          'src/checkout/pay.ts: 2 customer needs',
          '',
          '  fast-checkout  Checkout feels instant  [high, validated]',
          '    path "src/checkout/**"',
          '    keyword "saved card" on lines 1, 2, 3',
          '    annotation @need fast-checkout on line 3',
          '',
          '  gift-note  I can add a note to a gift  [medium, assumption]',
          '    keyword "gift note" on line 5',
          '',
        ].join('\n'),
      );
    });

    it('PATH --format json: every link with rule, line and match', () => {
      const run = runCli(dir, ['explain', 'src/checkout/pay.ts', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout) as ExplainJson;
      assert.equal(out.file, 'src/checkout/pay.ts');
      assert.equal(out.line, undefined);
      assert.deepEqual(
        out.needs.map((n) => n.id),
        ['fast-checkout', 'gift-note'],
      );
      assert.deepEqual(out.needs[0]?.because.map(reasonOf), [
        ['path', undefined, 'src/checkout/**'],
        ['keyword', 1, 'saved card'],
        ['keyword', 2, 'saved card'],
        ['annotation', 3, 'fast-checkout'],
        ['keyword', 3, 'saved card'],
      ]);
      assert.deepEqual(out.needs[1]?.because.map(reasonOf), [['keyword', 5, 'gift note']]);
    });

    it('PATH:LINE: the needs of that line (and of the whole file)', () => {
      const text = runCli(dir, ['explain', 'src/checkout/pay.ts:3']);
      assert.equal(text.code, 0, text.stderr);
      assert.match(text.stdout, /fast-checkout/);
      assert.doesNotMatch(text.stdout, /gift-note/);

      const run = runCli(dir, ['explain', 'src/checkout/pay.ts:3', '--format', 'json']);
      assert.equal(run.code, 0, run.stderr);
      const out = JSON.parse(run.stdout) as ExplainJson;
      assert.equal(out.file, 'src/checkout/pay.ts');
      assert.equal(out.line, 3);
      assert.deepEqual(
        out.needs.map((n) => n.id),
        ['fast-checkout'],
      );
      assert.deepEqual(out.needs[0]?.because.map(reasonOf), [
        ['path', undefined, 'src/checkout/**'],
        ['annotation', 3, 'fast-checkout'],
        ['keyword', 3, 'saved card'],
      ]);
    });

    it('a needs file relates to no need, though it names every keyword', () => {
      const run = runCli(dir, ['explain', 'customer-needs.yaml']);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, 'customer-needs.yaml: no customer need relates to it\n');
      const line = runCli(dir, ['explain', 'customer-needs.yaml:10', '--format', 'json']);
      assert.deepEqual((JSON.parse(line.stdout) as ExplainJson).needs, []);
    });

    it('PATH:LINE past the last line: exit 2, the number of lines said', () => {
      // PAY_TS holds 5 lines, the last ended by a newline.
      const past = runCli(dir, ['explain', 'src/checkout/pay.ts:6']);
      assert.equal(past.code, 2);
      assert.equal(past.stdout, '');
      assert.equal(past.stderr, 'outside-in: src/checkout/pay.ts:6: the file has 5 lines\n');
      assert.equal(runCli(dir, ['explain', 'src/checkout/pay.ts:5']).code, 0);

      const one = tempTree({ 'customer-needs.yaml': NEEDS, 'one.ts': 'x' });
      assert.equal(
        runCli(one, ['explain', 'one.ts:2']).stderr,
        'outside-in: one.ts:2: the file has 1 line\n',
      );
    });

    it('lists the needs as the checklist does: critical, high, medium, low, then by id', () => {
      const tree = tempTree({
        'customer-needs.yaml': [
          'version: 1',
          'needs:',
          ...[
            ['z-low', 'low'],
            ['m-medium', 'medium'],
            ['b-critical', 'critical'],
            ['h-high', 'high'],
            ['a-critical', 'critical'],
          ].flatMap(([id, priority]) => [
            `  - id: ${id as string}`,
            `    title: Need ${id as string}`,
            `    priority: ${priority as string}`,
          ]),
          '',
        ].join('\n'),
        // Annotated in the reverse of the expected order.
        'src/all.ts': [
          '// @need z-low',
          '// @need m-medium',
          '// @need h-high',
          '// @need b-critical',
          '// @need a-critical',
          '',
        ].join('\n'),
      });
      const expected = ['a-critical', 'b-critical', 'h-high', 'm-medium', 'z-low'];
      const json = runCli(tree, ['explain', 'src/all.ts', '--format', 'json']);
      assert.equal(json.code, 0, json.stderr);
      assert.deepEqual(
        (JSON.parse(json.stdout) as ExplainJson).needs.map((n) => n.id),
        expected,
      );
      const text = runCli(tree, ['explain', 'src/all.ts']);
      assert.equal(text.code, 0, text.stderr);
      const shown = lines(text.stdout)
        .map((l) => /^ {2}([a-z-]+) {2}Need /.exec(l)?.[1])
        .filter((id) => id !== undefined);
      assert.deepEqual(shown, expected);
    });

    it('a file outside the root is a usage error', () => {
      const elsewhere = tempTree({ 'x.ts': '// saved card\n' });
      assertUsageError(
        runCli(dir, ['explain', path.join(elsewhere, 'x.ts')]),
        /not inside the root/,
      );
      assertUsageError(runCli(dir, ['explain', '../x.ts']), /not inside the root/);
    });
  });
});

interface ExplainJson {
  file: string;
  line?: number;
  needs: { id: string; because: { rule: string; line?: number; match: string }[] }[];
}

function reasonOf(b: { rule: string; line?: number; match: string }): unknown[] {
  return [b.rule, b.line, b.match];
}
