/**
 * All needs files of a tree. A needs file applies to its own folder and below
 * (like `.editorconfig`), with paths relative to that folder; for an id named
 * in code the nearest file that knows it wins.
 */
import { findAnnotations } from './annotations';
import { GENERATED_BEGIN, withoutGeneratedText } from './generatedText';
import type { UnknownAnnotation } from './match';
import { forEachLineMayHold, forEachLineMayHoldBytes } from './literalFilter';
import {
  LineSeen,
  forEachLineRange,
  keywordFilter,
  keywordFilterOfAll,
  keywordMatches,
  mayMatchIn,
} from './match';
import type { LiteralFilter } from './literalFilter';
import type { Link, Need } from './model';
import { depth, exclusionOf } from './scopes';
import type { Exclusion, Scope } from './scopes';

/**
 * A file's UTF-8 bytes, with the platform's own decoding (Node's Buffer):
 * `decode` of a range gives what decoding the whole file gives for it, since
 * line breaks never fall inside a character.
 */
export interface ByteSource {
  readonly bytes: Uint8Array;
  /** The text of bytes `start` to `end`. */
  decode(start: number, end: number): string;
  /** Whether the bytes hold `ascii` (an ASCII string). */
  includes(ascii: string): boolean;
}

const NEED_MARKER = new TextEncoder().encode('@need');

/** 4 million entries, 16 MB: a 2,000-need file's filter is about a million, so three joins of such a root file with a package's, many more of smaller files. */
const JOINED_FILTER_ENTRIES = 4_000_000;

/** A link with the need it names and the needs file that defines it. */
export interface ScopedLink extends Link {
  readonly need: Need;
  readonly needsFile: string;
}

/** A scope that governs a path, with the path's links by path and the needs its `!` globs exclude the path from. */
interface Governing {
  readonly scope: Scope;
  readonly included: readonly { owner: Need; glob: string }[];
  /** Undefined when none: most needs have no `!` glob. */
  readonly excluded?: ReadonlySet<Need>;
}

/** What the link methods need to know of a path: nothing governs an excluded one. */
interface About {
  readonly path: string;
  readonly excluded: boolean;
  readonly governing: readonly Governing[];
}

export class NeedsSet {
  /** Deepest folder first, so the nearest needs file is asked first. */
  readonly scopes: readonly Scope[];

  /** The scopes with an `exclude` list: none in most trees, and then nothing is asked. */
  private readonly excluding: readonly Scope[];
  /** The last path the link methods were asked about, with what they need of it. */
  private last: About | undefined;
  /**
   * Each including glob's path link, made once: a file in a big needs file's
   * folder has dozens of path links, the same for every file of the folder,
   * and a scan of a big tree made hundreds of thousands of them. Links are
   * read-only, so files share them.
   */
  private readonly pathLinkOf = new WeakMap<object, ScopedLink>();
  private readonly pathLinksFor = new WeakMap<object, readonly ScopedLink[]>();
  /** The keyword filter of each list of governing needs files, by their paths (null: none helps). */
  private readonly filterOf = new Map<string, LiteralFilter | null>();
  /** Table entries the joined filters may still take. */
  private joinedRoom: number;

  /**
   * `joinedFilterEntries` bounds the filters joined for files governed by
   * several needs files: each is as big as its parts (megabytes for
   * thousands of needs), and a monorepo of many packages under a big root
   * file would make one per package. Past it such files are filtered line
   * by line, as slowly and as correctly as before.
   */
  constructor(scopes: readonly Scope[], options: { joinedFilterEntries?: number } = {}) {
    this.scopes = [...scopes].sort(
      (a, b) => depth(b.dir) - depth(a.dir) || a.needsFile.localeCompare(b.needsFile),
    );
    this.excluding = this.scopes.filter((s) => s.index.excludes !== undefined);
    this.joinedRoom = options.joinedFilterEntries ?? JOINED_FILTER_ENTRIES;
  }

  /**
   * Whether `path` is left out of every needs file, and by which glob: one of
   * the needs files that govern it excludes it. Every link method answers
   * nothing for such a path; the scan, the checklist, `explain` and the
   * editor all ask here.
   */
  excludedBy(path: string): Exclusion | undefined {
    if (this.excluding.length === 0) return undefined;
    return exclusionOf(this.excluding, path);
  }

