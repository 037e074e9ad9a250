/**
 * Typed reads from a `yaml` syntax tree that record a Problem, with the exact
 * span, for every field that is missing or of the wrong type. The loader reads
 * the tree, never `toJS()`, so spans survive and aliases can be counted.
 */
import type { Alias, Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { isAlias, isMap, isScalar, isSeq, visit } from 'yaml';
import type { Problem, Severity, Span } from './model';
import { closestIds } from './similar';

/** Billion-laughs guard: a needs file has no reason to use many aliases. */
export const MAX_ALIASES = 100;

/**
 * The alias at which a full expansion of `doc` would have met more than `limit`
 * aliases, or undefined. A billion-laughs document holds few alias nodes but
 * expands to billions, and the reader only follows the aliases it reads, so the
 * expansion is weighed up front: each anchored node once, a cycle as endless.
 */
export function aliasBomb(doc: Document, limit: number): Alias | undefined {
  const weights = new Map<YamlNode, number>();
  const weigh = (node: YamlNode | undefined): number => {
    if (!node) return 0;
    const known = weights.get(node);
    if (known !== undefined) return known;
    weights.set(node, Infinity);
    let total = 0;
    visit(node, {
      Alias(_, alias) {
        total += 1 + weigh(alias.resolve(doc));
        if (total > limit) return visit.BREAK;
      },
    });
    weights.set(node, total);
    return total;
  };
  let total = 0;
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, alias) {
      total += 1 + weigh(alias.resolve(doc));
      if (total <= limit) return;
      found = alias;
      return visit.BREAK;
    },
  });
  return found;
}

export class YamlReader {
  readonly problems: Problem[] = [];
  private aliases = 0;

  /** Line ranges that YAML syntax errors threw off (see `report`). */
  private readonly damage: { from: number; to: number }[] = [];

  /** Offsets where each line starts. Our own: yaml's LineCounter misses lines inside tokens it could not parse. */
  private readonly lineStarts: number[] = [0];

