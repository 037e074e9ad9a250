/** Closest known ids to a mistyped one, for "did you mean" quick fixes. */

/** Levenshtein distance, bounded: stops early once past `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Up to `limit` of `candidates` close to `id` (a third of its length, at least 2 edits), closest first. */
export function closestIds(id: string, candidates: Iterable<string>, limit = 3): string[] {
  const max = Math.max(2, Math.floor(id.length / 3));
  const scored: { id: string; d: number }[] = [];
  for (const c of candidates) {
    const d = editDistance(id.toLowerCase(), c.toLowerCase(), max);
    if (d <= max) scored.push({ id: c, d });
  }
  scored.sort((a, b) => a.d - b.d || (a.id < b.id ? -1 : 1));
  return scored.slice(0, limit).map((s) => s.id);
}
