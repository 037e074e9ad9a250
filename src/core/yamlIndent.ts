/**
 * What is wrong with a line the parser could not fit into the structure, said
 * against the lines above it: which key it should line up with, and by how
 * many spaces. The parser knows only that the structure broke, and says so
 * at the line above (`Nested mappings are not allowed in compact mappings`).
 */
import type { LineShape, TextLines } from './yamlLines';
import { quoted } from './yamlLines';

/** A problem placed in the text: offsets, and the stretch it throws off. */
export interface Placed {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  readonly damage: [number, number];
  /** The line above that the message names: a block of lines naming the same one is one slip. */
  readonly line?: number;
}

interface Above {
  readonly line: number;
  readonly shape: LineShape;
}

/**
 * The indentation problem of `line`, which the parser reported at offsets
 * `at` to `to` (often on the line above).
 */
export function indentProblem(lines: TextLines, line: number, at: number, to: number): Placed {
  const shape = lines.shape(line);
  const lineStart = lines.start(line);
  const lineEnd = lines.end(line);
  const place = (message: string, start: number, ref?: number): Placed => ({
    start,
    end: Math.max(start, lines.end(lines.lineOf(start))),
    message,
    damage: [Math.min(at, lineStart, start), Math.max(to, lineEnd)],
    line: ref,
  });
  if (!shape) return place('This line is indented so that it fits nothing above it.', lineStart);
  const start = lineStart + shape.first;
  if (shape.tab) {
    const tab = lines.text.slice(lineStart, start).indexOf('\t');
    return place(
      'This line is indented with a tab: YAML indents with spaces only.',
      lineStart + Math.max(0, tab),
      line,
    );
  }
  const n = shape.first;
  if (shape.dash) {
    const item = nearestItem(lines, line, n);
    if (item) {
      const c = item.shape.first;
      return place(
        `This list item is indented ${n > c ? 'deeper' : 'less'} than the one on line ${item.line + 1}: line them up (${count(c)}, not ${n}).`,
        start,
        item.line,
      );
    }
  }
  let less: Above | undefined;
  let parent: Above | undefined;
  for (const a of lines.above(line)) {
    // The least indented of the lines indented more, nearest first: the key this one belongs with.
    if (a.shape.key > n && (!less || a.shape.key < less.shape.key)) less = a;
    if (a.shape.first < n) {
      if (a.shape.key < n) parent = a;
      break;
    }
  }
  if (less) {
    const name = label(less);
    return place(
      `This line is indented less than ${name} above it: line it up with ${name} (${count(less.shape.key)}, not ${n}).`,
      start,
      less.line,
    );
  }
  if (parent) {
    const slip = dashWithoutSpace(lines, parent);
    if (slip !== undefined) {
      const word = lines.text.slice(slip, lines.end(parent.line)).split(':')[0] ?? '-';
      return place(
        `Put a space after "-" to start a list item: ${quoted(word)} reads as a key.`,
        slip,
        parent.line,
      );
    }
    const name = label(parent);
    return place(
      `This line is indented deeper than ${name} above it: line it up with ${name} (${count(parent.shape.key)}, not ${n}).`,
      start,
      parent.line,
    );
  }
  return place(`This line's indentation (${count(n)}) lines up with nothing above it.`, start);
}

/** `title A` or `title:A` where `title: A` was meant. */
export function missingColon(lines: TextLines, line: number): [number, string, number] {
  const shape = lines.shape(line);
  const start = lines.start(line) + (shape?.key ?? 0);
  const end = lines.end(line);
  const body = lines.text.slice(start, Math.min(end, start + 200));
  if (/:[^\s]/.test(body) && !body.includes(': ')) {
    return [
      start,
      `Write a space after ":" in ${quoted(body)}: without one, YAML reads one word, not a key and its value.`,
      end,
    ];
  }
  return [
    start,
    `Missing ":" after the key in ${quoted(body)}: a field is written "key: value".`,
    end,
  ];
}

/** The list item above `line` (itself an item at column `d`) nearest to it in indentation. */
function nearestItem(lines: TextLines, line: number, d: number): Above | undefined {
  let best: Above | undefined;
  for (const a of lines.above(line)) {
    if (!a.shape.dash && a.shape.first < d) break;
    if (!a.shape.dash || a.shape.first === d) continue;
    const off = Math.abs(a.shape.first - d);
    if (!best || off < Math.abs(best.shape.first - d)) best = a;
  }
  return best;
}

/** Offset of a `-` that was meant to start a list item (`-id: a`), if the line starts so. */
function dashWithoutSpace(lines: TextLines, a: Above): number | undefined {
  const at = lines.start(a.line) + a.shape.first;
  const next = lines.text.charAt(at + 1);
  if (lines.text.charAt(at) !== '-' || next === '' || next === '-' || next === ' ' || next === '\t')
    return undefined;
  return at;
}

function label(a: Above): string {
  return a.shape.name !== undefined ? quoted(a.shape.name) : `line ${a.line + 1}`;
}

function count(n: number): string {
  return n === 1 ? '1 space' : `${n} spaces`;
}
