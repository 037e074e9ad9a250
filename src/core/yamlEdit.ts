/**
 * What the authoring edits share: an edit of a needs file is one insertion of
 * text at one offset, never a rewrite, so every byte the user wrote (comments,
 * order, quoting, line ends) stays as it was, and the editor undoes it in one
 * step. Helpers find line boundaries, indentation and the file's line end.
 */
import type { Document, Node } from 'yaml';
import { LineCounter, isSeq, parseDocument } from 'yaml';

/** Text to insert at an offset of the needs file's text. */
export interface TextInsertion {
  /** Offset in the text where `text` goes. */
  readonly offset: number;
  readonly text: string;
}

/** An insertion, or why none is made (a message for the user, naming the line). */
export type EditResult =
  | {
      readonly ok: true;
      readonly insertion: TextInsertion;
      /** Offsets in the text after the edit of what to select: the new entry's key value. */
      readonly focus: { readonly start: number; readonly end: number };
    }
  | { readonly ok: false; readonly message: string };

/** The text with `insertion` applied. */
export function applyInsertion(source: string, insertion: TextInsertion): string {
  return source.slice(0, insertion.offset) + insertion.text + source.slice(insertion.offset);
}

/** The parsed document, or a message naming the first YAML error's line. */
export function parseForEdit(source: string): { doc: Document } | { message: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false });
  const first = doc.errors[0];
  if (first !== undefined) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    return {
      message: `The needs file has a YAML error at line ${line}, column ${col}; fix it first, then try again.`,
    };
  }
  return { doc };
}

/** The data `text` holds, or undefined when it is not clean YAML (errors, too many aliases). */
export function readYaml(text: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  try {
    return doc.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
}

/** Offset of the start of the line holding `offset`. */
export function lineStart(source: string, offset: number): number {
  return source.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break ending the line holding `offset` (or the text's end). */
export function nextLineStart(source: string, offset: number): number {
  const nl = source.indexOf('\n', offset);
  return nl < 0 ? source.length : nl + 1;
}

/** The column of `offset` on its line, in characters. */
export function columnOf(source: string, offset: number): number {
  return offset - lineStart(source, offset);
}

/** The whitespace that starts the line holding `offset`. */
export function indentAt(source: string, offset: number): string {
  const start = lineStart(source, offset);
  return /^[ \t]*/.exec(source.slice(start, offset))?.[0] ?? '';
}

/**
 * The line end to write near `offset`: the one ending that line, else the
 * file's first, else `\n`. A file that mixes them keeps each line as it was.
 */
export function eolNear(source: string, offset: number): string {
  const nl = source.indexOf('\n', offset);
  const at = nl >= 0 ? nl : source.indexOf('\n');
  if (at < 0) return '\n';
  return at > 0 && source.charAt(at - 1) === '\r' ? '\r\n' : '\n';
}

/**
 * Whole lines to insert after the line holding `offset` (the end of some
 * node): at the start of the next line, with a line break first when the
 * file ends without one.
 */
export function linesAfter(
  source: string,
  offset: number,
  lines: readonly string[],
): TextInsertion & { readonly eol: string } {
  const at = nextLineStart(source, Math.max(0, offset - 1));
  const eol = eolNear(source, Math.max(0, offset - 1));
  const before = at > 0 && source.charAt(at - 1) !== '\n' ? eol : '';
  return { offset: at, text: before + lines.map((l) => l + eol).join(''), eol };
}

/**
 * An entry appended to an existing list: inside the brackets of a flow list
 * (`[]` stays flow), or as lines after the last item of a block list at the
 * first item's indentation. Undefined when `list` is neither (absent, empty,
 * or not a list): the caller knows how to start one.
 */
export function appendToSeq(
  source: string,
  list: Node | null | undefined,
  name: string,
  entry: { readonly flow: string; readonly block: (dash: string) => string[] },
): TextInsertion | { message: string } | undefined {
  if (!isSeq(list)) return undefined;
  if (list.flow) {
    const close = (list.range?.[1] ?? 0) - 1;
    if (source.charAt(close) !== ']')
      return { message: `Could not find the end of the \`${name}: [...]\` list.` };
    const last = list.items.at(-1) as Node | undefined;
    if (last?.range) return { offset: last.range[1], text: `, ${entry.flow}` };
    return { offset: close, text: entry.flow };
  }
  if (list.items.length === 0) return undefined;
  const first = list.items[0] as Node;
  const last = list.items.at(-1) as Node;
  if (!first.range || !last.range) return { message: `Could not read the \`${name}\` list.` };
  return linesAfter(source, last.range[1], entry.block(indentAt(source, first.range[0])));
}
