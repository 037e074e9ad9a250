/**
 * A prefilter for keyword matching: one pass over a line's characters that
 * tells whether some keyword's first token (or prefix) occurs in it, ignoring
 * case, before the line is tokenized. Most lines of most code hold none, and
 * tokenizing them was most of a scan's matching time.
 *
 * It only ever says "maybe" for a line it cannot judge: a keyword token is a
 * lower-cased letter-or-digit run of the line, so for an ASCII line it is a
 * substring of the line lower-cased character by character. Lines with any
 * other character are always tokenized (lower-casing beyond ASCII can change
 * lengths and depends on context), so the filter never changes an answer.
 */

/** Letters and digits: 26 + 10 classes; every other ASCII character resets the search. */
const CLASSES = 36;
const CLASS_OF: Int8Array = ((): Int8Array => {
  const t = new Int8Array(128).fill(-1);
  for (let c = 0; c < 26; c++) {
    t[97 + c] = c;
    t[65 + c] = c;
  }
  for (let d = 0; d < 10; d++) t[48 + d] = 26 + d;
  return t;
})();

/**
 * An Aho-Corasick automaton over the literals, as a complete transition
 * table: `next[state + class]` is the next state's row offset (its number
 * times CLASSES), or -1 when that step ends a literal. One read a character:
 * a big keyword list makes a table of megabytes, and a second lookup (an
 * accepting-state array) or a multiplication per character cost a third of
 * the scan's filtering time.
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
      else if (CLASS_OF[c] === -1 || (c >= 65 && c <= 90)) return undefined;
    }
    if (ascii) words.push(w);
  }
  if (words.length === 0) return undefined;
  let states = 1;
  let trie = new Int32Array(CLASSES * 64).fill(-1);
  let accepts = new Uint8Array(64);
  for (const w of words) {
    let s = 0;
    for (let i = 0; i < w.length; i++) {
      const k = s * CLASSES + (CLASS_OF[w.charCodeAt(i)] as number);
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
  // Breadth first: a state's failure state is shallower, so already complete.
  const delta = trie.subarray(0, states * CLASSES);
  const fail = new Int32Array(states);
  const queue = new Int32Array(states);
  let head = 0;
  let tail = 0;
  for (let c = 0; c < CLASSES; c++) {
    const child = delta[c] as number;
    if (child === -1) delta[c] = 0;
    else queue[tail++] = child;
  }
  while (head < tail) {
    const s = queue[head++] as number;
    const f = fail[s] as number;
    if (accepts[f] === 1) accepts[s] = 1;
    for (let c = 0; c < CLASSES; c++) {
      const child = delta[s * CLASSES + c] as number;
      const viaFail = delta[f * CLASSES + c] as number;
      if (child === -1) delta[s * CLASSES + c] = viaFail;
      else {
        fail[child] = viaFail;
        queue[tail++] = child;
      }
    }
  }
  const next = new Int32Array(delta.length);
  for (let i = 0; i < delta.length; i++) {
    const to = delta[i] as number;
    next[i] = accepts[to] === 1 ? -1 : to * CLASSES;
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
  for (let i = start; i < end; i++) {
    const c = line.charCodeAt(i);
    if (c >= 128) return true;
    const k = CLASS_OF[c] as number;
    if (k === -1) {
      s = 0;
      continue;
    }
    s = next[s + k] as number;
    if (s < 0) return true;
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
      s = 0;
      continue;
    }
    if (hit) continue;
    if (c === first && text.startsWith(marker, i)) hit = true;
    else if (c >= 128) hit = true;
    else {
      const k = CLASS_OF[c] as number;
      if (k === -1) s = 0;
      else {
        s = next[s + k] as number;
        if (s < 0) hit = true;
      }
    }
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
      s = 0;
      continue;
    }
    if (hit) continue;
    if (c === first && startsWithAt(bytes, marker, i)) hit = true;
    else if (c >= 128) hit = true;
    else {
      const k = CLASS_OF[c] as number;
      if (k === -1) s = 0;
      else {
        s = next[s + k] as number;
        if (s < 0) hit = true;
      }
    }
  }
  if (hit) fn(start, length, line);
}

function startsWithAt(bytes: Uint8Array, marker: Uint8Array, at: number): boolean {
  if (at + marker.length > bytes.length) return false;
  for (let j = 1; j < marker.length; j++) if (bytes[at + j] !== marker[j]) return false;
  return true;
}
