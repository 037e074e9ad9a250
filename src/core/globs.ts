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
  /**
   * `folder/**` or a literal path: found through a bucket of one of a path's
   * folders, it matches without a test (the bucket is its own literal path).
   */
  readonly wholeFolder: boolean;
  /**
   * A glob of a name at any depth (`*.css`, `**\/*payment*`): it matches a path when it
   * matches the path's name or one of its folders, so a folder's answer is
   * kept and a file is asked by its name alone.
   */
  readonly byName: boolean;
  /**
   * The number of folders and name a glob without `**` (or braces, which may
   * hold a slash) spells: it matches a file that deep by its name, and a
   * file deeper by the folder at that depth.
   */
  readonly depth: number | undefined;
  /** The rules a folder tests with one `includes` share this: the needle, and what it is asked about. */
  readonly group: string;
}

/** What `classify` answers. */
export interface Classified<K> {
  /** The rules (an owner and a glob each) that include the path, one per owner. */
  readonly included: readonly { readonly owner: K; readonly glob: string }[];
  /** The owners whose last matching glob is a `!` glob; undefined when none. */
  readonly excluded?: ReadonlySet<K>;
}

/** Rules that one `includes` of their needle rejects together, by where they stand in a rule list. */
interface Group {
  readonly needle: string;
  readonly at: readonly number[];
  /** Asked about the file's name alone (`byName` rules). */
  readonly byName: boolean;
}

/**
 * The '' bucket's rules, planned once for every folder: a big needs file has
 * hundreds of any-depth globs, and a tree thousands of folders, so no folder
 * keeps a copy of them.
 */
interface RootPlan<K> {
  readonly rules: readonly Rule<K>[];
  /** The rules a file is asked about, whatever its folder (not `depth` rules). */
  readonly groups: readonly Group[];
  /** Where the `depth` rules and `byName` rules are: a folder may decide them. */
  readonly depthRules: readonly number[];
  readonly nameRules: readonly number[];
  /** The `depth` rules of files at each depth, grouped; made on first use. */
  readonly atDepth: Map<number, readonly Group[]>;
}

/**
 * The rules that may match a file of one folder, besides those bucketed
 * under the file's own path. Indices below the root plan's length name its
 * rules, the others this folder's `rules` (its ancestors' buckets and its own).
 */
interface FolderRules<K> {
  readonly rules: readonly Rule<K>[];
  /** The answer when none of the rules that need the file's name matches it. */
  readonly answer: Classified<K>;
  /** The rules that match every file of the folder, in order. */
  readonly always: readonly number[];
  /** This folder's rules a file is asked about, by needle. */
  readonly tested: readonly Group[];
  /** How deep a file of the folder is: which of the root plan's `depth` groups apply. */
  readonly fileDepth: number;
}

const GLOB_CHARS = /[*?[\]{}()!+@]/;

/** Matches paths (relative, `/`-separated) against the globs of many owners. */
export class PathMatcher<K> {
  /** Literal folder prefix ('' for none) -> rules under it. */
  private readonly buckets = new Map<string, Rule<K>[]>();
  private readonly rules: Rule<K>[] = [];
  /**
   * Each folder's rules, gathered once: a scan asks about every file of a
   * folder, and most of a needs file's globs name whole folders, so most
   * files of a folder get one shared answer.
   */
  private readonly folders = new Map<string, FolderRules<K>>();
  private plan: RootPlan<K> | undefined;
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
      this.folders.clear();
      this.plan = undefined;
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
    const { folder, ruleAt, hits } = this.asked(path);
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

  /**
   * What `path`'s folder says of its files, and the rules its name or path
   * matches besides the folder's `always` ones (undefined when none), by index.
   */
  private asked(path: string): {
    folder: FolderRules<K>;
    ruleAt: (i: number) => Rule<K>;
    hits: number[] | undefined;
  } {
    const slash = path.lastIndexOf('/');
    const plan = this.rootPlan();
    const folder = this.folderRules(plan, slash <= 0 ? '' : path.slice(0, slash), slash <= 0);
    const name = path.slice(slash + 1);
    const base = plan.rules.length;
    const ruleAt = (i: number): Rule<K> =>
      (i < base ? plan.rules[i] : folder.rules[i - base]) as Rule<K>;
    let hits: number[] | undefined;
    const ask = (groups: readonly Group[]): void => {
      for (const { needle, at, byName } of groups) {
        const subject = byName ? name : path;
        if (!subject.includes(needle)) continue;
        for (const i of at) if (ruleAt(i).test(subject)) (hits ??= []).push(i);
      }
    };
    ask(plan.groups);
    ask(this.depthGroups(plan, folder.fileDepth));
    ask(folder.tested);
    return { folder, ruleAt, hits };
  }

