/** The `outside-in` command: argument parsing, dispatch and exit codes. */
import { parseArgs } from 'node:util';
import { DEFAULT_STALE_DAYS } from '../core/load';
import type { LoadOptions } from '../core/load';
import { GitError } from '../node/git';
import { runCheck } from './check';
import { runChecklist } from './checklistCommand';
import { runExplain } from './explain';
import type { Io } from './io';
import { EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { resolveRoot } from './root';

const HELP = `outside-in: customer needs next to the code, and the checklist for a change

Usage:
  outside-in check     [--root DIR] [--needs FILE] [--format text|json]
  outside-in explain   PATH[:LINE] [--root DIR] [--format text|json]
  outside-in checklist [--root DIR] [--base REV] [--head REV] [--format markdown|json|text]

Commands:
  check      Validate every needs file under the root and every @need annotation.
             Problems print as path:line:col: severity: message [rule].
  explain    Show the needs that relate to a file (or one line of it), and why.
  checklist  The needs that the change touches, from git diff BASE...HEAD.
             HEAD defaults to the working tree, BASE to the merge-base with
             the default branch.

Options:
  --root DIR         The tree to work on (default: the git repository around
                     the current folder, else the current folder).
  --needs FILE       check: validate this needs file only.
  --base REV         checklist: the revision the change is compared with.
  --head REV         checklist: the revision under review (default: working tree).
  --format FORMAT    Output format (check/explain: text; checklist: text).
  --stale-days N     Evidence older than N days is stale (default ${DEFAULT_STALE_DAYS}).
  -h, --help         Show this help.

Exit codes: 0 no error (warnings allowed), 1 errors found, 2 bad usage or
unreadable input.
`;

const FORMATS: Record<string, readonly string[]> = {
  check: ['text', 'json'],
  explain: ['text', 'json'],
  checklist: ['markdown', 'json', 'text'],
};

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`outside-in: ${e.message}\nRun "outside-in --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (e instanceof GitError) {
      io.err(`outside-in: ${e.message}\n`);
      return EXIT_USAGE;
    }
    io.err(
      `outside-in: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        root: { type: 'string' },
        needs: { type: 'string' },
        base: { type: 'string' },
        head: { type: 'string' },
        format: { type: 'string' },
        'stale-days': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === 'help') {
    io.out(HELP);
    return EXIT_OK;
  }
  if (command === undefined) throw new UsageError('missing command: check, explain or checklist');
  const formats = FORMATS[command];
  if (!formats) throw new UsageError(`unknown command "${command}"`);
  const format = values.format ?? 'text';
  if (!formats.includes(format))
    throw new UsageError(`--format ${format}: ${command} prints ${formats.join(', ')}`);
  const onlyFor = (option: 'needs' | 'base' | 'head', cmd: string): void => {
    if (values[option] !== undefined && command !== cmd)
      throw new UsageError(`--${option} is an option of "${cmd}" only`);
  };
  onlyFor('needs', 'check');
  onlyFor('base', 'checklist');
  onlyFor('head', 'checklist');
  const load = loadOptions(values['stale-days']);
  const root = await resolveRoot(io.cwd, values.root);

  switch (command) {
    case 'check':
      if (rest.length > 0) throw new UsageError(`check takes no argument, got "${rest[0]}"`);
      return runCheck(io, { root, needs: values.needs, format: format as 'text' | 'json', load });
    case 'explain':
      if (rest.length !== 1) throw new UsageError('explain takes one PATH[:LINE]');
      return runExplain(io, {
        root,
        target: rest[0] as string,
        format: format as 'text' | 'json',
        load,
      });
    default:
      if (rest.length > 0) throw new UsageError(`checklist takes no argument, got "${rest[0]}"`);
      return runChecklist(io, {
        root,
        base: values.base,
        head: values.head,
        format: format as 'markdown' | 'json' | 'text',
        load,
      });
  }
}

function loadOptions(staleDays: string | undefined): LoadOptions {
  if (staleDays === undefined) return {};
  const n = Number(staleDays);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--stale-days ${staleDays}: a whole number of days`);
  return { staleDays: n };
}

// Run when bundled as dist/cli.js or executed directly, not when imported by tests.
if (require.main === module) {
  // `outside-in explain x | head` closes the pipe early: that is not a failure.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const io: Io = {
    cwd: process.cwd(),
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
  };
  void main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}
