/**
 * Suspect links both ways, added to a checklist: a need whose text the change
 * edited lists the code in HEAD written for it (does it still serve what the
 * need now says?), and an `@need` of a need the change removed or retired is
 * listed as an error. The caller finds the links in HEAD; this decides what
 * the checklist says about them.
 */
import type { Checklist, ChecklistNeed, EndedAnnotation, Suspect } from './checklist';
import { checklistNeed } from './checklist';
import type { LinkRule } from './model';
import type { NeedChanges } from './needChanges';
import type { NeedsSet } from './needsSet';
import { compareNeeds } from './present';

/** Suspects listed per need; the rest are counted in `suspectsMore`. */
export const SUSPECTS_CAP = 20;

/** A link found in HEAD's code, to a changed need or (annotations only) to an ended one. */
export interface HeadLink {
  readonly file: string;
  /** 1-based; absent for a `path` link. */
  readonly line?: number;
  readonly rule: LinkRule;
  readonly id: string;
  /**
   * The needs file of the linked need; absent for an annotation whose need is
   * no longer alive where it stands (removed, or retired).
   */
  readonly needsFile?: string;
}

/** Annotations first: someone wrote them for the need; then keyword lines, then whole files. */
const RULE_ORDER: readonly LinkRule[] = ['annotation', 'keyword', 'path'];

/**
 * `checklist` with the needs `changes` edited marked `changed` (and added
 * when the change touched none of their code), each with its suspects from
 * `found`, and the annotations of ended needs as `endedAnnotations`. An
 * annotation of a removed need is no longer also an unknown annotation: the
 * ended one says more.
 */
export function withNeedChanges(
  checklist: Checklist,
  set: NeedsSet,
  changes: NeedChanges,
  found: readonly HeadLink[],
  options: { today?: string; staleDays?: number } = {},
): Checklist {
  if (changes.changed.length === 0 && changes.ended.length === 0) return checklist;
  const key = (id: string, needsFile: string): string => `${needsFile}\u0000${id}`;
  const byNeed = new Map<string, HeadLink[]>();
  for (const link of found) {
    if (link.needsFile === undefined) continue;
    const k = key(link.id, link.needsFile);
    const list = byNeed.get(k) ?? [];
    list.push(link);
    byNeed.set(k, list);
  }

  const needs: ChecklistNeed[] = [...checklist.needs];
  for (const change of changes.changed) {
    const scope = set.scopes.find((s) => s.needsFile === change.needsFile);
    const need = scope?.index.byId.get(change.id);
    if (need === undefined) continue;
    const links = sortLinks(byNeed.get(key(change.id, change.needsFile)) ?? []);
    const marks = {
      changed: true as const,
      changedFields: change.fields,
      suspects: links.slice(0, SUSPECTS_CAP).map(suspect),
      suspectsMore: Math.max(0, links.length - SUSPECTS_CAP),
    };
    const at = needs.findIndex((n) => n.id === change.id && n.needsFile === change.needsFile);
    if (at >= 0) needs[at] = { ...needs[at]!, ...marks };
    else needs.push({ ...checklistNeed(need, change.needsFile, [], set, options), ...marks });
  }
  needs.sort(compareNeeds);

  const ended = new Map(changes.ended.map((e) => [e.id, e.how]));
  const endedAnnotations: EndedAnnotation[] = [];
  const seen = new Set<string>();
  for (const link of found) {
    const how = ended.get(link.id);
    if (how === undefined || link.rule !== 'annotation' || link.line === undefined) continue;
    // An annotation that resolves to a live need speaks for that need.
    if (link.needsFile !== undefined) continue;
    const k = `${link.file}\u0000${link.line}\u0000${link.id}`;
    if (seen.has(k)) continue;
    seen.add(k);
    endedAnnotations.push({ file: link.file, line: link.line, id: link.id, change: how });
  }
  endedAnnotations.sort((a, b) => compare(a.file, b.file) || a.line - b.line);

  const removed = new Set(changes.ended.filter((e) => e.how === 'removed').map((e) => e.id));
  const unknown = checklist.unknownAnnotations?.filter((u) => !removed.has(u.id));
  return {
    ...checklist,
    needs,
    unknownAnnotations: unknown !== undefined && unknown.length > 0 ? unknown : undefined,
    endedAnnotations: endedAnnotations.length > 0 ? endedAnnotations : undefined,
  };
}

function sortLinks(links: readonly HeadLink[]): HeadLink[] {
  const seen = new Set<string>();
  const unique = links.filter((l) => {
    const k = `${l.file}\u0000${l.line ?? ''}\u0000${l.rule}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  return unique.sort(
    (a, b) =>
      RULE_ORDER.indexOf(a.rule) - RULE_ORDER.indexOf(b.rule) ||
      compare(a.file, b.file) ||
      (a.line ?? 0) - (b.line ?? 0),
  );
}

function suspect(link: HeadLink): Suspect {
  return link.line === undefined
    ? { file: link.file, rule: link.rule }
    : { file: link.file, line: link.line, rule: link.rule };
}

/** Code-point order, stable across locales. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
