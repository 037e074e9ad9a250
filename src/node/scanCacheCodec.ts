/**
 * The scan cache's file layout (see scanCache.ts): each file's outcome
 * encoded as numbers into tables of needs, strings and path lists, and read
 * back only when it holds together, so no damaged entry can change an answer.
 */
import type { UnknownAnnotation } from '../core/match';
import type { Need } from '../core/model';
import type { NeedsSet, ScopedLink } from '../core/needsSet';
import { verified } from './cacheFile';

/** Bumped when the file's layout changes. */
export const FORMAT = 5;

/** One file's outcome as the scan made it. */
export type CachedOutcome =
  | {
      readonly read: true;
      readonly links: readonly ScopedLink[];
      readonly unknown: readonly UnknownAnnotation[];
      readonly retired: readonly UnknownAnnotation[];
    }
  | { readonly read: false; readonly skipped: 'binary' | 'large' };

/**
 * `[size, mtimeMs, encoded outcome]`, as held; the file has a checksum line,
 * a line of tables (format, key, needs, strings, path lists), then one line a
 * file: `[path, size, mtimeMs, encoded outcome]`.
 */
export type Row = [number, number, unknown];

export interface Stored {
  readonly needs: readonly [string, string][];
  readonly strings: readonly string[];
  /** Each distinct list of path links, flat as need, glob: a big tree has hundreds, not a list a file. */
  readonly pathLists: readonly (readonly number[])[];
  readonly rows: ReadonlyMap<string, Row>;
}

const RULES = ['path', 'keyword', 'annotation'] as const;
const SKIPS = ['binary', 'large'] as const;

interface PathListNode {
  readonly next: Map<ScopedLink, PathListNode>;
  /** The list ending here, once written; -1 before. */
  id: number;
}

/** Encodes outcomes into tables, and decodes stored ones against the needs set. */
export class OutcomeCodec {
  private readonly needs = new Map<string, number>();
  private readonly needObjects = new Map<Need, number>();
  private readonly needList: [string, string][] = [];
  private readonly strings = new Map<string, number>();
  private readonly stringList: string[] = [];
  /** Path lists by their links, one step a link: files share the link objects, so no key is built. */
  private readonly pathListTrie: PathListNode = { next: new Map(), id: -1 };
  private readonly pathListList: number[][] = [];
  private readonly pathListIds = new Map<string, number>();
  /** The stored needs resolved in the set (null: the set has no such need). */
  private readonly resolved: ({ need: Need; scope: string } | null)[] = [];
  /** The stored path lists made into links, shared by the files that have them (null: broken). */
  private readonly pathListLinks: (readonly ScopedLink[] | null)[] = [];

  constructor(
    private readonly needsSet: NeedsSet,
    private readonly stored: Stored,
  ) {}

  /** The tables the encoded outcomes refer to, for the file's line of tables. */
  tables(): { needs: [string, string][]; strings: string[]; pathLists: number[][] } {
    return { needs: this.needList, strings: this.stringList, pathLists: this.pathListList };
  }

  private needRef(scope: string, id: string, need: Need): number {
    // Each need object belongs to one needs file: found by it, no key is built a link.
    let n = this.needObjects.get(need);
    if (n !== undefined) return n;
    const k = `${scope}\0${id}`;
    n = this.needs.get(k);
    if (n === undefined) {
      n = this.needList.push([scope, id]) - 1;
      this.needs.set(k, n);
    }
    this.needObjects.set(need, n);
    return n;
  }

  private stringRef(s: string): number {
    let n = this.strings.get(s);
    if (n === undefined) {
      n = this.stringList.push(s) - 1;
      this.strings.set(s, n);
    }
    return n;
  }

  /**
   * A read file: `[links, unknown, retired, path list]`, links flat as rule,
   * need, match, line, start, end. Path links are a reference to a list in
   * the tables: a file in a big needs file's folder has dozens of them, the
   * same as its neighbours', which written a file at a time made most of the
   * cache; made again from the globs, they cost a warm run most of its time.
   */
  encode(outcome: CachedOutcome): unknown {
    if (!outcome.read) return SKIPS.indexOf(outcome.skipped);
    const links: number[] = [];
    let paths = this.pathListTrie;
    for (const l of outcome.links) {
      if (l.rule === 'path') {
        let next = paths.next.get(l);
        if (next === undefined) paths.next.set(l, (next = { next: new Map(), id: -1 }));
        paths = next;
        continue;
      }
      links.push(
        RULES.indexOf(l.rule),
        this.needRef(l.needsFile, l.needId, l.need),
        this.stringRef(l.match),
        l.line ?? -1,
        l.start ?? -1,
        l.end ?? -1,
      );
    }
    const notes = (list: readonly UnknownAnnotation[]): number[] =>
      list.flatMap((u) => [this.stringRef(u.id), u.line, u.start, u.end]);
    if (paths.id < 0) {
      const flat: number[] = [];
      for (const l of outcome.links)
        if (l.rule === 'path')
          flat.push(this.needRef(l.needsFile, l.needId, l.need), this.stringRef(l.match));
      // Lists read from the file are other objects than the set's: one entry by content still.
      const k = flat.join(',');
      paths.id = this.pathListIds.get(k) ?? this.pathListList.push(flat) - 1;
      this.pathListIds.set(k, paths.id);
    }
    return [links, notes(outcome.unknown), notes(outcome.retired), paths.id];
  }

