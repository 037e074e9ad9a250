/**
 * Relating code to the needs of one needs file. `buildIndex` runs once per
 * load; after that a line costs a few map look-ups per token, the same for 10
 * needs as for 10,000. Nothing from the needs file becomes a regular expression.
 */
import { PathMatcher } from './globs';
import { buildLiteralFilter, mayHoldLiteral, mayHoldLiteralIn } from './literalFilter';
import type { LiteralFilter } from './literalFilter';
import type { Link, LinkRule, Located, Need, NeedsFile } from './model';
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
  /** The file's top-level `exclude` globs, each its own owner; undefined when it has none. */
  readonly excludes: PathMatcher<Located<string>> | undefined;
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
  /** The distinct prefix lengths, so a token is looked up only where a prefix may be. */
  readonly prefixLengths: readonly number[];
  /**
   * Bit sets of hashed first tokens (exact and phrases), of every head of a
   * prefix cut at one of `prefixLengths`, and of the prefixes themselves.
   * Most tokens of a line start no keyword; these turn them away before the
   * maps, which at 10,000 needs are big enough that each look-up misses the
   * cache, and that is what made a line cost more with more needs. A token
   * whose head at some length is not among the heads can match no longer
   * prefix either, so the heads of a token are hashed one character at a
   * time, and no head is cut out unless it may be a prefix.
   */
  readonly firstTokens: Uint8Array;
  readonly prefixHeads: Uint8Array;
  readonly prefixBits: Uint8Array;
  /**
   * Every keyword's first token (a prefix for `word*`), searched in a line
   * before it is tokenized: a line holding none is done in one pass.
   * Undefined when it cannot help; then every line is tokenized.
   */
  readonly literals: LiteralFilter | undefined;
}

/** 2^18 bits, 32 KB each: under a tenth full at 10,000 needs, and cache-resident. */
const FILTER_MASK = (1 << 18) - 1;

const FNV_OFFSET = 0x811c9dc5;

/** One character into an FNV-1a hash: a head's hash grows a character at a time. */
function fnvStep(h: number, c: number): number {
  return Math.imul(h ^ c, 0x01000193);
}

/** An FNV-1a hash to a bit of a filter. */
function bitOf(h: number): number {
  return (h ^ (h >>> 17)) & FILTER_MASK;
}

/** The filter bit of the first `n` characters of `s`. */
function filterBit(s: string, n: number): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < n; i++) h = fnvStep(h, s.charCodeAt(i));
  return bitOf(h);
}

function setBit(bits: Uint8Array, bit: number): void {
  bits[bit >>> 3] = (bits[bit >>> 3] as number) | (1 << (bit & 7));
}

