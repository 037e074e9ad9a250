/**
 * How the sidebar arranges needs: groups by priority or by persona, retired
 * needs apart, and the short badge (assumption, stale) beside each need. Pure, so
 * the tree shows what the unit tests say.
 */
import type { Need, NeedsFile } from './model';
import { PRIORITIES } from './model';
import type { PresentOptions } from './present';
import { flat } from './markdown';
import { evidencePhrase, evidenceWarns, needEvidence, statusWord } from './phrases';
import { sortByPriority } from './present';

export type GroupBy = 'priority' | 'persona';

/** One need with the file that defines it (several needs files may share ids). */
export interface FiledNeed<F = unknown> {
  readonly need: Need;
  readonly file: NeedsFile;
  /** Whatever the caller needs to find the file again (a URI in the editor). */
  readonly source: F;
}

export interface NeedsGroup<F = unknown> {
  /** Stable key: `priority:high`, `persona:shopper`, `persona:`, `retired`. */
  readonly key: string;
  readonly label: string;
  readonly needs: readonly FiledNeed<F>[];
}

const RETIRED = 'Retired';
const NO_PERSONA = 'No persona';

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Groups `needs` for the sidebar. By priority: critical, high, medium, low. By
 * persona: personas by name, then needs without one. Retired needs go last in
 * their own group, and only when `includeRetired`. Empty groups are left out;
 * needs in a group are sorted critical first, then by id.
 */
export function groupNeeds<F>(
  needs: readonly FiledNeed<F>[],
  by: GroupBy,
  includeRetired = true,
): NeedsGroup<F>[] {
  const live = needs.filter((n) => n.need.status !== 'retired');
  const retired = needs.filter((n) => n.need.status === 'retired');
  const groups: NeedsGroup<F>[] = [];
  const sorted = (list: readonly FiledNeed<F>[]): FiledNeed<F>[] => {
    const byNeed = new Map(list.map((n) => [n.need, n]));
    return sortByPriority(list.map((n) => n.need)).map((n) => byNeed.get(n) as FiledNeed<F>);
  };
  if (by === 'priority') {
    for (const p of PRIORITIES) {
      const inGroup = live.filter((n) => n.need.priority === p);
      if (inGroup.length > 0)
        groups.push({ key: `priority:${p}`, label: capitalised(p), needs: sorted(inGroup) });
    }
  } else {
    const byPersona = new Map<string, { label: string; needs: FiledNeed<F>[] }>();
    for (const n of live) {
      const id = n.need.persona ?? '';
      const label = id === '' ? NO_PERSONA : flat(n.file.personas.get(id)?.name ?? id);
      const group = byPersona.get(id) ?? { label, needs: [] };
      group.needs.push(n);
      byPersona.set(id, group);
    }
    const named = [...byPersona.entries()]
      .filter(([id]) => id !== '')
      .sort(([a, ga], [b, gb]) => ga.label.localeCompare(gb.label) || a.localeCompare(b));
    for (const [id, g] of named)
      groups.push({ key: `persona:${id}`, label: g.label, needs: sorted(g.needs) });
    const none = byPersona.get('');
    if (none) groups.push({ key: 'persona:', label: NO_PERSONA, needs: sorted(none.needs) });
  }
  if (includeRetired && retired.length > 0)
    groups.push({ key: 'retired', label: RETIRED, needs: sorted(retired) });
  return groups;
}

export interface NeedBadge {
  /** The status word (phrases.ts) unless it is plain `validated`: `assumption`, `validated, stale`, `retired`... */
  readonly badge: string;
  /** Whether the need should carry a warning icon (an assumption or stale evidence). */
  readonly warning: boolean;
  /** The one-line evidence summary, for tooltips. */
  readonly evidence: string;
}

/**
 * The badge of a need: an assumption and stale evidence are said, never
 * hidden; a validated need with fresh evidence, the usual case, goes unbadged.
 */
export function needBadge(need: Need, options: PresentOptions): NeedBadge {
  const facts = needEvidence(need, options);
  const word = statusWord(facts);
  return {
    badge: word === 'validated' ? '' : word,
    warning: evidenceWarns(facts),
    evidence: evidencePhrase(facts),
  };
}

/**
 * The tree item's description: the badge, then the customer's words, so the
 * person is visible before anything is expanded.
 */
export function needDescription(need: Need, badge: NeedBadge): string {
  const quote = need.quote !== undefined && flat(need.quote) !== '' ? `“${flat(need.quote)}”` : '';
  return [badge.badge, quote].filter((p) => p !== '').join(' · ');
}

/** "3 needs", "1 need": the status bar's count. */
export function needsCountText(count: number): string {
  return `${count} ${count === 1 ? 'need' : 'needs'}`;
}
