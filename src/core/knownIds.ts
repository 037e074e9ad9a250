/**
 * Known ids across two loads of one needs file. While the latest text has
 * errors an editor may answer from an older load; an `@need` naming a need
 * that only the latest text defines is still no unknown need.
 */
import type { NeedsFile, Span } from './model';

/**
 * `answering` as it is, but knowing every id `latest` defines too: those it
 * has no need for become known ids that link nothing (`invalidIds`).
 */
export function withIdsOf(answering: NeedsFile, latest: NeedsFile | undefined): NeedsFile {
  if (latest === undefined || latest === answering) return answering;
  const has = new Set(answering.needs.map((n) => n.id));
  const known = new Map<string, Span>(answering.invalidIds ?? []);
  const before = known.size;
  const add = (id: string, span: Span): void => {
    if (!has.has(id) && !known.has(id)) known.set(id, span);
  };
  for (const need of latest.needs) add(need.id, need.idSpan);
  for (const [id, span] of latest.invalidIds ?? []) add(id, span);
  return known.size === before ? answering : { ...answering, invalidIds: known };
}
