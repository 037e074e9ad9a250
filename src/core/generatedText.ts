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
 * The [begin, end) offsets of what the command generated in `text`: the
 * whole file for a generated name that carries the marker, else each
 * begin...end region (an unclosed one runs to the end).
 */
function generatedRegions(path: string, text: string): [number, number][] {
  let begin = text.indexOf(GENERATED_BEGIN);
  if (begin < 0) return [];
  if (isGeneratedName(path)) return [[0, text.length]];
  const regions: [number, number][] = [];
  while (begin >= 0) {
    const end = text.indexOf(GENERATED_END, begin);
    const stop = end < 0 ? text.length : end + GENERATED_END.length;
    regions.push([begin, stop]);
    begin = text.indexOf(GENERATED_BEGIN, stop);
  }
  return regions;
}

/**
 * `text` with what the command generated blanked out, line count and line
 * lengths kept so every other position stays true. Returns `text` itself,
 * unscanned past one search, when there is none.
 */
export function withoutGeneratedText(path: string, text: string): string {
  const regions = generatedRegions(path, text);
  if (regions.length === 0) return text;
  let out = '';
  let from = 0;
  for (const [begin, stop] of regions) {
    out += text.slice(from, begin) + blank(text.slice(begin, stop));
    from = stop;
  }
  return out + text.slice(from);
}

/**
 * Whether the character at 0-based `line` and `character` of `text` is in
 * what the command generated: the text `withoutGeneratedText` blanks. Lines
 * end at \r\n, \r or \n, as the editor counts them. One search when the file
 * has none.
 */
export function isGeneratedAt(
  path: string,
  text: string,
  line: number,
  character: number,
): boolean {
  const regions = generatedRegions(path, text);
  if (regions.length === 0) return false;
  const breaks = /\r\n|\r|\n/g;
  let lineStart = 0;
  for (let n = 0; n < line; n++) {
    if (breaks.exec(text) === null) return false;
    lineStart = breaks.lastIndex;
  }
  const offset = lineStart + character;
  return regions.some(([begin, stop]) => offset >= begin && offset < stop);
}

/** Spaces for every character but line breaks. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}
