/** How much code a need relates to, in one line for the needs file's hover. */
import type { Link } from './model';

/**
 * "Linked from 2 files: 1 annotation, 3 keyword lines, 1 file by path". Lines
 * are counted once per line, whatever the number of keywords on it.
 */
export function linkCountText(files: readonly { readonly links: readonly Link[] }[]): string {
  if (files.length === 0) return 'No code links to this need yet.';
  let annotations = 0;
  let byPath = 0;
  const keywordLines = new Set<string>();
  files.forEach((f, i) => {
    if (f.links.some((l) => l.rule === 'path')) byPath++;
    for (const l of f.links) {
      if (l.rule === 'annotation') annotations++;
      else if (l.rule === 'keyword') keywordLines.add(`${i}:${l.line}`);
    }
  });
  const parts: string[] = [];
  if (annotations > 0) parts.push(plural(annotations, 'annotation', 'annotations'));
  if (keywordLines.size > 0) parts.push(plural(keywordLines.size, 'keyword line', 'keyword lines'));
  if (byPath > 0) parts.push(`${plural(byPath, 'file', 'files')} by path`);
  return `Linked from ${plural(files.length, 'file', 'files')}: ${parts.join(', ')}.`;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
