/**
 * Where a CodeLens for line links goes: above the innermost function, method
 * or class that holds the linked lines. Pure, so the choice is tested without
 * an editor; the adapter turns the editor's document symbols into `Container`s.
 */

/** A function, method or class, 0-based lines, inclusive. */
export interface Container {
  readonly startLine: number;
  readonly endLine: number;
  readonly children: readonly Container[];
}

/** The innermost container holding `line`, or undefined when none does. */
export function innermostContainer(
  containers: readonly Container[],
  line: number,
): Container | undefined {
  for (const c of containers) {
    if (line < c.startLine || line > c.endLine) continue;
    return innermostContainer(c.children, line) ?? c;
  }
  return undefined;
}

/** The outermost container that starts on `line` (`export class X` before its members). */
function startingAt(containers: readonly Container[], line: number): Container | undefined {
  for (const c of containers) {
    if (c.startLine === line) return c;
    if (line > c.startLine && line <= c.endLine) return startingAt(c.children, line);
  }
  return undefined;
}

/** A line that holds only a comment: `//`, `#`, `--`, `/*`, `*` or `*\/` first. */
export function isCommentLine(text: string): boolean {
  return /^\s*(\/\/|#|--|\/\*|\*)/.test(text);
}

/**
 * The container a line link belongs to. On a comment line: the container that
 * starts right after the comment block it is in (`// @need x` above a
 * function), so the usual place for an annotation counts; a blank line breaks
 * that tie. Otherwise the innermost container holding the line.
 */
export function containerForLine(
  containers: readonly Container[],
  line: number,
  lineText: (line: number) => string | undefined,
): Container | undefined {
  let l = line;
  let text = lineText(l);
  while (text !== undefined && isCommentLine(text)) {
    const next = startingAt(containers, l + 1);
    if (next !== undefined) return next;
    text = lineText(++l);
  }
  return innermostContainer(containers, line);
}

/**
 * Items grouped by the container they belong to, in the order the containers
 * start; items outside every container are left out.
 */
export function groupByContainer<T extends { readonly line: number }>(
  containers: readonly Container[],
  items: readonly T[],
  lineText: (line: number) => string | undefined,
): { container: Container; items: T[] }[] {
  const groups = new Map<Container, T[]>();
  for (const item of items) {
    const c = containerForLine(containers, item.line, lineText);
    if (c === undefined) continue;
    const list = groups.get(c);
    if (list) list.push(item);
    else groups.set(c, [item]);
  }
  return [...groups.entries()]
    .map(([container, list]) => ({ container, items: list }))
    .sort((a, b) => a.container.startLine - b.container.startLine);
}
