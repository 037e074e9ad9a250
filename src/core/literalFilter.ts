/**
 * A prefilter for keyword matching: one pass over a line's characters that
 * tells whether some token of it starts with a keyword's first token (or
 * prefix), ignoring case, before the line is tokenized. Most lines of most
 * code hold none, and tokenizing them was most of a scan's matching time.
 *
 * It follows the tokenizer's own breaks (tokens.ts): at each token start it
 * walks a trie of the literals from its root, so a literal spread across two
 * tokens ("createList" holds "teli") passes nothing. A plain substring search
 * passed such lines, and the more needs, the more of them: with 10,000 needs
 * a quarter more lines were tokenized than with 100.
 *
 * It only ever says "maybe" for a line it cannot judge: for an ASCII line a
 * token is a run of letters or of digits, broken at camelCase and acronym
 * ends exactly as here, and lower-cased character by character. Lines with
 * any other character are always tokenized (lower-casing beyond ASCII can
 * change lengths and depends on context), so the filter never changes an
 * answer.
 */

/** Letters and digits: 26 + 10 classes. */
const CLASSES = 36;

const OTHER = 0;
const UPPER = 1;
const LOWER = 2;
const DIGIT = 3;

/**
 * Each ASCII character's class times 4 plus its kind (OTHER, UPPER, LOWER,
 * DIGIT): one read gives both. OTHER characters have no class.
 */
const CODE_OF: Uint8Array = ((): Uint8Array => {
  const t = new Uint8Array(128);
  for (let c = 0; c < 26; c++) {
    t[97 + c] = c * 4 + LOWER;
    t[65 + c] = c * 4 + UPPER;
  }
  for (let d = 0; d < 10; d++) t[48 + d] = (26 + d) * 4 + DIGIT;
  return t;
})();

/** The class of a literal's character, -1 for one no token holds. */
function classOf(c: number): number {
  const code = CODE_OF[c] as number;
  return code === OTHER || (code & 3) === UPPER ? -1 : code >> 2;
}

const NO = 0;
const YES = 1;
/** Only when a lower-case letter follows: the last capital of an acronym starts a word (HTTPServer). */
const IF_LOWER_NEXT = 2;

/** Whether a token starts at a character of kind `k` after one of kind `p`, at `(p << 2) | k`. */
const STARTS: Uint8Array = ((): Uint8Array => {
  const t = new Uint8Array(16);
  for (const k of [UPPER, LOWER, DIGIT]) {
    t[(OTHER << 2) | k] = YES;
    t[(DIGIT << 2) | k] = k === DIGIT ? NO : YES;
    if (k === DIGIT) t[(UPPER << 2) | k] = t[(LOWER << 2) | k] = YES;
  }
  t[(LOWER << 2) | UPPER] = YES;
  t[(UPPER << 2) | UPPER] = IF_LOWER_NEXT;
  return t;
})();

function isLower(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * The literals' trie as a complete transition table: `next[state + class]`
 * is the next state's row offset (its number times CLASSES), or -1 when that
 * step ends a literal. A step the trie lacks leads to a dead row that leads
 * to itself until the next token start, so the loop reads one entry a
 * character and never branches on a missing one.
 */
export interface LiteralFilter {
  readonly next: Int32Array;
}

/**
 * Builds the filter for lower-cased `literals`. Returns undefined when it
 * cannot help (no literal, or one holding a character outside `[a-z0-9]`
 * that is still ASCII, which tokens never hold): callers then tokenize every
 * line. Literals with characters beyond ASCII are left out: they can only
 * occur in lines the filter passes anyway.
 */
export function buildLiteralFilter(literals: Iterable<string>): LiteralFilter | undefined {
  const words: string[] = [];
  for (const w of literals) {
    if (w.length === 0) return undefined;
    let ascii = true;
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      if (c >= 128) ascii = false;
      else if (classOf(c) === -1) return undefined;
    }
    if (ascii) words.push(w);
  }
  if (words.length === 0) return undefined;
  // Shortest first: a literal that starts with another one adds nothing.
  words.sort((a, b) => a.length - b.length);
  let states = 1;
  let trie = new Int32Array(CLASSES * 64).fill(-1);
  let accepts = new Uint8Array(64);
  for (const w of words) {
    let s = 0;
    for (let i = 0; i < w.length && accepts[s] === 0; i++) {
      const k = s * CLASSES + classOf(w.charCodeAt(i));
      let next = trie[k] as number;
      if (next === -1) {
        if (states * CLASSES >= trie.length) {
          const grown = new Int32Array(trie.length * 2).fill(-1);
          grown.set(trie);
          trie = grown;
          const a = new Uint8Array(accepts.length * 2);
          a.set(accepts);
          accepts = a;
        }
        next = states++;
        trie[k] = next;
      }
      s = next;
    }
    accepts[s] = 1;
  }
  const dead = states * CLASSES;
  const next = new Int32Array(dead + CLASSES).fill(dead);
  for (let i = 0; i < dead; i++) {
    const to = trie[i] as number;
    if (to !== -1) next[i] = accepts[to] === 1 ? -1 : to * CLASSES;
  }
  return { next };
}

