/**
 * Glob matching without regular expressions. Globs come from the needs file,
 * which anyone who can open a pull request can write, and a glob compiled to a
 * JavaScript RegExp backtracks: picomatch takes minutes on `*a*a*a…*b` against
 * a path of sixty `a`s. Here a `*` is matched by the classic greedy algorithm
 * that retries only from the last star, and `**` the same way over path
 * segments, so a test costs at most (path length × glob length) steps.
 *
 * The syntax is the one gitignore-style globs use: `*` (within a segment), `?`,
 * `**` as a whole segment (any number of segments, none included), `[abc]`,
 * `[a-z]`, `[!a]` or `[^a]`, `\` escapes, and `{a,b}` alternatives (expanded,
 * up to MAX_ALTERNATIVES). Anything else is literal text.
 */

type Token =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'one' }
  | { readonly kind: 'star' }
  | {
      readonly kind: 'class';
      readonly negated: boolean;
      readonly ranges: readonly (readonly [number, number])[];
    };

/** A segment pattern, or `null` for `**`. */
type Segment = readonly Token[] | null;

/** More alternatives than this and the braces are taken literally. */
export const MAX_ALTERNATIVES = 256;

/** Compiles `glob` into a test of `/`-separated relative paths. */
export function globMatcher(glob: string): (path: string) => boolean {
  while (glob.startsWith('./')) glob = glob.slice(2); // paths have no `.` segment
  const compiled = expandBraces(glob).map(compileSegments);
  if (compiled.length === 1) {
    const [only] = compiled as [Segment[]];
    return (path) => matchSegments(only, path.split('/'));
  }
  return (path) => {
    const parts = path.split('/');
    return compiled.some((segments) => matchSegments(segments, parts));
  };
}

function compileSegments(glob: string): Segment[] {
  return splitSegments(glob).map((s) => (s === '**' ? null : tokenize(s)));
}

/** Splits at `/` that is not escaped. */
function splitSegments(glob: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string;
    if (c === '\\' && i + 1 < glob.length) {
      current += c + (glob[++i] as string);
    } else if (c === '/') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const c = segment[i] as string;
    if (c === '\\' && i + 1 < segment.length) {
      tokens.push({ kind: 'char', char: segment[++i] as string });
    } else if (c === '*') {
      // `**` inside a segment is one `*`; repeated stars add nothing.
      if (tokens.at(-1)?.kind !== 'star') tokens.push({ kind: 'star' });
    } else if (c === '?') {
      tokens.push({ kind: 'one' });
    } else if (c === '[') {
      const parsed = parseClass(segment, i);
      if (parsed === undefined) tokens.push({ kind: 'char', char: c });
      else {
        tokens.push(parsed.token);
        i = parsed.end;
      }
    } else tokens.push({ kind: 'char', char: c });
  }
  return tokens;
}

/** `[...]` starting at `open`, or undefined when it never closes (then `[` is literal). */
function parseClass(text: string, open: number): { token: Token; end: number } | undefined {
  let i = open + 1;
  const negated = text[i] === '!' || text[i] === '^';
  if (negated) i++;
  const ranges: [number, number][] = [];
  let first = true;
  for (; i < text.length; i++) {
    let c = text[i] as string;
    if (c === ']' && !first) return { token: { kind: 'class', negated, ranges }, end: i };
    first = false;
    if (c === '\\' && i + 1 < text.length) c = text[++i] as string;
    let hi = c;
    if (text[i + 1] === '-' && i + 2 < text.length && text[i + 2] !== ']') {
      hi = text[i + 2] as string;
      if (hi === '\\' && i + 3 < text.length) {
        hi = text[i + 3] as string;
        i++;
      }
      i += 2;
    }
    ranges.push([c.charCodeAt(0), hi.charCodeAt(0)]);
  }
  return undefined;
}

function matchToken(token: Token, char: string): boolean {
  switch (token.kind) {
    case 'char':
      return token.char === char;
    case 'one':
      return true;
    case 'star':
      return false;
    case 'class': {
      const code = char.charCodeAt(0);
      const inside = token.ranges.some(([lo, hi]) => code >= lo && code <= hi);
      return inside !== token.negated;
    }
  }
}

/** One segment against its tokens. */
function matchSegment(tokens: readonly Token[], text: string): boolean {
  // A name is never empty: `*` alone matches one character or more.
  if (text === '') return tokens.length === 0;
  return wildcardMatch(
    tokens,
    text.length,
    (token) => token.kind === 'star',
    (token, i) => matchToken(token, text[i] as string),
  );
}

/** Path segments against segment patterns, `**` playing the part of `*`. */
function matchSegments(patterns: readonly Segment[], parts: readonly string[]): boolean {
  return wildcardMatch(
    patterns,
    parts.length,
    (pattern) => pattern === null,
    (pattern, i) => pattern !== null && matchSegment(pattern, parts[i] as string),
  );
}

/**
 * Whether `pattern` matches all `length` items, each of its elements matching
 * one item (`matches`) or, for a star, any run of them, none included. Greedy,
 * retrying only from the last star: at most pattern × items calls of `matches`.
 */
function wildcardMatch<T>(
  pattern: readonly T[],
  length: number,
  isStar: (element: T) => boolean,
  matches: (element: T, index: number) => boolean,
): boolean {
  let p = 0;
  let i = 0;
  let star = -1;
  let starAt = 0;
  while (i < length) {
    const element = pattern[p];
    if (p < pattern.length && isStar(element as T)) {
      star = p++;
      starAt = i;
    } else if (p < pattern.length && matches(element as T, i)) {
      p++;
      i++;
    } else if (star >= 0) {
      p = star + 1;
      i = ++starAt;
    } else return false;
  }
  while (p < pattern.length && isStar(pattern[p] as T)) p++;
  return p === pattern.length;
}

/**
 * `{a,b}` alternatives, nested ones too, expanded into plain globs. Braces
 * without a comma, unbalanced ones, or more than MAX_ALTERNATIVES results are
 * left as they are (literal text).
 */
export function expandBraces(glob: string): string[] {
  const open = findBrace(glob);
  if (open === undefined) return [glob];
  const { start, end, options } = open;
  const out: string[] = [];
  for (const option of options) {
    for (const rest of expandBraces(glob.slice(0, start) + option + glob.slice(end + 1))) {
      out.push(rest);
      if (out.length > MAX_ALTERNATIVES) return [glob];
    }
  }
  return out;
}

/** The first `{...}` with a top-level comma, and its options. */
function findBrace(glob: string): { start: number; end: number; options: string[] } | undefined {
  for (let start = 0; start < glob.length; start++) {
    if (glob[start] === '\\') {
      start++;
      continue;
    }
    if (glob[start] !== '{') continue;
    let depth = 0;
    let from = start + 1;
    const options: string[] = [];
    for (let i = start; i < glob.length; i++) {
      const c = glob[i];
      if (c === '\\') i++;
      else if (c === '{') depth++;
      else if (c === '}' && --depth === 0) {
        if (options.length === 0) break; // `{a}` is literal
        options.push(glob.slice(from, i));
        return { start, end: i, options };
      } else if (c === ',' && depth === 1) {
        options.push(glob.slice(from, i));
        from = i + 1;
      }
    }
  }
  return undefined;
}
