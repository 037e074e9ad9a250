/**
 * Parses what people type into the search box: words, "quoted phrases",
 * and a few filters such as `under:50` or `brand:acme`.
 */
export interface SearchQuery {
  readonly terms: readonly string[];
  readonly phrases: readonly string[];
  readonly maxPriceMinor?: number;
  readonly brand?: string;
}

const FILTER = /^(under|brand):(.+)$/i;

export function parseQuery(input: string): SearchQuery {
  const phrases: string[] = [];
  const withoutPhrases = input.replace(/"([^"]+)"/g, (_, phrase: string) => {
    phrases.push(phrase.toLowerCase());
    return ' ';
  });

  const terms: string[] = [];
  let maxPriceMinor: number | undefined;
  let brand: string | undefined;
  for (const word of withoutPhrases.split(/\s+/).filter(Boolean)) {
    const filter = FILTER.exec(word);
    if (filter?.[1]?.toLowerCase() === 'under') {
      maxPriceMinor = Math.round(Number.parseFloat(filter[2] ?? '') * 100) || undefined;
    } else if (filter?.[1]?.toLowerCase() === 'brand') {
      brand = filter[2]?.toLowerCase();
    } else {
      terms.push(normalizeTerm(word));
    }
  }
  return { terms, phrases, maxPriceMinor, brand };
}

/** "Sneakers," and "sneakers" are the same search; accents are kept for ranking. */
export function normalizeTerm(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}-]/gu, '');
}
