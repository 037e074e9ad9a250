/**
 * The text edit that adds a new, clearly unfinished need to a needs file: the
 * quick fix for `@need some-new-id`. A plain insertion, so the user's comments
 * and formatting elsewhere stay byte for byte, and the editor can undo it.
 */
import { LineCounter, isSeq, parseDocument } from 'yaml';
import type { YAMLSeq } from 'yaml';

export interface TextInsertion {
  /** Offset in the text where `text` goes. */
  readonly offset: number;
  readonly text: string;
}

/** Where and what to insert so `id` becomes a need; undefined when the file is not a usable needs file. */
export function needStubInsertion(
  source: string,
  id: string,
  title = 'Describe the need in the customer’s words',
): TextInsertion | undefined {
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const doc = parseDocument(source, { lineCounter: new LineCounter(), prettyErrors: false });
  if (doc.errors.length > 0) return undefined;
  const needs = doc.get('needs', true);
  const entry = (indent: string): string =>
    [
      `${indent}- id: ${id}`,
      `${indent}  title: ${JSON.stringify(title)}`,
      `${indent}  status: assumed # no evidence yet: ask customers before building on it`,
      `${indent}  review:`,
      `${indent}    - ${JSON.stringify('Which customer asked for this, and how do we know?')}`,
    ].join(eol);

  if (isSeq(needs) && !needs.flow && needs.items.length > 0 && needs.range) {
    const indent = indentOf(source, (needs as YAMLSeq).range?.[0] ?? 0);
    // After the last item's own text, so a trailing comment block stays where it is.
    const end = needs.range[1];
    const lineEnd = endOfLine(source, end > 0 ? end - 1 : 0);
    const before = source.charAt(lineEnd - 1) === '\n' || lineEnd === 0 ? '' : eol;
    return { offset: lineEnd, text: `${before}${entry(indent)}${eol}` };
  }
  if (needs === undefined) {
    const sep = source === '' || source.endsWith('\n') ? '' : eol;
    return { offset: source.length, text: `${sep}needs:${eol}${entry('  ')}${eol}` };
  }
  // `needs: []` or an empty `needs:`: the simplest faithful edit is a new block after the key's line.
  return undefined;
}

/** The whitespace before the `-` of the item that starts at `offset`. */
function indentOf(source: string, offset: number): string {
  const lineStart = source.lastIndexOf('\n', offset - 1) + 1;
  const m = /^[ \t]*/.exec(source.slice(lineStart, offset));
  return m ? m[0] : '';
}

function endOfLine(source: string, offset: number): number {
  const nl = source.indexOf('\n', offset);
  return nl < 0 ? source.length : nl + 1;
}
