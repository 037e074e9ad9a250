/**
 * Text that `outside-in instructions` writes from the needs file: agent
 * instruction files, and one section of AGENTS.md. It repeats every keyword
 * and glob of the needs, so matching it would link every need to it and hide
 * a keyword that matches nothing in the real code: it is never matched.
 */

/** Opens the generated part of a file; the command is named so a reader knows how to renew it. */
export const GENERATED_BEGIN = '<!-- outside-in:begin';
/** Closes it. */
export const GENERATED_END = '<!-- outside-in:end -->';

/**
 * Whether `path` (root-relative, `/`-separated) has the name of a whole file
 * the command writes: `outside-in-*.instructions.md` or `outside-in-*.mdc`.
 */
export function isGeneratedName(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return (
    name.startsWith('outside-in-') && (name.endsWith('.instructions.md') || name.endsWith('.mdc'))
  );
}

/**
 * `text` with what the command generated blanked out, line count and line
 * lengths kept so every other position stays true: the whole file for a
 * generated name that carries the marker, else each begin...end region.
 * Returns `text` itself, unscanned past one search, when there is none.
 */
export function withoutGeneratedText(path: string, text: string): string {
  const first = text.indexOf(GENERATED_BEGIN);
  if (first < 0) return text;
  if (isGeneratedName(path)) return blank(text);
  let out = '';
  let from = 0;
  let begin = first;
  while (begin >= 0) {
    const end = text.indexOf(GENERATED_END, begin);
    const stop = end < 0 ? text.length : end + GENERATED_END.length;
    out += text.slice(from, begin) + blank(text.slice(begin, stop));
    from = stop;
    begin = text.indexOf(GENERATED_BEGIN, from);
  }
  return out + text.slice(from);
}

/**
 * Whether the character at 0-based `line` and `character` of `text` is in
 * what the command generated: the same regions `withoutGeneratedText` blanks.
 * One search when the file has none.
 */
export function isGeneratedAt(
  path: string,
  text: string,
  line: number,
  character: number,
): boolean {
  let begin = text.indexOf(GENERATED_BEGIN);
  if (begin < 0) return false;
  if (isGeneratedName(path)) return true;
  let offset = 0;
  for (let n = 0; n < line; n++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return false;
    offset = next + 1;
  }
  offset += character;
  while (begin >= 0 && begin <= offset) {
    const end = text.indexOf(GENERATED_END, begin);
    const stop = end < 0 ? text.length : end + GENERATED_END.length;
    if (offset < stop) return true;
    begin = text.indexOf(GENERATED_BEGIN, stop);
  }
  return false;
}

/** Spaces for every character but line breaks. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
