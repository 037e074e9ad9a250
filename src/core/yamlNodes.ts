/**
 * The nodes of a parsed YAML document that its errors point back to: where
 * an unclosed quote or bracket opened, where a duplicate key first stands.
 */
import type { Document, YAMLError } from 'yaml';
import { isMap, isPair, isScalar, isSeq } from 'yaml';

/**
 * The nodes some errors point back to, found in one walk of the tree (no
 * recursion: a hostile file nests thousands deep).
 */
export class Nodes {
  private readonly quotes = new Map<number, number>();
  private readonly flows = new Map<string, number>();
  private readonly duplicates = new Map<number, { name?: string; first: number; end: number }>();

  constructor(doc: Document, groups: ReadonlyMap<number, readonly YAMLError[]>) {
    const dupAt = new Set<number>();
    let wanted = false;
    for (const [at, group] of groups) {
      for (const e of group) {
        if (e.code === 'DUPLICATE_KEY') dupAt.add(at);
        if (e.code === 'DUPLICATE_KEY' || e.code === 'MISSING_CHAR' || e.code === 'BAD_INDENT')
          wanted = true;
      }
    }
    if (wanted) this.walk(doc.contents, dupAt);
  }

  /** Start of the quoted text that the parser found ending (unclosed) at `at`. */
  quoteEndingAt(at: number): number | undefined {
    return this.quotes.get(at);
  }

  /** Start of the `[` (or `{`) collection that the parser found ending (unclosed) at `at`. */
  flowEndingAt(at: number, seq: boolean): number | undefined {
    return this.flows.get(`${seq ? '[' : '{'}${at}`);
  }

  /** The key found twice at `at`: its name, where it first stands, where this one ends. */
  duplicateAt(at: number): { name?: string; first: number; end: number } | undefined {
    return this.duplicates.get(at);
  }

  private walk(root: unknown, dupAt: ReadonlySet<number>): void {
    const stack: unknown[] = [root];
    while (stack.length > 0) {
      const node = stack.pop();
      if (isScalar(node)) {
        const r = node.range;
        if (r && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE'))
          this.quotes.set(r[1], r[0]);
      } else if (isMap(node) || isSeq(node)) {
        const r = node.range;
        if (r && node.flow) {
          const key = `${isSeq(node) ? '[' : '{'}${r[1]}`;
          if (!this.flows.has(key)) this.flows.set(key, r[0]);
        }
        if (isMap(node) && dupAt.size > 0) this.duplicatesIn(node.items, dupAt);
        for (const item of node.items) {
          if (isPair(item)) stack.push(item.value, item.key);
          else stack.push(item);
        }
      }
    }
  }

  private duplicatesIn(pairs: readonly unknown[], dupAt: ReadonlySet<number>): void {
    pairs.forEach((pair, i) => {
      if (!isPair(pair) || !isScalar(pair.key)) return;
      const r = pair.key.range;
      if (!r || !dupAt.has(r[0])) return;
      const value = pair.key.value;
      const first = pairs
        .slice(0, i)
        .find((p) => isPair(p) && isScalar(p.key) && p.key.value === value);
      const firstRange = isPair(first) && isScalar(first.key) ? first.key.range : undefined;
      if (!firstRange) return;
      this.duplicates.set(r[0], { name: String(value), first: firstRange[0], end: r[1] });
    });
  }
}
