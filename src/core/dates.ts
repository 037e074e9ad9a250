/** Calendar dates as `YYYY-MM-DD`, compared in whole UTC days. */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of a real calendar date, else undefined. */
export function dayNumber(text: string): number | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March; a real date survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) {
    return undefined;
  }
  return Math.floor(ms / DAY_MS);
}

/** Today's day number in UTC. */
export function today(now: Date = new Date()): number {
  return Math.floor(now.getTime() / DAY_MS);
}
