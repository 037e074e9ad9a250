/**
 * What the `outside-in` commands and options are, in one table: the argument
 * parser checks the command line against it and the help texts are printed
 * from it, so the two cannot drift apart.
 */
import { FAIL_ON } from '../core/failOn';
import { DEFAULT_STALE_DAYS } from '../core/load';
import { DEFAULT_SINCE_DAYS } from './coverage';

export type CommandName =
  'check' | 'explain' | 'checklist' | 'notes' | 'coverage' | 'instructions' | 'mcp';

export interface CommandSpec {
  readonly name: CommandName;
  /** The synopsis after the command name: the README's contract lines. */
  readonly synopsis: string;
  readonly summary: readonly string[];
  /** The positional argument, if the command takes one. */
  readonly argument?: { readonly name: string; readonly text: string };
  readonly formats: readonly string[];
  readonly defaultFormat: string;
  readonly example: string;
}

export interface OptionSpec {
  readonly name: string;
  readonly short?: string;
  /** The placeholder of the value; absent for a flag. */
  readonly value?: string;
  /** The commands it belongs to; absent for every command. */
  readonly commands?: readonly CommandName[];
  readonly text: string;
  readonly default?: string;
  /** What the option means for a command where it differs from `text` and `default`. */
  readonly per?: Partial<Record<CommandName, { readonly text: string; readonly default?: string }>>;
}

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'check',
    synopsis: '[--root DIR] [--needs FILE] [--format text|json] [--no-cache]',
    summary: [
      'Validate every needs file under the root and every @need annotation.',
      'Problems print as path:line:col: severity: message [rule].',
    ],
    formats: ['text', 'json'],
    defaultFormat: 'text',
    example: 'outside-in check --format json > problems.json',
  },
  {
    name: 'explain',
    synopsis: 'PATH[:LINE] [--root DIR] [--format text|json]',
    summary: ['Show the needs that relate to a file (or one line of it), and why.'],
    argument: {
      name: 'PATH[:LINE]',
      text: 'A file, relative to the current folder; with :LINE, one line of it (the first line is 1).',
    },
    formats: ['text', 'json'],
    defaultFormat: 'text',
    example: 'outside-in explain src/checkout/pay.ts:41',
  },
  {
    name: 'checklist',
    synopsis:
      '[--root DIR] [--base REV] [--head REV] [--format markdown|json|text|github|sarif] [--fail-on LIST]',
    summary: [
      'The needs that the change touches, from git diff BASE...HEAD.',
      'HEAD defaults to the working tree, BASE to the merge-base with',
      'the default branch.',
    ],
    formats: ['text', 'markdown', 'json', 'github', 'sarif'],
    defaultFormat: 'text',
    example: 'outside-in checklist --base origin/main --format markdown > checklist.md',
  },
  {
    name: 'notes',
    synopsis: '--base REV [--head REV] [--root DIR] [--format markdown|json]',
    summary: [
      'Release notes per persona: the needs touched by the commits of',
      "BASE..HEAD, with the customer's words and the commits' subjects.",
    ],
    formats: ['markdown', 'json'],
    defaultFormat: 'markdown',
    example: 'outside-in notes --base v1.2.0 --head v1.3.0 > notes.md',
  },
  {
    name: 'coverage',
    synopsis: '[--root DIR] [--since DAYS] [--format text|json|markdown] [--no-cache]',
    summary: [
      'Where the needs file drifted from the code: the needs no code relates',
      'to, and the busy files (by recent commits) no need relates to.',
    ],
    formats: ['text', 'json', 'markdown'],
    defaultFormat: 'text',
    example: 'outside-in coverage --since 30 --format markdown > coverage.md',
  },
  {
    name: 'instructions',
    synopsis: '[--root DIR] [--format copilot|cursor|agents] [--out DIR]',
    summary: [
      'Write agent instruction files from the needs file: one per need for',
      'Copilot or Cursor (applied to its paths), or a section of AGENTS.md.',
    ],
    formats: ['copilot', 'cursor', 'agents'],
    defaultFormat: 'copilot',
    example: 'outside-in instructions --format cursor',
  },
  {
    name: 'mcp',
    synopsis: '[--root DIR]',
    summary: [
      'Serve the needs to coding agents: a Model Context Protocol server on',
      'stdio (tools related_needs, checklist, get_need, list_needs).',
    ],
    formats: [],
    defaultFormat: '',
    example: 'outside-in mcp --root .',
  },
];

