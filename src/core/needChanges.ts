/**
 * What a change did to the needs themselves: which needs had their
 * customer-facing text edited, and which were removed or retired. Code
 * written for what a need used to say is suspect until someone confirms it
 * still serves the need; code that still annotates a need the change ended
 * is an error. Pure: the caller reads the needs files at BASE and HEAD.
 */
import type { Need } from './model';

/** The fields of a need whose change makes the code written for it suspect. */
export const NEED_FIELDS = [
  'title',
  'quote',
  'description',
  'review',
  'priority',
  'status',
  'match',
] as const;
export type NeedField = (typeof NEED_FIELDS)[number];

/** The needs of one needs file, as read at one revision. */
export interface NeedsFileNeeds {
  /** The needs file, relative to the root, `/`-separated (its HEAD name when renamed). */
  readonly needsFile: string;
  readonly needs: readonly Need[];
}

/** A need still alive in HEAD whose customer-facing text the change edited. */
export interface ChangedNeed {
  readonly id: string;
  readonly needsFile: string;
  /** In the order of NEED_FIELDS; never empty. */
  readonly fields: readonly NeedField[];
}

/** A need the change removed from its needs file, or retired. */
export interface EndedNeed {
  readonly id: string;
  /** The needs file that defined it at BASE. */
  readonly needsFile: string;
  readonly how: 'removed' | 'retired';
}

export interface NeedChanges {
  readonly changed: readonly ChangedNeed[];
  readonly ended: readonly EndedNeed[];
}

/**
 * Compares the needs files a change touched, as they were at BASE, with every
 * needs file at HEAD, need by id. A need whose needs file is new has no BASE
 * to compare with: it is new, not changed. A need that moved to another needs
 * file is neither changed nor removed. A need retired by the change is ended,
 * not changed; one removed while already retired is ended too, since code
 * naming it now names nothing.
 */
export function compareNeedsFiles(
  base: readonly NeedsFileNeeds[],
  head: readonly NeedsFileNeeds[],
): NeedChanges {
  const changed: ChangedNeed[] = [];
  const ended: EndedNeed[] = [];
  const everywhere = new Set(head.flatMap((f) => f.needs.map((n) => n.id)));
  for (const before of base) {
    const after = head.find((f) => f.needsFile === before.needsFile);
    const now = new Map((after?.needs ?? []).map((n) => [n.id, n]));
    for (const was of before.needs) {
      const is = now.get(was.id);
      if (is === undefined) {
        if (!everywhere.has(was.id))
          ended.push({ id: was.id, needsFile: before.needsFile, how: 'removed' });
        continue;
      }
      if (is.status === 'retired') {
        if (was.status !== 'retired')
          ended.push({ id: was.id, needsFile: before.needsFile, how: 'retired' });
        continue;
      }
      const fields = changedFields(was, is);
      if (fields.length > 0) changed.push({ id: is.id, needsFile: before.needsFile, fields });
    }
  }
  return { changed, ended };
}

/** The customer-facing fields that differ between two versions of a need, in NEED_FIELDS order. */
export function changedFields(was: Need, is: Need): NeedField[] {
  const a = fieldTexts(was);
  const b = fieldTexts(is);
  return NEED_FIELDS.filter((f) => a[f] !== b[f]);
}

/**
 * A short stable fingerprint of a need's customer-facing fields: equal for
 * two versions exactly when changedFields finds nothing. The editor keys a
 * confirmed suspect on it, so the confirmation lapses when the text changes
 * again.
 */
export function needFingerprint(need: Need): string {
  const texts = fieldTexts(need);
  // FNV-1a, 32 bits: enough to tell versions of one need apart; not a secret.
  let hash = 0x811c9dc5;
  const all = NEED_FIELDS.map((f) => texts[f]).join('\u0000');
  for (let i = 0; i < all.length; i++) {
    hash ^= all.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Each field as one comparable string; the spans where they stand never count. */
function fieldTexts(need: Need): Record<NeedField, string> {
  return {
    title: need.title,
    quote: need.quote ?? '',
    description: need.description ?? '',
    review: JSON.stringify(need.review),
    priority: need.priority,
    status: need.status,
    match: JSON.stringify([need.paths.map((p) => p.value), need.keywords.map((k) => k.value)]),
  };
}
