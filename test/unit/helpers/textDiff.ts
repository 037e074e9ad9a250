/** A line diff small enough to trust: the lines two texts share at the start and the end, and what differs between. */

/** Lines with their own line ends, so a changed `\r\n` counts as a change. */
function linesOf(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** The lines only `before` has and the lines only `after` has, between their common first and last lines. */
export function lineDiff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = linesOf(before);
  const b = linesOf(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (
    end < a.length - start &&
    end < b.length - start &&
    a[a.length - 1 - end] === b[b.length - 1 - end]
  )
    end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}