  /** The scopes that govern `path`, nearest first, each with `path` relative to it. */
  scopesFor(path: string): { scope: Scope; local: string }[] {
    const out: { scope: Scope; local: string }[] = [];
    for (const scope of this.scopes) {
      if (scope.dir === '') out.push({ scope, local: path });
      else if (path.startsWith(scope.dir + '/'))
        out.push({ scope, local: path.slice(scope.dir.length + 1) });
    }
    return out;
  }

  /** The need `id` as seen from `path`: the nearest needs file that defines it. */
  findNeed(id: string, path = ''): { need: Need; scope: Scope } | undefined {
    for (const { scope } of this.scopesFor(path)) {
      const need = scope.index.byId.get(id);
      if (need) return { need, scope };
    }
    return undefined;
  }

  /**
   * Whether a needs file governing the path names `id` for a need it could
   * not read: a known id, whose own problems are reported in that file.
   */
  private isInvalid(id: string, scopes: readonly { scope: Scope }[]): boolean {
    return scopes.some(({ scope }) => scope.index.file.invalidIds?.has(id) === true);
  }

  /** Whole-file links of `path`. */
  pathLinks(path: string): ScopedLink[] {
    return this.pathLinksOf(this.about(path).governing);
  }

  /**
   * Keyword and annotation links of one line of `path` (0-based `line`).
   * `unknown` collects annotations of ids no needs file defines, `retired`
   * those of retired needs (which link nothing).
   */
  lineLinks(
    path: string,
    text: string,
    line: number,
    unknown?: UnknownAnnotation[],
    retired?: UnknownAnnotation[],
  ): ScopedLink[] {
    const out: ScopedLink[] = [];
    const { excluded, governing } = this.about(path);
    if (!excluded) this.addLineLinks(out, governing, path, text, line, unknown, retired);
    return out;
  }

  /** Every link of a file: path links first, then line links in order; `unknown` and `retired` as for lineLinks. */
  fileLinks(
    path: string,
    text: string,
    unknown?: UnknownAnnotation[],
    retired?: UnknownAnnotation[],
  ): ScopedLink[] {
    // Once per file, not once per line.
    const { governing } = this.about(path);
    const out = this.pathLinksOf(governing);
    if (governing.length === 0) return out;
    // What `outside-in instructions` wrote repeats every keyword: never matched.
    const code = withoutGeneratedText(path, text);
    // Most lines hold no annotation and no keyword's first token: they are
    // passed over without being cut out of the text or tokenized.
    const filter = this.filterFor(governing);
    if (filter !== undefined) {
      // With several needs files each still filters for its own keywords, on the candidate lines.
      const filtered = governing.length === 1;
      forEachLineMayHold(filter, code, '@need', (start, end, n) =>
        this.addLineLinks(
          out,
          governing,
          path,
          code.slice(start, end),
          n,
          unknown,
          retired,
          filtered,
        ),
      );
      return out;
    }
    let annotation = code.indexOf('@need');
    forEachLineRange(code, (start, end, n) => {
      const annotated = annotation >= 0 && annotation < end;
      if (annotated) annotation = code.indexOf('@need', end);
      if (annotated || governing.some((g) => mayMatchIn(g.scope.index, code, start, end)))
        this.addLineLinks(out, governing, path, code.slice(start, end), n, unknown, retired);
    });
    return out;
  }

  /**
   * `fileLinks` of a file's UTF-8 bytes: only the lines that may hold a link
   * are decoded, and most of a big tree's text never becomes a string. Falls
   * back to the text when the file may hold generated text (which is blanked
   * as text) or its needs cannot be prefiltered.
   */
  fileLinksOfBytes(
    path: string,
    source: ByteSource,
    unknown?: UnknownAnnotation[],
    retired?: UnknownAnnotation[],
  ): ScopedLink[] {
    const { governing } = this.about(path);
    const filter = this.filterFor(governing);
    if (filter === undefined || source.includes(GENERATED_BEGIN))
      return this.fileLinks(path, source.decode(0, source.bytes.length), unknown, retired);
    const out = this.pathLinksOf(governing);
    const filtered = governing.length === 1;
    forEachLineMayHoldBytes(filter, source.bytes, NEED_MARKER, (start, end, n) =>
      this.addLineLinks(
        out,
        governing,
        path,
        source.decode(start, end),
        n,
        unknown,
        retired,
        filtered,
      ),
    );
    return out;
  }

