// @need search-forgives-typos
import { isEnabled } from '../shared/flags';

/** One typo per four letters, at most two: "snaekers" finds sneakers, "cat" does not find "car". */
export function maxTyposFor(term: string): number {
  return Math.min(2, Math.floor(term.length / 4));
}

/** Damerau-Levenshtein edit distance, so swapped letters count as one typo. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i]!;
      row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * When a search finds nothing, suggest the closest word from the catalogue
 * vocabulary instead of showing an empty page.
 */
export function didYouMean(term: string, vocabulary: readonly string[]): string | undefined {
  if (!isEnabled('SEARCH_TYPO_TOLERANCE')) {
    return undefined;
  }
  const budget = maxTyposFor(term);
  let best: { word: string; distance: number } | undefined;
  for (const word of vocabulary) {
    const distance = editDistance(term, word);
    if (distance > 0 && distance <= budget && (!best || distance < best.distance)) {
      best = { word, distance };
    }
  }
  return best?.word;
}
