/**
 * The needs of a tree as plain data for agents and tools: one need in full,
 * or the needs that match a filter. Shared by the MCP server and the editor's
 * language-model tools, so both answer alike. The customer's words come
 * first; a need without evidence says it is an assumption; evidence says how
 * old it is.
 */
import type { LoadOptions } from './load';
import { DEFAULT_STALE_DAYS, newestEvidenceAge } from './load';
import type { Need, NeedsFile, Priority, Status } from './model';
import type { NeedsSet } from './needsSet';
import { compareNeeds } from './present';
import { closestIds } from './similar';

/** A need in a list: enough to choose one, with the customer's words. */
export interface NeedSummary {
  readonly id: string;
  readonly title: string;
  readonly quote?: string;
  readonly priority: Priority;
  readonly status: Status;
  readonly persona?: string;
  readonly personaName?: string;
  /** True when no evidence backs it: an assumption, not a fact. */
  readonly assumption: boolean;
  /** The needs file that defines it, relative to the root, and the 1-based line of its id. */
  readonly needsFile: string;
  readonly line: number;
}

/** A need in full. */
export interface NeedDetails extends NeedSummary {
  readonly description?: string;
  readonly evidence: readonly {
    readonly source: string;
    readonly kind?: string;
    readonly quote?: string;
    readonly url?: string;
    readonly date?: string;
  }[];
  /** Days since the newest dated evidence, and whether that is past the stale limit. */
  readonly evidenceAge?: { readonly days: number; readonly stale: boolean };
  readonly signals: readonly string[];
  readonly review: readonly string[];
  readonly match: { readonly paths: readonly string[]; readonly keywords: readonly string[] };
  readonly owner?: string;
}

export interface NeedFilter {
  readonly persona?: string;
  readonly priority?: Priority;
  readonly status?: Status;
  /** Words that must all appear in the title, quote, description or id (any case). */
  readonly text?: string;
}

/** Every need of `set` that passes `filter`, critical first, then by id. */
export function listNeeds(set: NeedsSet, filter: NeedFilter = {}): NeedSummary[] {
  const words = (filter.text ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const out: NeedSummary[] = [];
  for (const scope of set.scopes) {
    const file = scope.index.file;
    for (const need of file.needs) {
      if (filter.persona !== undefined && need.persona !== filter.persona) continue;
      if (filter.priority !== undefined && need.priority !== filter.priority) continue;
      if (filter.status !== undefined && need.status !== filter.status) continue;
      if (words.length > 0) {
        const hay = [need.id, need.title, need.quote ?? '', need.description ?? '']
          .join(' ')
          .toLowerCase();
        if (!words.every((w) => hay.includes(w))) continue;
      }
      out.push(summary(need, file, scope.needsFile));
    }
  }
  return out.sort((a, b) => compareNeeds(a, b) || cmp(a.needsFile, b.needsFile));
}

/**
 * The need `id` in full, from every needs file that defines it (nested needs
 * files may reuse an id), or the closest ids when none does.
 */
export function needDetails(
  set: NeedsSet,
  id: string,
  options: LoadOptions = {},
): { found: NeedDetails[]; closest: string[] } {
  const found: NeedDetails[] = [];
  const ids = new Set<string>();
  for (const scope of set.scopes) {
    const file = scope.index.file;
    for (const need of file.needs) {
      ids.add(need.id);
      if (need.id === id) found.push(details(need, file, scope.needsFile, options));
    }
  }
  found.sort((a, b) => cmp(a.needsFile, b.needsFile));
  return { found, closest: found.length > 0 ? [] : closestIds(id, [...ids], 3) };
}

function summary(need: Need, file: NeedsFile, needsFile: string): NeedSummary {
  const personaName =
    need.persona === undefined ? undefined : file.personas.get(need.persona)?.name;
  return {
    id: need.id,
    title: need.title,
    ...(need.quote === undefined ? {} : { quote: need.quote }),
    priority: need.priority,
    status: need.status,
    ...(need.persona === undefined ? {} : { persona: need.persona }),
    ...(personaName === undefined ? {} : { personaName }),
    assumption: need.evidence.length === 0,
    needsFile,
    line: need.idSpan.start.line + 1,
  };
}

function details(
  need: Need,
  file: NeedsFile,
  needsFile: string,
  options: LoadOptions,
): NeedDetails {
  const days = newestEvidenceAge(need, options.today);
  const limit = options.staleDays ?? DEFAULT_STALE_DAYS;
  return {
    ...summary(need, file, needsFile),
    ...(need.description === undefined ? {} : { description: need.description }),
    evidence: need.evidence.map((e) => ({
      source: e.source,
      ...(e.kind === undefined ? {} : { kind: e.kind }),
      ...(e.quote === undefined ? {} : { quote: e.quote }),
      ...(e.url === undefined ? {} : { url: e.url }),
      ...(e.date === undefined ? {} : { date: e.date }),
    })),
    ...(days === undefined ? {} : { evidenceAge: { days, stale: days > limit } }),
    signals: need.signals,
    review: need.review,
    match: { paths: need.paths.map((p) => p.value), keywords: need.keywords.map((k) => k.value) },
    ...(need.owner === undefined ? {} : { owner: need.owner }),
  };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
