/** The `outside-in` command: argument parsing, dispatch and exit codes. */
import type { LoadOptions } from '../core/load';
import { GitError } from '../node/git';
import { parseCommandLine } from './args';
import { runCheck } from './check';
import type { ChecklistFormat } from './checklistCommand';
import { runChecklist } from './checklistCommand';
import type { FailOn } from '../core/failOn';
import { FAIL_ON, parseFailOn } from '../core/failOn';
import type { CoverageFormat } from './coverage';
import { parseSinceDays, runCoverage } from './coverage';
import { runExplain } from './explain';
import type { InstructionFormat } from '../core/agentInstructions';
import { runInstructions } from './instructions';
import { runMcp } from '../mcp/server';
import type { NotesFormat } from './notes';
import { runNotes } from './notes';
import type { Io } from './io';
import { EXIT_OK, EXIT_USAGE, UsageError } from './io';
import { resolveRoot } from './root';
import type { CommandSpec } from './usage';
import { commandHelp, globalHelp, orList } from './usage';
import { cliVersion } from './version';
import { isScanWorker, runScanWorker } from '../node/scanWorker';

/** Runs the CLI with `argv` (without node and script) and returns the exit code. */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`outside-in: ${e.message}\n`);
      if (e.seeHelp !== undefined)
        io.err(`See "outside-in ${e.seeHelp === '' ? '' : `${e.seeHelp} `}--help".\n`);
      return EXIT_USAGE;
    }
    if (e instanceof GitError) {
      io.err(`outside-in: ${e.message}\n`);
      // git's words are the same in the editor; the option that helps is the command line's own.
      if (e.code === 'no-merge-base') io.err('Name the base revision with --base REV.\n');
      return EXIT_USAGE;
    }
    io.err(
      `outside-in: unexpected failure: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommandLine(argv);
  if (parsed.kind === 'help') {
    io.out(parsed.command === undefined ? globalHelp() : commandHelp(parsed.command));
    return EXIT_OK;
  }
  if (parsed.kind === 'version') {
    io.out(`${cliVersion()}\n`);
    return EXIT_OK;
  }
  const { command, values, args } = parsed;
  const format = formatOf(command, values.format);
  const load = loadOptions(values['stale-days']);
  // Arguments before the root: a wrong count is a usage mistake whatever the tree.
  if (command.argument === undefined && args.length > 0)
    throw new UsageError(
      `${command.name} takes no argument, got "${args[0] as string}"`,
      command.name,
    );
  if (command.argument !== undefined && args.length !== 1)
    throw new UsageError(
      args.length === 0
        ? `${command.name} needs a ${command.argument.name}`
        : `${command.name} takes one ${command.argument.name}, got ${args.length}`,
      command.name,
    );
  const root = await resolveRoot(io.cwd, values.root);

  switch (command.name) {
    case 'check':
      return runCheck(io, {
        root,
        needs: values.needs,
        format: format as 'text' | 'json',
        load,
        cache: values['no-cache'] === undefined,
      });
    case 'explain':
      return runExplain(io, {
        root,
        target: args[0] as string,
        format: format as 'text' | 'json',
        load,
      });
    case 'checklist':
      return runChecklist(io, {
        root,
        base: values.base,
        head: values.head,
        format: format as ChecklistFormat,
        load,
        failOn: failOnOf(values['fail-on']),
        stepSummary: process.env.GITHUB_STEP_SUMMARY,
      });
    case 'notes':
      return runNotes(io, {
        root,
        base: values.base,
        head: values.head,
        format: format as NotesFormat,
        load,
      });
    case 'mcp':
      return runMcp(io, { root, load });
    case 'instructions':
      return runInstructions(io, {
        root,
        format: format as InstructionFormat,
        out: values.out,
        load,
      });
    case 'coverage':
      return runCoverage(io, {
        root,
        since: parseSinceDays(values.since),
        format: format as CoverageFormat,
        load,
        cache: values['no-cache'] === undefined,
      });
  }
}

function formatOf(command: CommandSpec, format: string | undefined): string {
  if (format === undefined) return command.defaultFormat;
  if (!command.formats.includes(format))
    throw new UsageError(`--format ${format}: ${command.name} prints ${orList(command.formats)}`);
  return format;
}

function failOnOf(text: string | undefined): FailOn[] {
  if (text === undefined) return [];
  const parsed = parseFailOn(text);
  if ('unknown' in parsed)
    throw new UsageError(
      `--fail-on ${parsed.unknown}: give ${orList([...FAIL_ON])}, comma-separated`,
    );
  return parsed.policies;
}

function loadOptions(staleDays: string | undefined): LoadOptions {
  if (staleDays === undefined) return {};
  const n = Number(staleDays);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--stale-days ${staleDays}: give a whole number of days, 0 or more`);
  return { staleDays: n };
}

// A scan worker started from the bundle runs the scan's side, nothing else.
if (isScanWorker()) runScanWorker();
// Run when bundled as dist/cli.js or executed directly, not when imported by tests.
else if (require.main === module) {
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
