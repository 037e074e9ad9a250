/**
 * Path globs decided once per folder: which of a PathMatcher's rules match
 * every file of a folder, and which a file must still be asked, grouped by
 * needle. A scan asks about every file of a tree, so deciding what it can per
 * folder keeps that cheap. globs.ts compiles the globs, buckets them by their
 * literal folder prefix and answers for a path through these plans.
 */

export interface Rule<K> {
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
export interface FolderRules<K> {
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

/** The folder plans of one PathMatcher, over its buckets (literal folder prefix -> rules under it). */
export class FolderPlans<K> {
  /**
   * Each folder's rules, gathered once: a scan asks about every file of a
   * folder, and most of a needs file's globs name whole folders, so most
   * files of a folder get one shared answer.
   */
  private readonly folders = new Map<string, FolderRules<K>>();
  private plan: RootPlan<K> | undefined;

  constructor(private readonly buckets: ReadonlyMap<string, readonly Rule<K>[]>) {}

  /** Forgets every plan: the rules have changed. */
  clear(): void {
    this.folders.clear();
    this.plan = undefined;
  }

  /**
   * What `path`'s folder says of its files, and the rules its name or path
   * matches besides the folder's `always` ones (undefined when none), by index.
   */
  asked(path: string): {
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
}

/** Applies matching `rules` in order: for each owner the one last in its list decides. */
export function decide<K>(decided: Map<K, Rule<K>>, rules: readonly Rule<K>[]): void {
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
export function matches<K>(rule: Rule<K>, path: string): boolean {
  return path.includes(rule.needle) && rule.test(path);
}

/** The deciding rules as `classify` answers them; the rules themselves are the included entries. */
export function answerOf<K>(decided: ReadonlyMap<K, Rule<K>>): Classified<K> {
  const included: Rule<K>[] = [];
  let excluded: Set<K> | undefined;
  for (const [owner, rule] of decided) {
    if (!rule.negated) included.push(rule);
    else (excluded ??= new Set()).add(owner);
  }
  return { included, excluded };
}
