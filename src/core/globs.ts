/**
 * Gitignore-style path globs (docs/needs-file.md): `!` excludes, later patterns win, a
 * pattern without a slash matches at any depth, a pattern naming a folder
 * matches everything below it. Patterns are bucketed by their literal folder
 * prefix, so testing a path costs little however many needs a file holds.
 */
import { globMatcher } from './globMatch';
import { FolderPlans, answerOf, decide, matches } from './folderRules';
import type { Classified, FolderRules, Rule } from './folderRules';

export type { Classified } from './folderRules';

const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** Matches paths (relative, `/`-separated) against the globs of many owners. */
export class PathMatcher<K> {
  /** Literal folder prefix ('' for none) -> rules under it. */
  private readonly buckets = new Map<string, Rule<K>[]>();
  private readonly rules: Rule<K>[] = [];
  private readonly plans = new FolderPlans<K>(this.buckets);
  /** Compiled patterns by text: the needs of a big file repeat the same globs. */
  private readonly matchers = new Map<string, (path: string) => boolean>();
  private readonly matcherOf = (pattern: string): ((path: string) => boolean) => {
    let m = this.matchers.get(pattern);
    if (m === undefined) {
      m = globMatcher(pattern);
      this.matchers.set(pattern, m);
    }
    return m;
  };

  /** Adds `owner`'s globs, in its own order. */
  add(owner: K, globs: readonly string[]): void {
    globs.forEach((raw, order) => {
      const compiled = compileGlob(raw, this.matcherOf);
      if (!compiled) return;
      const rule: Rule<K> = {
        owner,
        order,
        negated: compiled.negated,
        glob: raw,
        test: compiled.test,
        needle: compiled.needle,
        wholeFolder: compiled.wholeFolder,
        byName: compiled.byName,
        depth: compiled.depth,
        group: `${compiled.byName ? 'n' : 'p'}${compiled.needle}`,
      };
      this.rules.push(rule);
      this.plans.clear();
      const bucket = this.buckets.get(compiled.prefix);
      if (bucket) bucket.push(rule);
      else this.buckets.set(compiled.prefix, [rule]);
    });
  }

  /** Every owner that includes `path`, with the glob that included it. */
  match(path: string): Classified<K>['included'] {
    return this.classify(path).included;
  }

  /**
   * `match`, and the owners that exclude `path`: the last of their globs that
   * matches it is a `!` glob (undefined when none does, as for every owner
   * without a `!` glob). An excluded file gets no keyword link either
   * (docs/needs-file.md); one pass answers both. Files of a folder without
   * name-dependent globs share one answer: treat it as read-only.
   */
  classify(path: string): Classified<K> {
    const { folder, ruleAt, hits } = this.plans.asked(path);
    const own = this.buckets.get(path);
    if (hits === undefined && own === undefined) return folder.answer;
    const decided = new Map<K, Rule<K>>();
    // In the folder's order, so the answer is the one every rule asked in turn
    // gives; a rule both always and hit is one rule, decided once.
    const matched =
      hits === undefined
        ? folder.always
        : mergeSorted(
            folder.always,
            hits.sort((a, b) => a - b),
          );
    decide(decided, matched.map(ruleAt));
    // Rules bucketed under the file's own path come last: buckets go from '' down to the path.
    if (own !== undefined)
      decide(
        decided,
        own.filter((r) => r.wholeFolder || matches(r, path)),
      );
    return answerOf(decided);
  }

  /** True when some path in `paths` is matched by the rule; for "glob matches no file". */
  globsMatchingNothing(paths: Iterable<string>): { owner: K; glob: string }[] {
    const hit = new Set<Rule<K>>();
    // A folder's `always` rules match each of its files: counted at its first.
    const seen = new Set<FolderRules<K>>();
    for (const path of paths) {
      const { folder, ruleAt, hits } = this.plans.asked(path);
      if (!seen.has(folder)) {
        seen.add(folder);
        for (const i of folder.always) hit.add(ruleAt(i));
      }
      for (const i of hits ?? []) hit.add(ruleAt(i));
      for (const rule of this.buckets.get(path) ?? []) if (matches(rule, path)) hit.add(rule);
    }
    return this.rules
      .filter((r) => !r.negated && !hit.has(r))
      .map((r) => ({ owner: r.owner, glob: r.glob }));
  }
}

/** Two ascending lists of indices as one. */
function mergeSorted(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as number) < (b[j] as number)))
      out.push(a[i++] as number);
    else out.push(b[j++] as number);
  }
  return out;
}

/** Compiles one gitignore-style glob, or undefined for a blank one. */
export function compileGlob(
  raw: string,
  matcherOf: (pattern: string) => (p: string) => boolean = globMatcher,
):
  | {
      negated: boolean;
      prefix: string;
      needle: string;
      test: (p: string) => boolean;
      wholeFolder: boolean;
      byName: boolean;
      depth: number | undefined;
    }
  | undefined {
  let glob = raw.trim();
  const negated = glob.startsWith('!');
  if (negated) glob = glob.slice(1);
  glob = glob.replace(/^(\.\/)+/, '');
  const dirOnly = glob.endsWith('/');
  glob = glob.replace(/^\/+/, '').replace(/\/+$/, '');
  if (glob === '') return undefined;
  // Without a slash gitignore matches the name at any depth.
  if (!raw.trim().replace(/^!/, '').replace(/\/+$/, '').includes('/')) glob = `**/${glob}`;
  // `**/name`, written so or not; `**` in the name may span folders, so such a glob is asked about the whole path.
  const name = glob.startsWith('**/') ? glob.slice(3) : '/';
  const byName = !name.includes('/') && !name.includes('**');
  const depth = /\*\*|[{}()\\]/.test(glob) ? undefined : glob.split('/').length;
  const patterns = dirOnly ? [`${glob}/**`] : [glob, `${glob}/**`];
  const segments = glob.split('/');
  const literal: string[] = [];
  for (const s of segments) {
    if (GLOB_CHARS.test(s) || s.includes('\\')) break;
    literal.push(s);
  }
  const prefix = literal.join('/');
  // A fully literal glob may name the file itself: bucket it under that path.
  return {
    negated,
    prefix,
    needle: needleOf(glob),
    byName,
    depth,
    ...globTest(patterns, segments, literal, matcherOf),
  };
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
  matcherOf: (pattern: string) => (p: string) => boolean,
): { test: (p: string) => boolean; wholeFolder: boolean } {
  const plain = literal.every((s) => s !== '' && s !== '.' && s !== '..');
  const rest = segments.length - literal.length;
  if (plain && literal.length > 0 && (rest === 0 || (rest === 1 && segments.at(-1) === '**'))) {
    const whole = literal.join('/');
    const under = `${whole}/`;
    return { test: (p) => p === whole || p.startsWith(under), wholeFolder: true };
  }
  let compiled: ((p: string) => boolean)[] | undefined;
  return {
    test: (p) => (compiled ??= patterns.map(matcherOf)).some((test) => test(p)),
    wholeFolder: false,
  };
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
