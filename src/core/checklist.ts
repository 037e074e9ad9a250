/**
 * The reviewer's checklist: exactly the needs a change touches (docs/checklist-json.md),
 * plus the standing values, each need with every reason it was picked. The CLI
 * and the editor both build it here, so they never disagree.
 */
import type { FileChange } from './diff';
import { isExcluded } from './excludes';
import { globsMatcher } from './globs';
import { compareNeeds } from './present';
import { DEFAULT_STALE_DAYS, newestEvidenceAge } from './load';
import type { LinkRule, Need, Priority, Status } from './model';
import type { UnknownAnnotation } from './match';
import type { NeedField } from './needChanges';
import type { NeedsSet, ScopedLink } from './needsSet';

/** Why a need is on the checklist: one file, and for line rules one line. */
export interface Because {
  readonly file: string;
  /** 1-based; in HEAD for an added line, in BASE for a removed one. */
  readonly line?: number;
  readonly rule: LinkRule;
  /** The glob, keyword or annotated id that matched. */
  readonly match?: string;
  readonly removed?: true;
}

export interface ChecklistNeed {
  readonly id: string;
  readonly title: string;
  readonly priority: Priority;
  readonly status: Status;
  readonly persona?: string;
  readonly quote?: string;
  readonly review: readonly string[];
  readonly because: readonly Because[];
  /** Extensions of the contract's fields (new fields may be added). */
  readonly personaName?: string;
  readonly evidenceCount: number;
  readonly newestEvidence?: string;
  /** True when the newest evidence is older than the stale limit: re-validate. */
  readonly stale?: boolean;
  readonly signals: readonly string[];
  readonly needsFile: string;
  /** True when the change edited the need's customer-facing fields (see needChanges). */
  readonly changed?: true;
  /** Which fields it edited, when `changed`. */
  readonly changedFields?: readonly NeedField[];
  /** When `changed`: code in HEAD linked to the need, annotations first, capped at SUSPECTS_CAP. */
  readonly suspects?: readonly Suspect[];
  /** When `changed`: how many more suspects there are than `suspects` lists. */
  readonly suspectsMore?: number;
}

/** Code in HEAD written for a need whose text the change edited: does it still serve the need? */
export interface Suspect {
  readonly file: string;
  /** 1-based line in HEAD; absent for a `path` link (the whole file). */
  readonly line?: number;
  readonly rule: LinkRule;
}

/** An `@need` in HEAD of a need the change removed or retired. */
export interface EndedAnnotation {
  readonly file: string;
  /** 1-based line in HEAD. */
  readonly line: number;
  readonly id: string;
  readonly change: 'removed' | 'retired';
}

export interface ChecklistValue {
  readonly id: string;
  readonly statement: string;
  readonly review: readonly string[];
}

export interface Checklist {
  readonly version: 1;
  /** The product the needs belong to, when a needs file names one (see `productOf`). */
  readonly product?: string;
  readonly base: string;
  readonly head: string;
  readonly needs: readonly ChecklistNeed[];
  readonly values: readonly ChecklistValue[];
  readonly files: {
    readonly changed: number;
    readonly related: number;
    /** Changed files in excluded folders (node_modules, dist, ..., `exclude`), not looked at. */
    readonly excluded: number;
    /** Binary files: related by path only, their content unread. */
    readonly binary: number;
  };
  /**
   * `@need` annotations on added lines that name no need of any needs file
   * (a typo, or a need not written yet). Present only when there are some.
   */
  readonly unknownAnnotations?: readonly { file: string; line: number; id: string }[];
  /**
   * `@need` annotations anywhere in HEAD of needs the change removed or
   * retired: code that speaks for a need nobody holds any more. Present only
   * when there are some.
   */
  readonly endedAnnotations?: readonly EndedAnnotation[];
}

/** A need found so far, with its reasons and what dedupes them. */
interface Found {
  readonly needsFile: string;
  readonly because: Because[];
  /** Files with a path reason already. */
  readonly pathFiles: Set<string>;
  /** Keys of the line reasons already given. */
  readonly seen: Set<string>;
}