export const OPTIONS: readonly OptionSpec[] = [
  {
    name: 'root',
    value: 'DIR',
    text: 'The tree to work on',
    default: 'the git repository around the current folder, else the current folder',
  },
  {
    name: 'needs',
    value: 'FILE',
    commands: ['check'],
    text: 'Validate this needs file only',
    default: 'every needs file under the root',
  },
  {
    name: 'base',
    value: 'REV',
    commands: ['checklist', 'notes'],
    text: 'The revision the change is compared with',
    default:
      'the merge-base of HEAD with the default branch: origin/HEAD, else main, master or trunk',
    per: { notes: { text: 'The commits after this revision count; it must be given' } },
  },
  {
    name: 'head',
    value: 'REV',
    commands: ['checklist', 'notes'],
    text: 'The revision under review',
    default: 'the working tree, untracked files included',
    per: { notes: { text: 'The last commit that counts', default: 'HEAD' } },
  },
  {
    name: 'fail-on',
    value: 'LIST',
    commands: ['checklist'],
    text: `Exit 1 when the change meets one of these, comma-separated: ${FAIL_ON.join(', ')}`,
    default: 'none',
  },
  {
    name: 'since',
    value: 'DAYS',
    commands: ['coverage'],
    text: 'Days of git history that count a file as busy',
    default: String(DEFAULT_SINCE_DAYS),
  },
  {
    name: 'out',
    value: 'DIR',
    commands: ['instructions'],
    text: 'The folder to write into',
    default: 'the root',
  },
  {
    name: 'format',
    value: 'FORMAT',
    commands: COMMANDS.filter((c) => c.formats.length > 0).map((c) => c.name),
    text: 'How to print the result',
    default: 'text',
  },
  {
    name: 'stale-days',
    value: 'N',
    commands: ['check', 'checklist', 'coverage', 'mcp'],
    text: 'Evidence older than N days is stale',
    default: String(DEFAULT_STALE_DAYS),
  },
  {
    name: 'no-cache',
    commands: ['check', 'coverage'],
    text: 'Read every file again, and leave the scan cache in .outside-in/ untouched',
  },
  { name: 'help', short: 'h', text: 'Show this help' },
  { name: 'version', short: 'V', text: 'Print the version of outside-in' },
];

/** The spec of `name`, if it names a command. */
export function commandSpec(name: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** Whether `option` may be given to `command` (`--version` goes with any). */
export function belongsTo(option: OptionSpec, command: CommandName): boolean {
  return option.commands === undefined || option.commands.includes(command);
}

/** `a`, `a or b`, `a, b or c`. */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1] as string}`;
}

/** `a`, `a and b`, `a, b and c`. */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

const WIDTH = 80;
/** Where option texts start: two spaces, the widest flag, two spaces. */
const TEXT_COLUMN = 21;

export function globalHelp(): string {
  const out = ['outside-in: customer needs next to the code, and the checklist for a change', ''];
  out.push('Usage:');
  for (const c of COMMANDS) out.push(`  outside-in ${c.name.padEnd(9)} ${c.synopsis}`);
  out.push('  outside-in CMD --help     one command: its usage, options and an example');
  out.push('  outside-in --version', '');
  out.push('Commands:');
  for (const c of COMMANDS)
    c.summary.forEach((line, i) => out.push(`  ${(i === 0 ? c.name : '').padEnd(9)}  ${line}`));
  out.push('', 'Options:');
  for (const o of OPTIONS) {
    const text =
      o.name === 'format'
        ? `${formatsByCommand()} (default: ${defaultFormats()}).`
        : o.name === 'help'
          ? "Show this help; after a command (or as outside-in help CMD), that command's help."
          : described(o);
    // --format names its commands in its text already.
    const only = o.commands === undefined || o.name === 'format' ? '' : `${andList(o.commands)}: `;
    const differs = Object.entries(o.per ?? {}).map(
      ([name, p]) => ` ${name}: ${lowerFirst(described(p))}`,
    );
    out.push(
      ...optionLines(flag(o), (only === '' ? text : only + lowerFirst(text)) + differs.join('')),
    );
  }
  out.push(
    '',
    'Exit codes: 0 no error (warnings allowed), 1 errors found, 2 bad usage or',
    'unreadable input.',
    '',
  );
  return out.join('\n');
}

export function commandHelp(c: CommandSpec): string {
  const out = [`Usage: outside-in ${c.name} ${c.synopsis}`, '', ...c.summary, ''];
  if (c.argument) out.push('Argument:', ...optionLines(c.argument.name, c.argument.text), '');
  out.push('Options:');
  for (const o of OPTIONS) {
    if (o.name === 'version' || !belongsTo(o, c.name)) continue;
    const text =
      o.name === 'format'
        ? `${orList(c.formats)} (default: ${c.defaultFormat}).`
        : described(o.per?.[c.name] ?? o);
    out.push(...optionLines(flag(o), text));
  }
  out.push('', 'Example:', `  ${c.example}`, '');
  return out.join('\n');
}

function described(o: { readonly text: string; readonly default?: string }): string {
  return o.default === undefined ? `${o.text}.` : `${o.text} (default: ${o.default}).`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** `text; instructions: copilot`: the usual default, then each command that differs. */
function defaultFormats(): string {
  const odd = COMMANDS.filter((c) => c.formats.length > 0 && c.defaultFormat !== 'text');
  return ['text', ...odd.map((c) => `${c.name}: ${c.defaultFormat}`)].join('; ');
}

/** `check, explain: text or json; checklist: ...`: commands with the same formats together. */
function formatsByCommand(): string {
  const groups = new Map<string, string[]>();
  for (const c of COMMANDS) {
    if (c.formats.length === 0) continue;
    const key = orList(c.formats);
    groups.set(key, [...(groups.get(key) ?? []), c.name]);
  }
  return [...groups].map(([formats, names]) => `${names.join(', ')}: ${formats}`).join('; ');
}

function flag(o: OptionSpec): string {
  const long = `--${o.name}${o.value === undefined ? '' : ` ${o.value}`}`;
  return o.short === undefined ? long : `-${o.short}, ${long}`;
}

/** `  FLAG  text`, the text wrapped at WIDTH and aligned at TEXT_COLUMN. */
function optionLines(flagText: string, text: string): string[] {
  const lines: string[] = [];
  let line = `  ${flagText}`.padEnd(TEXT_COLUMN - 1);
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && line.length + 1 + word.length > WIDTH) {
      lines.push(line);
      line = ' '.repeat(TEXT_COLUMN - 1);
      empty = true;
    }
    line += ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}
