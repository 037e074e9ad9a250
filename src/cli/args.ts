/**
 * The command line, read against the table in usage.ts. Every mistake becomes
 * one plain sentence (a UsageError), never Node's own parser text: people
 * read it in a CI log with no help at hand.
 */
import { closestIds } from '../core/similar';
import { UsageError } from './io';
import type { CommandSpec, OptionSpec } from './usage';
import { COMMANDS, OPTIONS, andList, belongsTo, commandSpec, orList } from './usage';

/** The options that take a value, as given on the command line. */
export type OptionValues = Readonly<Partial<Record<string, string>>>;

export type ParsedArgs =
  | { readonly kind: 'help'; readonly command?: CommandSpec }
  | { readonly kind: 'version' }
  | {
      readonly kind: 'run';
      readonly command: CommandSpec;
      readonly values: OptionValues;
      /** The arguments after the command. */
      readonly args: readonly string[];
    };

interface OptionToken {
  /** As written, for messages: `--bse`, `-x`. */
  readonly raw: string;
  readonly spec?: OptionSpec;
  readonly value?: string;
  /** What is wrong with the token on its own, whatever the command. */
  readonly problem?: 'missing-value' | 'unexpected-value';
}

/** Reads `argv` (without node and the script). @throws UsageError */
export function parseCommandLine(argv: readonly string[]): ParsedArgs {
  const options: OptionToken[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const raw = eq > 0 && arg.startsWith('--') ? arg.slice(0, eq) : arg;
    const inline = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : undefined;
    const spec = raw.startsWith('--')
      ? OPTIONS.find((o) => o.name === raw.slice(2))
      : OPTIONS.find((o) => o.short !== undefined && raw === `-${o.short}`);
    if (spec === undefined) {
      options.push({ raw });
    } else if (spec.value === undefined) {
      options.push(
        inline === undefined ? { raw, spec } : { raw, spec, problem: 'unexpected-value' },
      );
    } else if (inline !== undefined) {
      options.push(
        inline === '' ? { raw, spec, problem: 'missing-value' } : { raw, spec, value: inline },
      );
    } else {
      const next = argv[i + 1];
      // A dash starts the next option, so `--base --head x` lacks a value; a
      // value that starts with one is written `--root=-dir`. `--stale-days -1`
      // is a value, rejected later with its own message.
      if (next !== undefined && (!next.startsWith('-') || /^-\d/.test(next))) {
        options.push({ raw, spec, value: next });
        i++;
      } else {
        options.push({ raw, spec, problem: 'missing-value' });
      }
    }
  }

  const [first, ...rest] = positionals;
  // `--help=x` asks for nothing: it is reported below like any other mistake.
  const asks = (name: string): boolean =>
    options.some((o) => o.spec?.name === name && o.problem === undefined);
  const wantsHelp = asks('help');
  if (first === 'help' || wantsHelp) {
    const name = first === 'help' ? rest[0] : first;
    return { kind: 'help', command: name === undefined ? undefined : knownCommand(name) };
  }
  if (asks('version')) return { kind: 'version' };

  const command = first === undefined ? undefined : knownCommand(first);
  for (const o of options) checkOption(o, command);
  if (command === undefined)
    throw new UsageError(`missing command: ${orList(COMMANDS.map((c) => c.name))}`, '');

  const values: Record<string, string> = {};
  for (const o of options) {
    if (o.spec === undefined || o.problem !== undefined) continue;
    // A flag given is an empty value: present, nothing to read.
    if (o.value !== undefined || o.spec.value === undefined) values[o.spec.name] = o.value ?? '';
  }
  return { kind: 'run', command, values, args: rest };
}

function knownCommand(name: string): CommandSpec {
  const spec = commandSpec(name);
  if (spec) return spec;
  const names = COMMANDS.map((c) => c.name);
  const [guess] = closestIds(name, names, 1);
  if (guess !== undefined)
    throw new UsageError(`unknown command "${name}" (did you mean ${guess}?)`);
  throw new UsageError(`unknown command "${name}": the commands are ${orList(names)}`, '');
}

function checkOption(o: OptionToken, command: CommandSpec | undefined): void {
  const spec = o.spec;
  if (spec === undefined) {
    const candidates = OPTIONS.filter((x) => command === undefined || belongsTo(x, command.name));
    const [guess] = closestIds(
      o.raw.replace(/^-+/, ''),
      candidates.map((x) => x.name),
      1,
    );
    if (guess !== undefined)
      throw new UsageError(`unknown option ${o.raw} (did you mean --${guess}?)`);
    throw new UsageError(`unknown option ${o.raw}`, command?.name ?? '');
  }
  if (o.problem === 'missing-value')
    throw new UsageError(`${o.raw} needs a value: --${spec.name} ${spec.value ?? ''}`);
  if (o.problem === 'unexpected-value') throw new UsageError(`${o.raw} takes no value`);
  if (command !== undefined && !belongsTo(spec, command.name)) {
    const owners = spec.commands ?? [];
    throw new UsageError(
      `--${spec.name} is an option of ${andList(owners)}, not of ${command.name}`,
    );
  }
}
