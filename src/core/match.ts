/**
 * Relating code to the needs of one needs file. `buildIndex` runs once per
 * load; after that a line costs a few map look-ups per token, the same for 10
 * needs as for 10,000. Nothing from the needs file becomes a regular expression.
 */
import { findAnnotations } from './annotations';
import { PathMatcher } from './globs';
import type { Link, Need, NeedsFile } from './model';
import { keywordPattern, tokenize } from './tokens';
import type { Token } from './tokens';

interface KeywordEntry {
  readonly need: Need;
  /** The keyword as written in the needs file: shown as the reason. */
  readonly keyword: string;
  readonly tokens: readonly string[];
  readonly prefix: boolean;
}

export interface NeedsIndex {
  readonly file: NeedsFile;
  /** Every need by id, retired ones included (an annotation may name them). */
  readonly byId: ReadonlyMap<string, Need>;
  readonly paths: PathMatcher<Need>;
  /** First token -> one-token keywords, and `a b*` ones (exact first token). */
  readonly exact: ReadonlyMap<string, readonly KeywordEntry[]>;
  /**
   * First token -> second token -> phrases of two or more words. Keyed on two
   * tokens because many phrases share a first word ("saved", "fast"): a line
   * with "saved" must not try every "saved ..." phrase of 10,000 needs.
   */
  readonly phrases: ReadonlyMap<string, ReadonlyMap<string, readonly KeywordEntry[]>>;
  /** Prefix -> one-token `word*` keywords. */
  readonly prefixes: ReadonlyMap<string, readonly KeywordEntry[]>;
  /** The distinct prefix lengths, so a token is sliced only where a prefix may be. */
  readonly prefixLengths: readonly number[];
}

/** Indexes a loaded needs file. Retired needs never match, so they are left out. */
export function buildIndex(file: NeedsFile): NeedsIndex {
  const exact = new Map<string, KeywordEntry[]>();
  const phrases = new Map<string, Map<string, KeywordEntry[]>>();
  const prefixes = new Map<string, KeywordEntry[]>();
  const paths = new PathMatcher<Need>();
  const byId = new Map<string, Need>();
  for (const need of file.needs) {
    byId.set(need.id, need);
    if (need.status === 'retired') continue;
    paths.add(
      need,
      need.paths.map((p) => p.value),
    );
    for (const k of need.keywords) {
      const pattern = keywordPattern(k.value);
      if (!pattern) continue;
      const entry: KeywordEntry = { need, keyword: k.value, ...pattern };
      const n = pattern.tokens.length;
      const first = pattern.tokens[0] ?? '';
      if (n === 1) push(pattern.prefix ? prefixes : exact, first, entry);
      // The second token of `a b*` is a prefix: it cannot be a map key.
      else if (n === 2 && pattern.prefix) push(exact, first, entry);
      else {
        let second = phrases.get(first);
        if (!second) phrases.set(first, (second = new Map()));
        push(second, pattern.tokens[1] ?? '', entry);
      }
    }
  }
  const prefixLengths = [...new Set([...prefixes.keys()].map((k) => k.length))].sort(
    (a, b) => a - b,
  );
  return { file, byId, paths, exact, phrases, prefixes, prefixLengths };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Whole-file links: the needs whose `match.paths` include `path` (relative to the needs file). */
export function pathLinks(index: NeedsIndex, path: string): Link[] {
  return index.paths
    .match(path)
    .map(({ owner, glob }) => ({ needId: owner.id, rule: 'path', match: glob }));
}

/** An annotation naming an id the needs file does not know: an error in code. */
export interface UnknownAnnotation {
  readonly id: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Keyword and annotation links on one line (0-based `line`). At most one link
 * per need, rule and keyword on a line: the first occurrence.
 */
export function lineLinks(
  index: NeedsIndex,
  text: string,
  line: number,
  options: { annotations?: boolean; unknown?: UnknownAnnotation[] } = {},
): Link[] {
  const links: Link[] = [];
  const seen = new Set<string>();
  const add = (link: Link): void => {
    const key = `${link.needId}\u0000${link.rule}\u0000${link.match}`;
    if (seen.has(key)) return;
    seen.add(key);
    links.push(link);
  };
  for (const a of options.annotations === false ? [] : findAnnotations(text)) {
    const need = index.byId.get(a.id);
    if (need && need.status !== 'retired')
      add({ needId: a.id, rule: 'annotation', line, start: a.start, end: a.end, match: a.id });
    else if (!need) options.unknown?.push({ id: a.id, line, start: a.start, end: a.end });
  }
  if (index.exact.size === 0 && index.phrases.size === 0 && index.prefixes.size === 0) return links;
  const tokens = tokenize(text);
  const phrasesAt = (entries: readonly KeywordEntry[] | undefined, i: number): void => {
    if (!entries) return;
    const token = tokens[i] as Token;
    for (const entry of entries) {
      const end = phraseEnd(tokens, i, entry);
      if (end !== undefined) {
        add({
          needId: entry.need.id,
          rule: 'keyword',
          line,
          start: token.start,
          end,
          match: entry.keyword,
        });
      }
    }
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    phrasesAt(index.exact.get(token.text), i);
    const next = tokens[i + 1];
    if (next) phrasesAt(index.phrases.get(token.text)?.get(next.text), i);
    for (const len of index.prefixLengths) {
      if (len > token.text.length) break;
      for (const entry of index.prefixes.get(token.text.slice(0, len)) ?? []) {
        add({
          needId: entry.need.id,
          rule: 'keyword',
          line,
          start: token.start,
          end: token.end,
          match: entry.keyword,
        });
      }
    }
  }
  return links;
}

/** End offset of the phrase `entry` starting at token `i`, if it matches there. */
function phraseEnd(tokens: readonly Token[], i: number, entry: KeywordEntry): number | undefined {
  const n = entry.tokens.length;
  if (i + n > tokens.length) return undefined;
  for (let j = 1; j < n; j++) {
    const want = entry.tokens[j] as string;
    const got = (tokens[i + j] as Token).text;
    const last = j === n - 1;
    if (last && entry.prefix ? !got.startsWith(want) : got !== want) return undefined;
  }
  return (tokens[i + n - 1] as Token).end;
}

/** Every link of a file's text: path links first, then line links in order. */
export function textLinks(
  index: NeedsIndex,
  path: string,
  text: string,
  unknown?: UnknownAnnotation[],
): Link[] {
  const links = pathLinks(index, path);
  forEachLine(text, (line, n) => {
    for (const l of lineLinks(index, line, n, { unknown })) links.push(l);
  });
  return links;
}

/** Calls `fn` for each line without the line break; CRLF and CR are line breaks too. */
export function forEachLine(text: string, fn: (line: string, index: number) => void): void {
  let start = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      fn(text.slice(start, i), n++);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length || n === 0) fn(text.slice(start), n);
}
