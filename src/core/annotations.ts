/**
 * `@need id` annotations: anywhere on a line, by convention in a comment, in
 * any language. Several ids may follow, separated by commas.
 */

/** One id named by an annotation, with its character range on the line. */
export interface Annotation {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Our own fixed pattern (never built from needs-file text); linear. */
const MARKER = /(?<![\w@.-])@need[ \t]+/g;
const ID_START = /[A-Za-z]/;
const ID_CHAR = /[A-Za-z0-9._-]/;

/** Every id annotated on `lineText`, in order. */
export function findAnnotations(lineText: string): Annotation[] {
  // Most lines hold no annotation: skip the pattern entirely.
  if (!lineText.includes('@need')) return [];
  const found: Annotation[] = [];
  MARKER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MARKER.exec(lineText)) !== null) {
    let i = m.index + m[0].length;
    for (;;) {
      if (i >= lineText.length || !ID_START.test(lineText.charAt(i))) break;
      const start = i;
      while (i < lineText.length && ID_CHAR.test(lineText.charAt(i))) i++;
      // A sentence may end right after an id: "see @need fast-checkout."
      let end = i;
      while (end > start + 1 && lineText.charAt(end - 1) === '.') end--;
      found.push({ id: lineText.slice(start, end), start, end });
      let j = i;
      while (j < lineText.length && (lineText[j] === ' ' || lineText[j] === '\t')) j++;
      if (lineText[j] !== ',') break;
      j++;
      while (j < lineText.length && (lineText[j] === ' ' || lineText[j] === '\t')) j++;
      i = j;
    }
    MARKER.lastIndex = Math.max(MARKER.lastIndex, i);
  }
  return found;
}

/** The annotation whose id covers `character`, for hover and go-to-definition. */
export function annotationAt(lineText: string, character: number): Annotation | undefined {
  return findAnnotations(lineText).find((a) => character >= a.start && character <= a.end);
}

/** Our own fixed pattern: `@need`, then ids and commas, ending where the cursor is. */
const TYPING = /(?<![\w@.-])@need[ \t]+(?:[A-Za-z][A-Za-z0-9._-]*[ \t]*,[ \t]*)*([A-Za-z0-9._-]*)$/;

/**
 * Where the id being typed at `character` starts, when the cursor is on an id
 * of an annotation (right after `@need `, or after a comma in its list): for
 * completion. `end` is where that id's characters end after the cursor.
 */
export function annotationIdAt(
  lineText: string,
  character: number,
): { start: number; end: number } | undefined {
  const before = lineText.slice(0, character);
  if (!before.includes('@need')) return undefined;
  const m = TYPING.exec(before);
  if (m === null) return undefined;
  const start = character - (m[1] ?? '').length;
  let end = character;
  while (end < lineText.length && /[A-Za-z0-9._-]/.test(lineText.charAt(end))) end++;
  return { start, end };
}
