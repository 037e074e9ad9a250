/**
 * All needs files of a tree. A needs file applies to its own folder and below
 * (like `.editorconfig`), with paths relative to that folder; for an id named
 * in code the nearest file that knows it wins.
 */
import { findAnnotations } from './annotations';
import type { NeedsIndex, UnknownAnnotation } from './match';
import { forEachLine, lineLinks, pathLinks } from './match';
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

  /** Whole-file links of `path`. */
  pathLinks(path: string): ScopedLink[] {
    const out: ScopedLink[] = [];
    for (const { scope, local } of this.scopesFor(path)) {
      for (const link of pathLinks(scope.index, local)) out.push(scoped(link, scope));
    }
    return out;
  }

  /** Keyword and annotation links of one line of `path` (0-based `line`). */
  lineLinks(path: string, text: string, line: number, unknown?: UnknownAnnotation[]): ScopedLink[] {
    const scopes = this.scopesFor(path);
    const out: ScopedLink[] = [];
    if (text.includes('@need')) {
      for (const a of findAnnotations(text)) {
        const found = this.findNeed(a.id, path);
        if (!found) unknown?.push({ id: a.id, line, start: a.start, end: a.end });
        else if (found.need.status !== 'retired') {
          out.push(
            scoped(
              { needId: a.id, rule: 'annotation', line, start: a.start, end: a.end, match: a.id },
              found.scope,
            ),
          );
        }
      }
    }
    for (const { scope } of scopes) {
      for (const link of lineLinks(scope.index, text, line, { annotations: false }))
        out.push(scoped(link, scope));
    }
    return out;
  }

  /** Every link of a file: path links first, then line links in order. */
  fileLinks(path: string, text: string, unknown?: UnknownAnnotation[]): ScopedLink[] {
    const out = this.pathLinks(path);
    if (this.scopesFor(path).length === 0) return out;
    forEachLine(text, (line, n) => {
      for (const l of this.lineLinks(path, line, n, unknown)) out.push(l);
    });
    return out;
  }
}

function scoped(link: Link, scope: Scope): ScopedLink {
  const need = scope.index.byId.get(link.needId) as Need;
  return { ...link, need, needsFile: scope.needsFile };
}

function depth(dir: string): number {
  return dir === '' ? 0 : dir.split('/').length;
}