  /** One filter for the keywords of every needs file that governs a path, made once per list of them. */
  private filterFor(governing: readonly Governing[]): LiteralFilter | undefined {
    if (governing.length === 1) return keywordFilter((governing[0] as Governing).scope.index);
    if (governing.length === 0) return undefined;
    const key = governing.map((g) => g.scope.needsFile).join('\0');
    let found = this.filterOf.get(key);
    if (found === undefined) {
      const parts = governing.reduce((n, g) => n + (g.scope.index.literals?.next.length ?? 0), 0);
      found =
        parts > this.joinedRoom
          ? null
          : (keywordFilterOfAll(governing.map((g) => g.scope.index)) ?? null);
      this.joinedRoom -= found?.next.length ?? 0;
      this.filterOf.set(key, found);
    }
    return found ?? undefined;
  }

  /**
   * What the link methods need to know of `path`: nothing governs an excluded
   * path. The last answer is kept, since the checklist and the hover ask line
   * by line about one file, and the scopes never change.
   */
  private about(path: string): About {
    const last = this.last;
    if (last !== undefined && last.path === path) return last;
    const excluded = this.excludedBy(path) !== undefined;
    const governing = excluded
      ? []
      : this.scopesFor(path).map(({ scope, local }) => ({
          scope,
          ...scope.index.paths.classify(local),
        }));
    this.last = { path, excluded, governing };
    return this.last;
  }

  private pathLinksOf(governing: readonly Governing[]): ScopedLink[] {
    const out: ScopedLink[] = [];
    for (const { scope, included } of governing) {
      // Files of one folder mostly share one `included` list: one list of links for them all.
      let links = this.pathLinksFor.get(included);
      if (links === undefined) {
        links = included.map((rule) => this.pathLink(scope, rule));
        this.pathLinksFor.set(included, links);
      }
      for (const link of links) out.push(link);
    }
    return out;
  }

  /** The path link of one including glob; keyed on its rule, which belongs to one needs file's matcher. */
  private pathLink(scope: Scope, rule: { owner: Need; glob: string }): ScopedLink {
    let link = this.pathLinkOf.get(rule);
    if (link === undefined) {
      link = {
        needId: rule.owner.id,
        rule: 'path',
        match: rule.glob,
        need: rule.owner,
        needsFile: scope.needsFile,
      };
      this.pathLinkOf.set(rule, link);
    }
    return link;
  }

  /** Appends the links of one line to `out`; `scopes` is what governs `path`. */
  private addLineLinks(
    out: ScopedLink[],
    scopes: readonly Governing[],
    path: string,
    text: string,
    line: number,
    unknown: UnknownAnnotation[] | undefined,
    retired?: UnknownAnnotation[],
    /** The one governing scope's keyword filter passed the line already (or its `@need` did). */
    filtered = false,
  ): void {
    if (text.includes('@need')) {
      for (const a of findAnnotations(text)) {
        const found = this.findNeed(a.id, path);
        if (!found) {
          if (!this.isInvalid(a.id, scopes))
            unknown?.push({ id: a.id, line, start: a.start, end: a.end });
        } else if (found.need.status === 'retired') {
          retired?.push({ id: a.id, line, start: a.start, end: a.end });
        } else {
          out.push({
            needId: a.id,
            rule: 'annotation',
            line,
            start: a.start,
            end: a.end,
            match: a.id,
            need: found.need,
            needsFile: found.scope.needsFile,
          });
        }
      }
    }
    for (const { scope, excluded } of scopes) {
      // One keyword link per need and keyword on a line, within each needs file.
      const from = out.length;
      let seen: LineSeen | undefined;
      keywordMatches(
        scope.index,
        text,
        (need, start, end, match) => {
          if (excluded?.has(need)) return;
          if (!(seen ??= new LineSeen(out, from)).first(need.id, 'keyword', match)) return;
          out.push({
            needId: need.id,
            rule: 'keyword',
            line,
            start,
            end,
            match,
            need,
            needsFile: scope.needsFile,
          });
        },
        filtered,
      );
    }
  }
}