function hasBit(bits: Uint8Array, bit: number): boolean {
  return ((bits[bit >>> 3] as number) & (1 << (bit & 7))) !== 0;
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
  let excludes: PathMatcher<Located<string>> | undefined;
  for (const glob of file.exclude) (excludes ??= new PathMatcher()).add(glob, [glob.value]);
  const prefixLengths = [...new Set([...prefixes.keys()].map((k) => k.length))].sort(
    (a, b) => a - b,
  );
  const firstTokens = new Uint8Array((FILTER_MASK + 1) >>> 3);
  for (const first of [...exact.keys(), ...phrases.keys()])
    setBit(firstTokens, filterBit(first, first.length));
  const prefixHeads = new Uint8Array((FILTER_MASK + 1) >>> 3);
  const prefixBits = new Uint8Array((FILTER_MASK + 1) >>> 3);
  for (const prefix of prefixes.keys()) {
    for (const len of prefixLengths) {
      if (len > prefix.length) break;
      setBit(prefixHeads, filterBit(prefix, len));
    }
    setBit(prefixBits, filterBit(prefix, prefix.length));
  }
  return {
    file,
    byId,
    paths,
    excludes,
    exact,
    phrases,
    prefixes,
    prefixLengths,
    firstTokens,
    prefixHeads,
    prefixBits,
    literals: buildLiteralFilter(firstWords({ exact, phrases, prefixes })),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** An annotation naming an id the needs file does not know: an error in code. */
export interface UnknownAnnotation {
  readonly id: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a line's links already hold a (need, rule, match) triple. Most lines
 * have no link and few more than two, so it compares in the list itself and
 * builds string keys only past a handful: a Set and a key per link on every
 * line were a large share of a scan's time and garbage.
 */
export class LineSeen {
  private keys: Set<string> | undefined;

  /** Watches `links` from index `from` on; the caller pushes after `first` says yes. */
  constructor(
    private readonly links: readonly Link[],
    private readonly from = 0,
  ) {}

  /** True the first time a triple is seen. */
  first(needId: string, rule: LinkRule, match: string): boolean {
    const links = this.links;
    if (this.keys === undefined) {
      for (let i = this.from; i < links.length; i++) {
        const l = links[i] as Link;
        if (l.match === match && l.needId === needId && l.rule === rule) return false;
      }
      // A minified or generated line can link hundreds of needs: stay linear.
      if (links.length - this.from < 16) return true;
      this.keys = new Set();
      for (let i = this.from; i < links.length; i++) {
        const l = links[i] as Link;
        this.keys.add(seenKey(l.needId, l.rule, l.match));
      }
    }
    const key = seenKey(needId, rule, match);
    if (this.keys.has(key)) return false;
    this.keys.add(key);
    return true;
  }
}

function seenKey(needId: string, rule: LinkRule, match: string): string {
  return `${needId}\u0000${rule}\u0000${match}`;
}

/** Called for each keyword occurrence on a line, in order, duplicates included. */
export type KeywordMatch = (need: Need, start: number, end: number, match: string) => void;

/**
 * Every keyword occurrence on one line of text, with the need that owns the
 * keyword. `filtered`: the caller already ran this index's literal filter
 * (`keywordFilter`) over the text and it passed (or holds an annotation,
 * which passes it too), so it is not run a second time.
 */
export function keywordMatches(
  index: NeedsIndex,
  text: string,
  found: KeywordMatch,
  filtered = false,
): void {
  if (index.exact.size === 0 && index.phrases.size === 0 && index.prefixes.size === 0) return;
  if (!filtered && index.literals !== undefined && !mayHoldLiteral(index.literals, text)) return;
  const tokens = tokenize(text);
  const shortest = index.prefixLengths[0] ?? Infinity;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const text = token.text;
    if (hasBit(index.firstTokens, filterBit(text, text.length))) {
      const exact = index.exact.get(text);
      if (exact) phrasesAt(tokens, i, exact, found);
      const next = tokens[i + 1];
      if (next) {
        const phrases = index.phrases.get(text)?.get(next.text);
        if (phrases) phrasesAt(tokens, i, phrases, found);
      }
    }
    if (text.length < shortest) continue;
    let h = FNV_OFFSET;
    let at = 0;
    for (const len of index.prefixLengths) {
      if (len > text.length) break;
      for (; at < len; at++) h = fnvStep(h, text.charCodeAt(at));
      const bit = bitOf(h);
      if (!hasBit(index.prefixHeads, bit)) break;
      if (!hasBit(index.prefixBits, bit)) continue;
      for (const entry of index.prefixes.get(text.slice(0, len)) ?? [])
        found(entry.need, token.start, token.end, entry.keyword);
    }
  }
}

/**
 * Whether `keywordMatches` could find anything in `text` from `start` to
 * `end` (one line): false only when no keyword's first token occurs there.
 * Lets a caller skip a line without cutting it out of the text.
 */
export function mayMatchIn(index: NeedsIndex, text: string, start: number, end: number): boolean {
  if (index.exact.size === 0 && index.phrases.size === 0 && index.prefixes.size === 0) return false;
  return index.literals === undefined || mayHoldLiteralIn(index.literals, text, start, end);
}

/**
 * The filter that passes every line holding a keyword of `index` (and some
 * others); undefined when there is none to apply: no keyword at all, or one
 * the filter cannot judge.
 */
export function keywordFilter(index: NeedsIndex): LiteralFilter | undefined {
  if (index.exact.size === 0 && index.phrases.size === 0 && index.prefixes.size === 0)
    return undefined;
  return index.literals;
}

/**
 * One filter for the keywords of all `indexes`: a file governed by several
 * needs files (a package's and the root's) gets the one-pass search for its
 * candidate lines too. Undefined when some index has a keyword the filter
 * cannot judge, or none has any keyword.
 */
export function keywordFilterOfAll(indexes: readonly NeedsIndex[]): LiteralFilter | undefined {
  const words: string[] = [];
  for (const index of indexes) {
    if (index.exact.size === 0 && index.phrases.size === 0 && index.prefixes.size === 0) continue;
    if (index.literals === undefined) return undefined;
    for (const w of firstWords(index)) words.push(w);
  }
  return words.length === 0 ? undefined : buildLiteralFilter(words);
}

/** What the literal filter searches for: every keyword's first token, or its prefix. */
function firstWords(index: Pick<NeedsIndex, 'exact' | 'phrases' | 'prefixes'>): string[] {
  return [...index.exact.keys(), ...index.phrases.keys(), ...index.prefixes.keys()];
}

function phrasesAt(
  tokens: readonly Token[],
  i: number,
  entries: readonly KeywordEntry[],
  found: KeywordMatch,
): void {
  const start = (tokens[i] as Token).start;
  for (const entry of entries) {
    const end = phraseEnd(tokens, i, entry);
    if (end !== undefined) found(entry.need, start, end, entry.keyword);
  }
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

/** `forEachLine` by offsets: `fn` gets each line's start and end (exclusive, before the break). */
export function forEachLineRange(
  text: string,
  fn: (start: number, end: number, index: number) => void,
): void {
  let start = 0;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      fn(start, i, n++);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  if (start < text.length || n === 0) fn(start, text.length, n);
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