  private rootPlan(): RootPlan<K> {
    if (this.plan !== undefined) return this.plan;
    const rules = this.buckets.get('') ?? [];
    const depthRules: number[] = [];
    const nameRules: number[] = [];
    const asked: number[] = [];
    rules.forEach((rule, i) => {
      if (rule.depth !== undefined) depthRules.push(i);
      else {
        if (rule.byName) nameRules.push(i);
        asked.push(i);
      }
    });
    this.plan = {
      rules,
      groups: groupsOf(rules, asked, 0),
      depthRules,
      nameRules,
      atDepth: new Map(),
    };
    return this.plan;
  }

  /** The root's `depth` rules that files `fileDepth` deep are asked about. */
  private depthGroups(plan: RootPlan<K>, fileDepth: number): readonly Group[] {
    let groups = plan.atDepth.get(fileDepth);
    if (groups === undefined) {
      const at = plan.depthRules.filter((i) => plan.rules[i]?.depth === fileDepth);
      groups = groupsOf(plan.rules, at, 0);
      plan.atDepth.set(fileDepth, groups);
    }
    return groups;
  }

  /** What `classify` needs of `folder`, from its ancestors' buckets and its own; kept. */
  private folderRules(plan: RootPlan<K>, folder: string, top: boolean): FolderRules<K> {
    const known = this.folders.get(folder);
    if (known !== undefined) return known;
    const rules: Rule<K>[] = [];
    if (!top) {
      let i = folder.indexOf('/');
      while (i > 0) {
        rules.push(...(this.buckets.get(folder.slice(0, i)) ?? []));
        i = folder.indexOf('/', i + 1);
      }
      rules.push(...(this.buckets.get(folder) ?? []));
    }
    // A file of the folder has one segment more than it.
    const fileDepth = top ? 1 : folder.split('/').length + 1;
    const always: number[] = [];
    // The root's rules a folder decides: a name glob matching one of its
    // folders, a glob without `**` that files here are deeper than.
    if (!top)
      for (const i of [...plan.nameRules, ...plan.depthRules].sort((a, b) => a - b)) {
        const rule = plan.rules[i] as Rule<K>;
        const decides = rule.byName || (rule.depth as number) < fileDepth;
        if (decides && matches(rule, folder)) always.push(i);
      }
    const base = plan.rules.length;
    const asked: number[] = [];
    rules.forEach((rule, i) => {
      if (rule.wholeFolder) always.push(base + i);
      else if (rule.depth !== undefined && rule.depth !== fileDepth) {
        // Too deep for the folder's files, or decided by one of its folders.
        if (rule.depth < fileDepth && matches(rule, folder)) always.push(base + i);
      } else if (rule.byName && !top && matches(rule, folder)) always.push(base + i);
      else asked.push(i);
    });
    const decided = new Map<K, Rule<K>>();
    decide(
      decided,
      always.map((i) => (i < base ? plan.rules[i] : rules[i - base]) as Rule<K>),
    );
    const found = {
      rules,
      answer: answerOf(decided),
      always,
      tested: groupsOf(rules, asked, base),
      fileDepth,
    };
    this.folders.set(folder, found);
    return found;
  }

  /** True when some path in `paths` is matched by the rule; for "glob matches no file". */
  globsMatchingNothing(paths: Iterable<string>): { owner: K; glob: string }[] {
    const hit = new Set<Rule<K>>();
    // A folder's `always` rules match each of its files: counted at its first.
    const seen = new Set<FolderRules<K>>();
    for (const path of paths) {
      const { folder, ruleAt, hits } = this.asked(path);
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

/** Applies matching `rules` in order: for each owner the one last in its list decides. */
function decide<K>(decided: Map<K, Rule<K>>, rules: readonly Rule<K>[]): void {
  for (const rule of rules) {
    const prior = decided.get(rule.owner);
    if (!prior || prior.order < rule.order) decided.set(rule.owner, rule);
  }
}

/** The rules of `rules` at `at`, grouped by needle; indices shifted by `base`. */
function groupsOf<K>(rules: readonly Rule<K>[], at: readonly number[], base: number): Group[] {
  const byKey = new Map<string, { needle: string; at: number[]; byName: boolean }>();
  for (const i of at) {
    const rule = rules[i] as Rule<K>;
    const group = byKey.get(rule.group);
    if (group) group.at.push(base + i);
    else byKey.set(rule.group, { needle: rule.needle, at: [base + i], byName: rule.byName });
  }
  return [...byKey.values()];
}

/** Whether `rule` matches `path`, its needle first: most globs meet most folders only there. */
function matches<K>(rule: Rule<K>, path: string): boolean {
  return path.includes(rule.needle) && rule.test(path);
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

/** The deciding rules as `classify` answers them; the rules themselves are the included entries. */
function answerOf<K>(decided: ReadonlyMap<K, Rule<K>>): Classified<K> {
  const included: Rule<K>[] = [];
  let excluded: Set<K> | undefined;
  for (const [owner, rule] of decided) {
    if (!rule.negated) included.push(rule);
    else (excluded ??= new Set()).add(owner);
  }
  return { included, excluded };
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
