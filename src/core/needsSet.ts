/**
 * All needs files of a tree. A needs file applies to its own folder and below
 * (like `.editorconfig`), with paths relative to that folder; for an id named
 * in code the nearest file that knows it wins.
 */
import { findAnnotations } from './annotations';
import type { NeedsIndex, UnknownAnnotation } from './match';
import { LineSeen, forEachLine, keywordMatches } from './match';
import type { Link, Need } from './model';

export interface Scope {
  /** The needs file, relative to the root, `/`-separated. */
  readonly needsFile: string;
  /** The folder it applies to ('' for the root). */
  readonly dir: string;
  readonly index: NeedsIndex;
}

/** A link with the need it names and the needs file that defines it. */
export interface ScopedLink extends Link {
  readonly need: Need;
  readonly needsFile: string;
}

/** Needs files under `.github/` or `docs/` speak for the folder above. */
export function scopeDir(needsFile: string): string {
  const parts = needsFile.split('/');
  parts.pop();
  const last = parts[parts.length - 1];
  if (last === '.github' || last === 'docs') parts.pop();
  return parts.join('/');
}

export class NeedsSet {
  /** Deepest folder first, so the nearest needs file is asked first. */
  readonly scopes: readonly Scope[];

  constructor(scopes: readonly Scope[]) {
    this.scopes = [...scopes].sort(
      (a, b) => depth(b.dir) - depth(a.dir) || a.needsFile.localeCompare(b.needsFile),
    );
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
    const out: ScopedLink[] = [];
    for (const { scope, local } of this.scopesFor(path)) {
      // Built here, not copied from the core's links: a file in a big needs
      // file's folder has dozens of path links, and a scan makes them for
      // every file.
      for (const { owner, glob } of scope.index.paths.match(local)) {
        out.push({
          needId: owner.id,
          rule: 'path',
          match: glob,
          need: owner,
          needsFile: scope.needsFile,
        });
      }
    }
    return out;
  }

  /** Keyword and annotation links of one line of `path` (0-based `line`). */
  lineLinks(path: string, text: string, line: number, unknown?: UnknownAnnotation[]): ScopedLink[] {
    const out: ScopedLink[] = [];
    this.addLineLinks(out, this.scopesFor(path), path, text, line, unknown);
    return out;
  }

  /** Every link of a file: path links first, then line links in order. */
  fileLinks(path: string, text: string, unknown?: UnknownAnnotation[]): ScopedLink[] {
    const out = this.pathLinks(path);
    // Once per file, not once per line.
    const scopes = this.scopesFor(path);
    if (scopes.length === 0) return out;
    forEachLine(text, (line, n) => this.addLineLinks(out, scopes, path, line, n, unknown));
    return out;
  }

  /** Appends the links of one line to `out`; `scopes` is `scopesFor(path)`. */
  private addLineLinks(
    out: ScopedLink[],
    scopes: readonly { scope: Scope }[],
    path: string,
    text: string,
    line: number,
    unknown: UnknownAnnotation[] | undefined,
  ): void {
    if (text.includes('@need')) {
      for (const a of findAnnotations(text)) {
        const found = this.findNeed(a.id, path);
        if (!found) {
          if (!this.isInvalid(a.id, scopes))
            unknown?.push({ id: a.id, line, start: a.start, end: a.end });
        } else if (found.need.status !== 'retired') {
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
    for (const { scope } of scopes) {
      // One keyword link per need and keyword on a line, within each needs file.
      const from = out.length;
      let seen: LineSeen | undefined;
      keywordMatches(scope.index, text, (need, start, end, match) => {
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
      });
    }
  }
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}