/** Builds the checklist for `changes` (from `parseUnifiedDiff`). */
export function buildChecklist(
  set: NeedsSet,
  changes: readonly FileChange[],
  revs: { base: string; head: string },
  options: { today?: string; staleDays?: number } = {},
): Checklist {
  const found = new Map<Need, Found>();
  let touched = false;
  const record = (link: ScopedLink, because: Because): void => {
    touched = true;
    let entry = found.get(link.need);
    if (!entry) {
      entry = { needsFile: link.needsFile, because: [], pathFiles: new Set(), seen: new Set() };
      found.set(link.need, entry);
    }
    // A need's path link to a file always names the same glob, so the file
    // alone tells a repeated path reason: a big diff has tens of thousands of
    // them, and a five-part string key for each was a good part of the time.
    if (because.line === undefined) {
      if (entry.pathFiles.has(because.file)) return;
      entry.pathFiles.add(because.file);
    } else {
      const key = `${because.file}\u0000${because.line}\u0000${because.rule}\u0000${because.match ?? ''}\u0000${because.removed ?? ''}`;
      if (entry.seen.has(key)) return;
      entry.seen.add(key);
    }
    entry.because.push(because);
  };

  let related = 0;
  let excluded = 0;
  let binary = 0;
  const considered: string[] = [];
  const unknownAnnotations: { file: string; line: number; id: string }[] = [];
  // Build folders, and what a needs file's `exclude` list leaves out.
  const out = (p: string): boolean => isExcluded(p) || set.excludedBy(p) !== undefined;
  for (const change of changes) {
    if (out(change.path) && (change.oldPath === undefined || out(change.oldPath))) {
      excluded++;
      continue;
    }
    if (change.binary) binary++;
    touched = false;
    const paths =
      change.oldPath !== undefined && change.oldPath !== change.path
        ? [change.path, change.oldPath]
        : [change.path];
    considered.push(...paths);
    for (const path of paths) {
      for (const link of set.pathLinks(path))
        record(link, { file: path, rule: 'path', match: link.match });
    }
    for (const added of change.added) {
      const unknown: UnknownAnnotation[] = [];
      for (const link of set.lineLinks(change.path, added.text, added.line - 1, unknown)) {
        record(link, { file: change.path, line: added.line, rule: link.rule, match: link.match });
      }
      for (const u of unknown)
        unknownAnnotations.push({ file: change.path, line: added.line, id: u.id });
    }
    const oldPath = change.oldPath ?? change.path;
    for (const removed of change.removed) {
      for (const link of set.lineLinks(oldPath, removed.text, removed.line - 1)) {
        record(link, {
          file: oldPath,
          line: removed.line,
          rule: link.rule,
          match: link.match,
          removed: true,
        });
      }
    }
    if (touched) related++;
  }

  const needs = [...found.entries()].map(([need, e]) =>
    checklistNeed(need, e.needsFile, e.because, set, options),
  );
  needs.sort(compareNeeds);
  return {
    version: 1,
    product: productOf(set),
    base: revs.base,
    head: revs.head,
    needs,
    values: standingValues(set, considered),
    files: { changed: changes.length, related, excluded, binary },
    ...(unknownAnnotations.length > 0 ? { unknownAnnotations } : {}),
  };
}

/** One need as the checklist lists it, with `because` its reasons (see buildChecklist). */
export function checklistNeed(
  need: Need,
  needsFile: string,
  because: Because[],
  set: NeedsSet,
  options: { today?: string; staleDays?: number },
): ChecklistNeed {
  const age = newestEvidenceAge(need, options.today);
  const scope = set.scopes.find((s) => s.needsFile === needsFile);
  const dates = need.evidence
    .map((e) => e.date)
    .filter((d): d is string => d !== undefined)
    .sort();
  return {
    id: need.id,
    title: need.title,
    priority: need.priority,
    status: need.status,
    persona: need.persona,
    quote: need.quote,
    review: need.review,
    because,
    personaName: need.persona ? scope?.index.file.personas.get(need.persona)?.name : undefined,
    evidenceCount: need.evidence.length,
    newestEvidence: dates[dates.length - 1],
    stale: age !== undefined && age > (options.staleDays ?? DEFAULT_STALE_DAYS) ? true : undefined,
    signals: need.signals,
    needsFile,
  };
}

/** Values apply to every change in their scope, or only where their `paths` match. */
function standingValues(set: NeedsSet, changed: readonly string[]): ChecklistValue[] {
  const out: ChecklistValue[] = [];
  // Root file first: its values are the team's, nested ones a package's.
  for (const scope of [...set.scopes].reverse()) {
    const local = changed
      .filter((p) => scope.dir === '' || p.startsWith(scope.dir + '/'))
      .map((p) => (scope.dir === '' ? p : p.slice(scope.dir.length + 1)));
    if (local.length === 0) continue;
    for (const value of scope.index.file.values) {
      const globs = value.paths?.map((p) => p.value);
      // Compiled once per value: a diff may touch thousands of files.
      const matches = globs === undefined ? undefined : globsMatcher(globs);
      if (matches === undefined || local.some(matches)) {
        out.push({ id: value.id, statement: value.statement, review: value.review });
      }
    }
  }
  return out;
}

/**
 * The product named by the root needs file, else by the needs file nearest the
 * root that names one; undefined when none does. Of two needs files for the
 * same folder, the one nearer it (`customer-needs.yaml` before
 * `docs/customer-needs.yaml`) wins.
 */
export function productOf(set: NeedsSet): string | undefined {
  const named = set.scopes.filter((s) => (s.index.file.product ?? '').trim() !== '');
  named.sort(
    (a, b) =>
      segments(a.dir) - segments(b.dir) ||
      segments(a.needsFile) - segments(b.needsFile) ||
      compare(a.needsFile, b.needsFile),
  );
  return named[0]?.index.file.product?.trim();
}

function segments(path: string): number {
  return path === '' ? 0 : path.split('/').length;
}

/** Code-point order, stable across locales. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The stable key of one review question, for persisted ticks. */
export function questionKey(needId: string, question: string): string {
  return `${needId}\n${question}`;
}