  /** Undefined for anything that does not hold together. */
  decode(value: unknown): CachedOutcome | undefined {
    if (typeof value === 'number') {
      const skipped = SKIPS[value];
      return skipped === undefined ? undefined : { read: false, skipped };
    }
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [flat, u, r, p] = value as unknown[];
    if (!isInts(flat) || flat.length % 6 !== 0) return undefined;
    const paths = typeof p === 'number' ? this.pathListAt(p) : undefined;
    if (paths === undefined) return undefined;
    // Path links first, as the scan makes them.
    const links: ScopedLink[] = [...paths];
    for (let i = 0; i < flat.length; i += 6) {
      const rule = RULES[flat[i] as number];
      const need = this.needAt(flat[i + 1] as number);
      const match = this.stored.strings[flat[i + 2] as number];
      if (rule === undefined || need === undefined || match === undefined) return undefined;
      const line = flat[i + 3] as number;
      const start = flat[i + 4] as number;
      const end = flat[i + 5] as number;
      if (rule === 'path' || line < 0 || start < 0 || end < start) return undefined;
      links.push({
        needId: need.need.id,
        rule,
        line,
        start,
        end,
        match,
        need: need.need,
        needsFile: need.scope,
      });
    }
    const unknown = this.notes(u);
    const retired = this.notes(r);
    if (unknown === undefined || retired === undefined) return undefined;
    return { read: true, links, unknown, retired };
  }

  /** The stored path list `n` as links, made once and shared. */
  private pathListAt(n: number): readonly ScopedLink[] | undefined {
    let found = this.pathListLinks[n];
    if (found === undefined) {
      found = null;
      const flat = this.stored.pathLists[n];
      if (flat !== undefined) {
        const links: ScopedLink[] = [];
        for (let i = 0; i < flat.length; i += 2) {
          const need = this.needAt(flat[i] as number);
          const match = this.stored.strings[flat[i + 1] as number];
          if (need === undefined || match === undefined) break;
          links.push({
            needId: need.need.id,
            rule: 'path',
            match,
            need: need.need,
            needsFile: need.scope,
          });
        }
        if (links.length * 2 === flat.length) found = links;
      }
      if (Number.isInteger(n) && n >= 0) this.pathListLinks[n] = found;
    }
    return found ?? undefined;
  }

  private notes(value: unknown): UnknownAnnotation[] | undefined {
    if (!isInts(value) || value.length % 4 !== 0) return undefined;
    const out: UnknownAnnotation[] = [];
    for (let i = 0; i < value.length; i += 4) {
      const id = this.stored.strings[value[i] as number];
      const line = value[i + 1] as number;
      const start = value[i + 2] as number;
      const end = value[i + 3] as number;
      if (id === undefined || line < 0 || start < 0 || end < start) return undefined;
      out.push({ id, line, start, end });
    }
    return out;
  }

  /** The stored need `n`, found again in the set. */
  private needAt(n: number): { need: Need; scope: string } | undefined {
    let found = this.resolved[n];
    if (found === undefined) {
      const [scope, id] = this.stored.needs[n] ?? [];
      const s = this.needsSet.scopes.find((x) => x.needsFile === scope);
      const need = id === undefined ? undefined : s?.index.byId.get(id);
      found = need === undefined || scope === undefined ? null : { need, scope };
      this.resolved[n] = found;
    }
    return found ?? undefined;
  }
}

function isInts(value: unknown): value is number[] {
  return Array.isArray(value) && value.every((n) => Number.isInteger(n));
}

/** What a cache file's text holds for `key`: empty for a missing, damaged or foreign one. */
export function* stored(text: string | undefined, key: string): Generator<void, Stored> {
  const empty = { needs: [], strings: [], pathLists: [], rows: new Map<string, Row>() };
  if (text === undefined) return empty;
  let json: string;
  let head: Record<string, unknown> | null;
  let at: number;
  try {
    json = verified(text);
  } catch {
    return empty; // damaged
  }
  // The checksum, the tables and their checks: each megabytes' work for a big tree.
  yield;
  try {
    at = json.indexOf('\n');
    head = JSON.parse(at < 0 ? json : json.slice(0, at)) as Record<string, unknown> | null;
  } catch {
    return empty; // not JSON
  }
  yield;
  if (typeof head !== 'object' || head === null) return empty;
  if (head.format !== FORMAT || head.key !== key) return empty;
  const { needs, strings, pathLists } = head;
  if (!Array.isArray(needs) || !Array.isArray(strings) || !Array.isArray(pathLists)) return empty;
  if (!needs.every((n) => Array.isArray(n) && n.length === 2 && n.every(isString))) return empty;
  if (!strings.every(isString)) return empty;
  yield;
  if (!pathLists.every((l) => isInts(l) && l.length % 2 === 0)) return empty;
  yield;
  const rows = new Map<string, Row>();
  // A line a file, parsed one at a time: one parse of megabytes would block an editor.
  while (at >= 0) {
    const from = at + 1;
    at = json.indexOf('\n', from);
    let row: unknown;
    try {
      row = JSON.parse(json.slice(from, at < 0 ? undefined : at));
    } catch {
      return empty;
    }
    if (
      Array.isArray(row) &&
      row.length === 4 &&
      isString(row[0]) &&
      isNumber(row[1]) &&
      isNumber(row[2])
    )
      rows.set(row[0], [row[1], row[2], row[3]]);
    yield;
  }
  return {
    needs: needs as [string, string][],
    strings: strings as string[],
    pathLists: pathLists as number[][],
    rows,
  };
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function isNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}
