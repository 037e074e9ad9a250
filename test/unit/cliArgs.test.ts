/**
 * The `outside-in` command line read in-process (the process-level runs are in
 * cli.test.ts): every help text and every mistake's message, written by hand
 * from the contract.
 */
import * as assert from 'node:assert/strict';
import { main } from '../../src/cli/main';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Mistakes are found before any file is read: no folder is needed. */
async function runMain(args: readonly string[]): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, {
    cwd: process.cwd(),
    out: (t) => (stdout += t),
    err: (t) => (stderr += t),
  });
  return { code, stdout, stderr };
}

/** The text with every run of white space as one space: help wraps its lines. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('outside-in command line', () => {
  describe('CMD --help, CMD -h and help CMD', () => {
    /** Per command: lines its help must hold (whitespace folded), and options it must not list. */
    const expected: Record<string, { has: string[]; hasNot: string[] }> = {
      check: {
        has: [
          'Usage: outside-in check [--root DIR] [--needs FILE] [--format text|json]',
          '--root DIR The tree to work on (default: the git repository around the current folder, else the current folder).',
          '--needs FILE Validate this needs file only (default: every needs file under the root).',
          '--format FORMAT text or json (default: text).',
          '--stale-days N Evidence older than N days is stale (default: 365).',
          '-h, --help Show this help.',
          'Example: outside-in check ',
        ],
        hasNot: ['--base', '--head', 'markdown'],
      },
      explain: {
        has: [
          'Usage: outside-in explain PATH[:LINE] [--root DIR] [--format text|json]',
          'PATH[:LINE] A file, relative to the current folder; with :LINE, one line of it',
          '--root DIR The tree to work on (default: ',
          '--format FORMAT text or json (default: text).',
          'Example: outside-in explain ',
        ],
        hasNot: ['--needs', '--base', '--head', '--stale-days'],
      },
      checklist: {
        has: [
          'Usage: outside-in checklist [--root DIR] [--base REV] [--head REV] [--format markdown|json|text|github|sarif] [--fail-on LIST]',
          '--root DIR The tree to work on (default: ',
          '--base REV The revision the change is compared with (default: the merge-base of HEAD with the default branch',
          '--head REV The revision under review (default: the working tree, untracked files included).',
          '--format FORMAT text, markdown, json, github or sarif (default: text).',
          '--fail-on LIST Exit 1 when the change meets one of these, comma-separated: unknown-annotation, assumed-critical, stale, critical, suspect (default: none).',
          '--stale-days N Evidence older than N days is stale (default: 365).',
          'Example: outside-in checklist ',
        ],
        hasNot: ['--needs'],
      },
      notes: {
        has: [
          'Usage: outside-in notes --base REV [--head REV] [--root DIR] [--format markdown|json]',
          "Release notes per persona: the needs touched by the commits of BASE..HEAD, with the customer's words and the commits' subjects.",
          '--base REV The commits after this revision count; it must be given.',
          '--head REV The last commit that counts (default: HEAD).',
          '--format FORMAT markdown or json (default: markdown).',
          'Example: outside-in notes ',
        ],
        hasNot: ['--needs', '--fail-on', '--stale-days', 'merge-base', 'working tree'],
      },
    };
    for (const [command, { has, hasNot }] of Object.entries(expected)) {
      it(`${command}: its usage, each of its options with its default, an example`, async () => {
        const runs = await Promise.all(
          [
            [command, '--help'],
            [command, '-h'],
            ['help', command],
          ].map((args) => runMain(args)),
        );
        for (const run of runs) {
          assert.equal(run.code, 0, run.stderr);
          assert.equal(run.stderr, '');
        }
        assert.equal(runs[1]?.stdout, runs[0]?.stdout);
        assert.equal(runs[2]?.stdout, runs[0]?.stdout);
        const help = oneLine(runs[0]?.stdout ?? '');
        for (const line of has) assert.ok(help.includes(line), `missing "${line}" in: ${help}`);
        for (const option of hasNot) assert.ok(!help.includes(option), `${option} in: ${help}`);
      });
    }
  });

  describe('a mistake on the command line: one plain line on stderr, exit 2', () => {
    const cases: [string[], string][] = [
      [['checklist', '--bse', 'main'], 'outside-in: unknown option --bse (did you mean --base?)\n'],
      [
        ['check', '--fromat', 'json'],
        'outside-in: unknown option --fromat (did you mean --format?)\n',
      ],
      [
        ['check', '--base', 'main'],
        'outside-in: --base is an option of checklist and notes, not of check\n',
      ],
      [
        ['notes'],
        'outside-in: notes needs --base REV: the revision after which commits count\nSee "outside-in notes --help".\n',
      ],
      [
        ['explain', 'a.ts', '--stale-days', '3'],
        'outside-in: --stale-days is an option of check, checklist, coverage and mcp, not of explain\n',
      ],
      [['checklist', '--base'], 'outside-in: --base needs a value: --base REV\n'],
      [['checklist', '--base', '--head', 'HEAD'], 'outside-in: --base needs a value: --base REV\n'],
      [['check', '--root='], 'outside-in: --root needs a value: --root DIR\n'],
      [['check', '--format', 'xml'], 'outside-in: --format xml: check prints text or json\n'],
      [
        ['checklist', '--format=yaml'],
        'outside-in: --format yaml: checklist prints text, markdown, json, github or sarif\n',
      ],
      [
        ['check', '--stale-days', 'soon'],
        'outside-in: --stale-days soon: give a whole number of days, 0 or more\n',
      ],
      [['check', '--version=2'], 'outside-in: --version takes no value\n'],
      [['--help=yes'], 'outside-in: --help takes no value\n'],
      [['chek'], 'outside-in: unknown command "chek" (did you mean check?)\n'],
      [['help', 'explian'], 'outside-in: unknown command "explian" (did you mean explain?)\n'],
      [
        ['check', '--stale-days', '-1'],
        'outside-in: --stale-days -1: give a whole number of days, 0 or more\n',
      ],
      // Nothing to guess from: the line after says where the options are.
      [['check', '-x'], 'outside-in: unknown option -x\nSee "outside-in check --help".\n'],
      [
        ['frobnicate'],
        'outside-in: unknown command "frobnicate": the commands are check, explain, checklist, notes, coverage, instructions or mcp\nSee "outside-in --help".\n',
      ],
      [
        [],
        'outside-in: missing command: check, explain, checklist, notes, coverage, instructions or mcp\nSee "outside-in --help".\n',
      ],
      [['explain'], 'outside-in: explain needs a PATH[:LINE]\nSee "outside-in explain --help".\n'],
      [
        ['check', 'src'],
        'outside-in: check takes no argument, got "src"\nSee "outside-in check --help".\n',
      ],
    ];
    for (const [args, stderr] of cases) {
      it(`outside-in ${args.join(' ')}`, async () => {
        const run = await runMain(args);
        assert.equal(run.code, 2);
        assert.equal(run.stdout, '');
        assert.equal(run.stderr, stderr);
      });
    }
  });
});
