/**
 * The lines of a YAML text as a person reads them: how far each is indented,
 * whether it starts a list item, which key it names. The parser's tree is no
 * help where the text is broken, and a broken place is where these are asked.
 */

/** How one line looks. Columns are 0-based characters. */
export interface LineShape {
  /** Column of the first character that is not a space or a tab. */
  readonly first: number;
  /** Column where the line's key or value starts, after any `- ` item markers. */
  readonly key: number;
  /** True when the line starts with a `- ` list item marker. */
  readonly dash: boolean;
  /** True when its indentation holds a tab. */
  readonly tab: boolean;
  /** The key the line names (`title` in `title: A`), when it names one. */
  readonly name?: string;
}

/** Lines further than this above a problem are not searched for a reference. */
const LOOK_BACK = 500;
/** Only this much of a line is read: a key is at most 1024 characters (YAML's own limit). */
const LINE_HEAD = 2048;

export class TextLines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  /** The 0-based line holding `offset` (clamped into the text). */
  lineOf(offset: number): number {
    const at = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Offset where `line` starts. */
  start(line: number): number {
    return this.starts[line] ?? this.text.length;
  }

  /** Offset where `line` ends, before its `\n` or `\r\n`. */
  end(line: number): number {
    const next = this.starts[line + 1];
    if (next === undefined) return this.text.length;
    return this.text.charCodeAt(next - 2) === 13 && next - 2 >= this.start(line)
      ? next - 2
      : next - 1;
  }

  /** The text of `line`, without its line break. */
  textOf(line: number): string {
    return this.text.slice(this.start(line), this.end(line));
  }

  /** The shape of `line`, or undefined for a blank or comment-only line. */
  shape(line: number): LineShape | undefined {
    const start = this.start(line);
    let s = this.text.slice(start, Math.min(this.end(line), start + LINE_HEAD));
    // A byte-order mark is no indentation.
    if (line === 0 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    return shapeOf(s);
  }

  /**
   * The lines above `line` that are neither blank nor comments, nearest
   * first, among the LOOK_BACK lines above it.
   */
  *above(line: number): Generator<{ line: number; shape: LineShape }> {
    for (let n = line - 1; n >= 0 && n >= line - LOOK_BACK; n--) {
      const shape = this.shape(n);
      if (shape) yield { line: n, shape };
    }
  }
}

/** The shape of one line's text, or undefined when it is blank or a comment. */
export function shapeOf(s: string): LineShape | undefined {
  let i = 0;
  let tab = false;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t')) {
    if (s[i] === '\t') tab = true;
    i++;
  }
  if (i >= s.length || s[i] === '#') return undefined;
  const first = i;
  let dash = false;
  // `- - a` is a list in a list: the key is after the last marker.
  while (s[i] === '-' && (i + 1 === s.length || s[i + 1] === ' ' || s[i + 1] === '\t')) {
    dash = true;
    i++;
    while (i < s.length && (s[i] === ' ' || s[i] === '\t')) i++;
  }
  return { first, key: i, dash, tab, name: keyName(s, i) };
}

/** The key written at `from` in `s`, if `s` reads `key: ...` there. */
function keyName(s: string, from: number): string | undefined {
  const q = s[from];
  if (q === '"' || q === "'") {
    const close = s.indexOf(q, from + 1);
    if (close < 0) return undefined;
    return isColon(s, close + 1) ? s.slice(from + 1, close) : undefined;
  }
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === '#' && (s[i - 1] === ' ' || s[i - 1] === '\t')) return undefined;
    if (c === ':' && isColon(s, i)) {
      const name = s.slice(from, i).trim();
      return name === '' ? undefined : name;
    }
  }
  return undefined;
}

/** A `:` that ends a key: followed by a space, a tab or the end of the line. */
function isColon(s: string, i: number): boolean {
  return s[i] === ':' && (i + 1 === s.length || s[i + 1] === ' ' || s[i + 1] === '\t');
}

/** `text` in double quotes for a message, cut short when long. */
export function quoted(text: string, max = 40): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return `"${one.length > max ? one.slice(0, max - 1) + '…' : one}"`;
}
