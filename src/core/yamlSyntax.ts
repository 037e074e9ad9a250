/**
 * YAML syntax errors in plain words, where they start, each once. The parser
 * reports an error where it noticed it (an unclosed quote at the end of the
 * file), in its own terms, and often several for one slip (a line indented
 * too deep is two errors, and a block of such lines two per line); the author
 * of a needs file wants the place of the slip and what to do about it.
 */
import type { Document, YAMLError } from 'yaml';
import { indentProblem, missingColon } from './yamlIndent';
import { TextLines, quoted } from './yamlLines';
import { Nodes } from './yamlNodes';

/** One syntax problem: offsets into the text, and the stretch it leaves unreliable. */
export interface SyntaxFinding {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /**
   * Offsets `[from, to]` the slip throws off: later errors there are its
   * echoes, and so are the loader's own problems on those lines.
   */
  readonly damage: readonly [number, number];
}

/** Past this many, a file needs a different first look than a longer list. */
export const MAX_SYNTAX_PROBLEMS = 100;
/** Parser errors past this many are not looked at (a binary file is thousands). */
const MAX_ERRORS_READ = 400;
/** Tab-indented lines this far apart are two problems, whatever is between them. */
const TAB_GAP = 50;

/** A finding on its way: what it is, for merging a slip's echoes into it. */
interface Incident {
  start: number;
  end: number;
  message: string;
  damage: [number, number];
  /** Where the parser put it: an echo is often reported there. */
  readonly raw: number;
  readonly kind: 'indent' | 'tab' | 'flow' | 'other';
  /** For an indent: the line above it names; for a tab: its line. */
  line?: number;
}