  constructor(
    private readonly doc: Document,
    private readonly source: string,
  ) {
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1))
      this.lineStarts.push(i + 1);
  }

  span(node: { range?: [number, number, number] | null } | null | undefined): Span {
    const range = node?.range;
    if (!range) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { start: this.position(range[0]), end: this.position(range[1]) };
  }

  spanOfOffsets(start: number, end: number): Span {
    return { start: this.position(start), end: this.position(end) };
  }

  private position(offset: number): Span['start'] {
    const at = Math.max(0, Math.min(offset, this.source.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] as number) <= at) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: at - (this.lineStarts[lo] as number) };
  }

  /**
   * Reports a problem at `span`, unless `extent` (the node it is about, by
   * default `span`) touches lines a YAML syntax error threw off: what the
   * loader finds there is that error again, not news.
   */
  report(severity: Severity, rule: string, message: string, span: Span, extent = span): void {
    if (rule !== 'yaml-syntax' && this.isDamaged(extent)) return;
    this.problems.push({ severity, rule, message, span });
  }

  /** Marks the lines from offset `from` to `to` as thrown off by a syntax error. */
  damaged(from: number, to: number): void {
    this.damage.push({ from: this.position(from).line, to: this.position(to).line });
  }

  private isDamaged(extent: Span): boolean {
    for (const d of this.damage)
      if (extent.start.line <= d.to && extent.end.line >= d.from) return true;
    return false;
  }

  /** Follows an alias, refusing past MAX_ALIASES so expansion stays bounded. */
  deref(node: unknown): YamlNode | null {
    if (!isAlias(node)) return (node as YamlNode | null) ?? null;
    this.aliases++;
    if (this.aliases > MAX_ALIASES) {
      if (this.aliases === MAX_ALIASES + 1) {
        this.report(
          'error',
          'too-many-aliases',
          `More than ${MAX_ALIASES} YAML aliases; refusing to expand them.`,
          this.span(node),
        );
      }
      return null;
    }
    const target = node.resolve(this.doc);
    if (target === undefined) {
      this.report(
        'error',
        'yaml-syntax',
        `Alias *${node.source} refers to no anchor &${node.source}.`,
        this.span(node),
      );
      return null;
    }
    return isAlias(target) ? null : (target as YamlNode);
  }

  /** The pair for `key` in `map`, following aliases in the value. */
  pair(map: YAMLMap, key: string): { pair: Pair; value: YamlNode | null } | undefined {
    for (const pair of map.items) {
      const k = pair.key;
      if (isScalar(k) && k.value === key) return { pair, value: this.deref(pair.value) };
    }
    return undefined;
  }

  /** Keys of `map` that are not in `known`, reported as warnings. */
  unknownKeys(map: YAMLMap, known: readonly string[], where: string): void {
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && !known.includes(key)) {
        const guess = closestIds(key, known, 1)[0];
        const hint =
          guess !== undefined ? `did you mean "${guess}"?` : `known: ${known.join(', ')}.`;
        this.report(
          'warning',
          'unknown-field',
          `Unknown field "${key}" in ${where}; ${hint}`,
          this.span(pair.key as YamlNode),
        );
      }
    }
  }

  /** A text field. Numbers and booleans are a wrong type: quote them. */
  string(
    map: YAMLMap,
    key: string,
    where: string,
    required = false,
  ): { value: string; span: Span } | undefined {
    const node = this.stringNode(map, key, where, required);
    return node ? { value: node.value as string, span: this.span(node) } : undefined;
  }

  /**
   * `string` without the span, for fields whose place nobody asks for: a
   * span is three objects, and a big needs file has tens of thousands of
   * such fields (loading is mostly garbage collection).
   */
  text(map: YAMLMap, key: string, where: string, required = false): string | undefined {
    return this.stringNode(map, key, where, required)?.value as string | undefined;
  }

  /** The node of a text field (see `string`), for a span taken only when a problem needs it. */
  stringNode(map: YAMLMap, key: string, where: string, required = false): Scalar | undefined {
    const found = this.pair(map, key);
    if (!found || isNull(found.value)) {
      if (required) this.missing(map, key, where);
      return undefined;
    }
    const node = found.value;
    if (isScalar(node) && typeof node.value === 'string') {
      if (required && node.value.trim() === '') {
        this.report('error', 'missing-field', `"${key}" of ${where} is empty.`, this.span(node));
        return undefined;
      }
      return node;
    }
    this.wrongType(
      node,
      key,
      where,
      'text (put it in quotes if it looks like a number, a date or true/false)',
    );
    return undefined;
  }

  list(map: YAMLMap, key: string, where: string, required = false): YAMLSeq | undefined {
    const found = this.pair(map, key);
    if (!found || isNull(found.value)) {
      if (required) this.missing(map, key, where);
      return undefined;
    }
    if (isSeq(found.value)) return found.value;
    this.wrongType(found.value, key, where, 'a list');
    return undefined;
  }

  map(map: YAMLMap, key: string, where: string): YAMLMap | undefined {
    const found = this.pair(map, key);
    if (!found || isNull(found.value)) return undefined;
    if (isMap(found.value)) return found.value;
    this.wrongType(found.value, key, where, 'a mapping of keys to values');
    return undefined;
  }

  /** A list of texts, each with its span; wrong entries are reported and skipped. */
  strings(map: YAMLMap, key: string, where: string): { value: string; span: Span }[] {
    return this.stringNodes(map, key, where).map((item) => ({
      value: item.value as string,
      span: this.span(item),
    }));
  }

  /** `strings` without the spans (see `text`). */
  texts(map: YAMLMap, key: string, where: string): string[] {
    return this.stringNodes(map, key, where).map((item) => item.value as string);
  }

  private stringNodes(map: YAMLMap, key: string, where: string): Scalar[] {
    const seq = this.list(map, key, where);
    if (!seq) return [];
    const out: Scalar[] = [];
    for (const raw of seq.items) {
      const item = this.deref(raw);
      if (isScalar(item) && typeof item.value === 'string') out.push(item);
      else this.wrongType(item, `an entry of "${key}"`, where, 'text', true);
    }
    return out;
  }

  missing(map: YAMLMap, key: string, where: string): void {
    // Point at the start of the mapping that lacks the key.
    const range = map.range;
    const span = range ? this.spanOfOffsets(range[0], range[0]) : this.span(undefined);
    // The key may be in the mapping, on a line a syntax error threw off.
    this.report(
      'error',
      'missing-field',
      `Missing required field "${key}" in ${where}.`,
      span,
      this.span(map),
    );
  }

  wrongType(
    node: YamlNode | null,
    key: string,
    where: string,
    expected: string,
    keyIsPhrase = false,
  ): void {
    const name = keyIsPhrase ? key : `"${key}"`;
    this.report(
      'error',
      'wrong-type',
      `${name} in ${where} must be ${expected}, not ${describe(node)}.`,
      this.span(node),
    );
  }
}

function isNull(node: YamlNode | null): boolean {
  return node === null || (isScalar(node) && node.value === null);
}

function describe(node: YamlNode | null): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'number') return 'a number';
    if (typeof v === 'boolean') return 'true/false';
    if (v === null) return 'empty';
    return 'text';
  }
  return 'nothing';
}
