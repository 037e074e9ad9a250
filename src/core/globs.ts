/**
 * Gitignore-style path globs (docs/needs-file.md): `!` excludes, later patterns win, a
 * pattern without a slash matches at any depth, a pattern naming a folder
 * matches everything below it. Patterns are bucketed by their literal folder
 * prefix, so testing a path costs little however many needs a file holds.
 */
import { globMatcher } from './globMatch';

interface Rule<K> {
  readonly owner: K;
  /** Position in the owner's list: the last matching rule decides. */
  readonly order: number;
  readonly negated: boolean;
  readonly glob: string;
  readonly test: (path: string) => boolean;
  /** Text every matching path contains: a cheap reject before `test`. */
  readonly needle: string;
}

const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** Matches paths (relative, `/`-separated) against the globs of many owners. */
export class PathMatcher<K> {
  /** Literal folder prefix ('' for none) -> rules under it. */
  private readonly buckets = new Map<string, Rule<K>[]>();
  private readonly rules: Rule<K>[] = [];

  /** Adds `owner`'s globs, in its own order. */
  add(owner: K, globs: readonly string[]): void {
    globs.forEach((raw, order) => {
      const compiled = compileGlob(raw);
      if (!compiled) return;
      const rule: Rule<K> = {
        owner,
        order,
        negated: compiled.negated,
        glob: raw,
        test: compiled.test,
        needle: compiled.needle,
      };
      this.rules.push(rule);
      const bucket = this.buckets.get(compiled.prefix);
      if (bucket) bucket.push(rule);
      else this.buckets.set(compiled.prefix, [rule]);
    });
  }

  /** Every owner that includes `path`, with the glob that included it. */
  match(path: string): { owner: K; glob: string }[] {
    return this.classify(path).included;
  }

  /**
   * `match`, and the owners that exclude `path`: the last of their globs that
   * matches it is a `!` glob (undefined when none does, as for every owner
   * without a `!` glob). An excluded file gets no keyword link either
   * (docs/needs-file.md); one pass answers both.
   */
  classify(path: string): { included: { owner: K; glob: string }[]; excluded?: Set<K> } {
    const decided = new Map<K, Rule<K>>();
    for (const key of ancestorKeys(path)) {
      for (const rule of this.buckets.get(key) ?? []) {
        const prior = decided.get(rule.owner);
        if (prior && prior.order > rule.order) continue;
        if (path.includes(rule.needle) && rule.test(path)) decided.set(rule.owner, rule);
      }
    }
    const included: { owner: K; glob: string }[] = [];
    let excluded: Set<K> | undefined;
    for (const [owner, rule] of decided) {
      if (!rule.negated) included.push({ owner, glob: rule.glob });
      else (excluded ??= new Set()).add(owner);
    }
    return { included, excluded };
  }

  /** True when some path in `paths` is matched by the rule; for "glob matches no file". */
  globsMatchingNothing(paths: Iterable<string>): { owner: K; glob: string }[] {
    const hit = new Set<Rule<K>>();
    for (const path of paths) {
      for (const key of ancestorKeys(path)) {
        for (const rule of this.buckets.get(key) ?? [])
          if (!hit.has(rule) && path.includes(rule.needle) && rule.test(path)) hit.add(rule);
      }
    }
    return this.rules
      .filter((r) => !r.negated && !hit.has(r))
      .map((r) => ({ owner: r.owner, glob: r.glob }));
  }
}

/** '', then each ancestor folder, then the path itself: the buckets to look in. */
function ancestorKeys(path: string): string[] {
  const keys = [''];
  let i = path.indexOf('/');
  while (i > 0) {
    keys.push(path.slice(0, i));
    i = path.indexOf('/', i + 1);
  }
  keys.push(path);
  return keys;
}

/** Compiles one gitignore-style glob, or undefined for a blank one. */
export function compileGlob(
  raw: string,
): { negated: boolean; prefix: string; needle: string; test: (p: string) => boolean } | undefined {
  let glob = raw.trim();
  const negated = glob.startsWith('!');
  if (negated) glob = glob.slice(1);
  glob = glob.replace(/^\.\//, '');
  const dirOnly = glob.endsWith('/');
  glob = glob.replace(/^\/+/, '').replace(/\/+$/, '');
  if (glob === '') return undefined;
  // Without a slash gitignore matches the name at any depth.
  if (!raw.trim().replace(/^!/, '').replace(/\/+$/, '').includes('/')) glob = `**/${glob}`;
  const patterns = dirOnly ? [`${glob}/**`] : [glob, `${glob}/**`];
  const segments = glob.split('/');
  const literal: string[] = [];
  for (const s of segments) {
    if (GLOB_CHARS.test(s) || s.includes('\\')) break;
    literal.push(s);
  }
  const prefix = literal.join('/');
  // A fully literal glob may name the file itself: bucket it under that path.
  return { negated, prefix, needle: needleOf(glob), test: globTest(patterns, segments, literal) };
}

/**
 * The test for a compiled glob. `folder/**` and a literal path are most of a
 * needs file's globs, and a scan asks each one about every file in its
 * folder: they are a string comparison (`a/**` matches `a` itself). The rest
 * use globMatch, compiled on first use: most globs of a big needs file never
 * meet a path in their folder.
 */
function globTest(
  patterns: readonly string[],
  segments: readonly string[],
  literal: readonly string[],
): (p: string) => boolean {
  const plain = literal.every((s) => s !== '' && s !== '.' && s !== '..');
  const rest = segments.length - literal.length;
  if (plain && literal.length > 0 && (rest === 0 || (rest === 1 && segments.at(-1) === '**'))) {
    const whole = literal.join('/');
    const under = `${whole}/`;
    return (p) => p === whole || p.startsWith(under);
  }
  let compiled: ((p: string) => boolean)[] | undefined;
  return (p) => (compiled ??= patterns.map(globMatcher)).some((test) => test(p));
}

/**
 * The longest literal run of a glob made only of literals, `/` and `*`: any
 * path it matches contains that run. `**\/*payment*.py` gives `payment`, so
 * globs that apply at any depth need not run the matcher on every path. Runs
 * are split at `/` too, since `**\/` may match no folder at all.
 */
function needleOf(glob: string): string {
  if (/[?[\]{}()!+@\\]/.test(glob)) return '';
  let best = '';
  for (const run of glob.split(/[*/]+/)) if (run.length > best.length) best = run;
  return best;
}

/** Whether `path` is included by `globs` in gitignore order (for values' paths). */
export function matchesGlobs(path: string, globs: readonly string[]): boolean {
  return globsMatcher(globs)(path);
}

/** `matchesGlobs` with the globs compiled once, for testing many paths. */
export function globsMatcher(globs: readonly string[]): (path: string) => boolean {
  const m = new PathMatcher<0>();
  m.add(0, globs);
  return (path) => m.match(path).length > 0;
}