/** The syntax problems of `doc`, parsed from `text`, in plain words and in text order. */
export function syntaxFindings(doc: Document, text: string): SyntaxFinding[] {
  if (doc.errors.length === 0) return [];
  const lines = new TextLines(text);
  const groups = new Map<number, YAMLError[]>();
  for (const e of [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const at = e.pos[0];
    const group = groups.get(at);
    if (group) group.push(e);
    else if (groups.size < MAX_ERRORS_READ) groups.set(at, [e]);
  }
  const nodes = new Nodes(doc, groups);
  const incidents: Incident[] = [];
  for (const [at, group] of groups) incidents.push(classify(group, at, lines, nodes));
  incidents.sort((a, b) => a.start - b.start || a.raw - b.raw);
  const kept: Incident[] = [];
  for (const incident of innermostFlows(incidents)) {
    const cause = kept.find((k) => echoes(k, incident, lines));
    if (cause) {
      cause.damage[0] = Math.min(cause.damage[0], incident.damage[0]);
      cause.damage[1] = Math.max(cause.damage[1], incident.damage[1]);
    } else if (kept.length < MAX_SYNTAX_PROBLEMS) {
      kept.push(incident);
    }
  }
  return kept.map(({ start, end, message, damage }) => ({
    start,
    end: Math.max(start, end),
    message,
    damage,
  }));
}

/**
 * Without the unclosed `[` or `{` that opens inside another (`{a: [b}`), whose
 * own close the inner one took: the inner one, failing first, is the slip.
 */
function innermostFlows(incidents: readonly Incident[]): Incident[] {
  const flows = incidents.filter((i) => i.kind === 'flow');
  if (flows.length < 2) return [...incidents];
  return incidents.filter(
    (i) => i.kind !== 'flow' || !flows.some((o) => o.start > i.start && o.raw < i.raw),
  );
}

/** Whether `later` is `cause` seen again, or follows from it. */
function echoes(cause: Incident, later: Incident, lines: TextLines): boolean {
  const [from, to] = cause.damage;
  if ((later.start >= from && later.start <= to) || (later.raw >= from && later.raw <= to))
    return true;
  // A line measured against a line that is itself out of place is wrong only by that.
  if (
    cause.kind !== 'other' &&
    later.line !== undefined &&
    later.line >= lines.lineOf(from) &&
    later.line <= lines.lineOf(to)
  )
    return true;
  // A block indented wrong is one slip: each of its lines names the same line above.
  if (cause.kind === 'indent' && later.kind === 'indent')
    return cause.line !== undefined && cause.line === later.line;
  // So is a block indented with tabs: one problem for its lines in a row.
  if (cause.kind === 'tab' && later.kind === 'tab') {
    const [last, line] = [cause.line ?? 0, later.line ?? 0];
    if (line - last > TAB_GAP) return false;
    for (let n = last + 1; n < line; n++) if (lines.shape(n)?.tab === false) return false;
    cause.line = line;
    return true;
  }
  return false;
}

function classify(
  group: readonly YAMLError[],
  at: number,
  lines: TextLines,
  nodes: Nodes,
): Incident {
  const has = (code: string, message?: string): YAMLError | undefined =>
    group.find((e) => e.code === code && (message === undefined || e.message.startsWith(message)));
  const end = Math.max(...group.map((e) => e.pos[1]));
  const other = (start: number, message: string, to = end): Incident => ({
    start,
    end: Math.min(to, lines.end(lines.lineOf(start))),
    message,
    damage: [Math.min(start, at), Math.max(to, start)],
    raw: at,
    kind: 'other',
  });
  const lineAt = lines.lineOf(at);

  const quote = has('MISSING_CHAR', 'Missing closing');
  if (quote) {
    const q = quote.message.includes("'") ? "'" : '"';
    const open = nodes.quoteEndingAt(at);
    const start = open ?? at;
    const found = other(start, `Unclosed quote: the text that starts here has no closing ${q} .`);
    return { ...found, end: lines.end(lines.lineOf(start)) };
  }
  const flow = has('BAD_INDENT', 'Flow ');
  if (flow) return unclosedFlow(flow, at, end, lines, nodes);
  if (has('TAB_AS_INDENT')) {
    const found = indentProblem(lines, lineAt, at, end);
    return { ...found, raw: at, kind: 'tab', line: lineAt };
  }
  if (has('DUPLICATE_KEY')) {
    const dup = nodes.duplicateAt(at);
    const name = dup?.name ?? lines.shape(lineAt)?.name;
    const first = dup === undefined ? '' : ` (first on line ${lines.lineOf(dup.first) + 1})`;
    const key = name === undefined ? 'Duplicate key' : `Duplicate key ${quoted(name)}`;
    return other(at, `${key}${first}.`, dup?.end ?? end);
  }
  const nested = has('BLOCK_AS_IMPLICIT_KEY', 'Nested');
  if (nested) {
    const multi = has('MULTILINE_IMPLICIT_KEY');
    const line = multi ? lines.lineOf(multi.pos[1]) : lineAt;
    if (line > lineAt) return { ...indentProblem(lines, line, at, end), raw: at, kind: 'indent' };
    const name = lines.shape(lineAt)?.name;
    const whose = name === undefined ? 'This value' : `The value of ${quoted(name)}`;
    return other(
      at,
      `${whose} holds ": ", which YAML reads as a key: put the whole value in quotes.`,
      lines.end(lineAt),
    );
  }
  if (
    has('BLOCK_AS_IMPLICIT_KEY') ||
    has('BAD_INDENT', 'All ') ||
    has('MISSING_CHAR', 'Sequence item without')
  )
    return { ...indentProblem(lines, lineAt, at, end), raw: at, kind: 'indent' };
  if (has('MULTILINE_IMPLICIT_KEY') || has('MISSING_CHAR', 'Implicit map keys'))
    return other(...missingColon(lines, lineAt));
  const c = lines.text.charAt(at);
  if (has('UNEXPECTED_TOKEN') && (c === ']' || c === '}')) {
    const opener = c === ']' ? '[' : '{';
    return other(at, `This "${c}" closes nothing: no "${opener}" is open here.`);
  }
  if (has('BAD_SCALAR_START') && c.trim() !== '')
    return other(at, `A value cannot start with "${c}": put the value in quotes.`);
  if (has('BAD_DQ_ESCAPE')) {
    const escape = lines.text.slice(at, at + 2);
    return other(
      at,
      `"${escape}" is no escape YAML knows in double quotes: write \\\\ for a backslash, or use single quotes.`,
    );
  }
  const comma = has('MISSING_CHAR', 'Missing ,');
  if (comma) {
    const what = comma.message.includes('flow map')
      ? 'entry of the { } mapping'
      : 'item of the [ ] list';
    return other(at, `Missing "," before this ${what}.`);
  }
  if (has('MISSING_CHAR', 'Comments must'))
    return other(
      at,
      'Put a space before "#": a comment must stand apart from what comes before it.',
    );
  if (has('MULTIPLE_DOCS'))
    return other(
      at,
      `A needs file is one YAML document: this "${lines.text.slice(at, at + 3)}" starts a second.`,
    );
  if (has('BLOCK_IN_FLOW'))
    return other(at, 'A "key: value" block cannot go inside [ ] or { }: is a "," missing?');
  return other(at, sentence(group[0]?.message ?? 'YAML syntax error'));
}

/** `[` or `{` never closed, or closed on a line indented too little. */
function unclosedFlow(
  error: YAMLError,
  at: number,
  end: number,
  lines: TextLines,
  nodes: Nodes,
): Incident {
  const seq = error.message.startsWith('Flow sequence');
  const [open, close, what] = seq ? ['[', ']', 'list'] : ['{', '}', 'mapping'];
  const start = nodes.flowEndingAt(at, seq) ?? at;
  const openLine = lines.lineOf(start);
  const atLine = lines.lineOf(at);
  const rest = lines.text.slice(at, lines.end(atLine));
  const damage: [number, number] = [Math.min(start, at), Math.max(end, lines.end(atLine))];
  if (atLine > openLine && rest.includes(close)) {
    const name = lines.shape(openLine)?.name;
    const deeper = name === undefined ? `line ${openLine + 1}` : quoted(name);
    const first = lines.start(atLine) + (lines.shape(atLine)?.first ?? 0);
    return {
      start: first,
      end: lines.end(atLine),
      message: `This line goes on with the ${what} that starts on line ${openLine + 1}: indent it deeper than ${deeper}.`,
      damage: [Math.min(damage[0], first), damage[1]],
      raw: at,
      kind: 'flow',
    };
  }
  return {
    start,
    end: lines.end(openLine),
    message: `Unclosed "${open}": the ${what} that starts here has no closing "${close}".`,
    damage,
    raw: at,
    kind: 'flow',
  };
}

/** The parser's message as a sentence: its first line, with a full stop. */
function sentence(message: string): string {
  const first = message.split('\n')[0] ?? message;
  return /[.!?:]$/.test(first) ? first : `${first}.`;
}