/** Whether `line` may hold a literal of `filter`: true for any line with a character beyond ASCII. */
export function mayHoldLiteral(filter: LiteralFilter, line: string): boolean {
  return mayHoldLiteralIn(filter, line, 0, line.length);
}

/** `mayHoldLiteral` of `text` from `start` to `end`, without cutting it out. */
export function mayHoldLiteralIn(
  filter: LiteralFilter,
  line: string,
  start: number,
  end: number,
): boolean {
  const { next } = filter;
  let s = 0;
  let prev = OTHER;
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 128) return true;
    const code = CODE_OF[c] as number;
    const kind = code & 3;
    if (kind !== OTHER) {
      const starts = STARTS[(prev << 2) | kind];
      if (
        starts === YES ||
        (starts === IF_LOWER_NEXT && i + 1 < end && isLower(line.charCodeAt(i + 1)))
      )
        s = 0;
      s = next[s + (code >> 2)] as number;
      if (s < 0) return true;
    }
    prev = kind;
  }
  return false;
}

/**
 * Calls `fn` with each line of `text` that may hold a literal of `filter` or
 * holds `marker` as written (its start, its end before the line break, its
 * 0-based number); lines end at \r\n, \r or \n. One pass over the text: most
 * lines of most files are neither, and are never cut out or called back for.
 */
export function forEachLineMayHold(
  filter: LiteralFilter,
  text: string,
  marker: string,
  fn: (start: number, end: number, line: number) => void,
): void {
  const { next } = filter;
  const first = marker.charCodeAt(0);
  const length = text.length;
  let s = 0;
  let prev = OTHER;
  let start = 0;
  let line = 0;
  let hit = false;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (hit) fn(start, i, line);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      line++;
      start = i + 1;
      hit = false;
      prev = OTHER;
      continue;
    }
    if (hit) continue;
    if (c >= 128 || (c === first && text.startsWith(marker, i))) {
      hit = true;
      continue;
    }
    const code = CODE_OF[c] as number;
    const kind = code & 3;
    if (kind !== OTHER) {
      const starts = STARTS[(prev << 2) | kind];
      // The character after the last of a line is its break: never lower case.
      if (starts === YES || (starts === IF_LOWER_NEXT && isLower(text.charCodeAt(i + 1)))) s = 0;
      s = next[s + (code >> 2)] as number;
      if (s < 0) hit = true;
    }
    prev = kind;
  }
  if (hit) fn(start, length, line);
}

/**
 * `forEachLineMayHold` over a file's UTF-8 bytes, with byte offsets: the
 * scan decodes only the lines it calls back for. A byte of 128 or more (part
 * of a character beyond ASCII) passes its line, as such a character does in
 * text, and line breaks are the same bytes, so both find the same lines. A
 * loop of its own: a reader shared by text and bytes slowed both.
 */
export function forEachLineMayHoldBytes(
  filter: LiteralFilter,
  bytes: Uint8Array,
  marker: Uint8Array,
  fn: (start: number, end: number, line: number) => void,
): void {
  const { next } = filter;
  const first = marker[0];
  const length = bytes.length;
  let s = 0;
  let prev = OTHER;
  let start = 0;
  let line = 0;
  let hit = false;
  for (let i = 0; i < length; i++) {
    const c = bytes[i] as number;
    if (c === 10 || c === 13) {
      if (hit) fn(start, i, line);
      if (c === 13 && bytes[i + 1] === 10) i++;
      line++;
      start = i + 1;
      hit = false;
      prev = OTHER;
      continue;
    }
    if (hit) continue;
    if (c >= 128 || (c === first && startsWithAt(bytes, marker, i))) {
      hit = true;
      continue;
    }
    const code = CODE_OF[c] as number;
    const kind = code & 3;
    if (kind !== OTHER) {
      const starts = STARTS[(prev << 2) | kind];
      if (starts === YES || (starts === IF_LOWER_NEXT && isLower(bytes[i + 1] as number))) s = 0;
      s = next[s + (code >> 2)] as number;
      if (s < 0) hit = true;
    }
    prev = kind;
  }
  if (hit) fn(start, length, line);
}

function startsWithAt(bytes: Uint8Array, marker: Uint8Array, at: number): boolean {
  if (at + marker.length > bytes.length) return false;
  for (let j = 1; j < marker.length; j++) if (bytes[at + j] !== marker[j]) return false;
  return true;
}
