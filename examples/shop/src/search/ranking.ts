import { didYouMean, editDistance, maxTyposFor } from './didYouMean';
import type { SearchQuery } from './query';

export interface Product {
  readonly sku: string;
  readonly title: string;
  readonly brand: string;
  readonly priceMinor: number;
  readonly inStock: boolean;
  readonly salesLast30Days: number;
}

export interface RankedResults {
  readonly products: readonly Product[];
  /** Set when the query had no exact hits and we searched for a corrected word. */
  readonly correctedFrom?: string;
}

export function rankProducts(
  query: SearchQuery,
  catalogue: readonly Product[],
  vocabulary: readonly string[],
): RankedResults {
  const exact = score(query, catalogue, false);
  if (exact.length > 0 || query.terms.length === 0) {
    return { products: exact };
  }
  // Nothing matched as typed: allow typos before giving up.
  const tolerant = score(query, catalogue, true);
  const suggestion = query.terms[0] ? didYouMean(query.terms[0], vocabulary) : undefined;
  return { products: tolerant, ...(suggestion ? { correctedFrom: query.terms[0] } : {}) };
}

function score(query: SearchQuery, catalogue: readonly Product[], allowTypos: boolean): Product[] {
  const scored: { product: Product; score: number }[] = [];
  for (const product of catalogue) {
    if (query.maxPriceMinor !== undefined && product.priceMinor > query.maxPriceMinor) continue;
    if (query.brand && product.brand.toLowerCase() !== query.brand) continue;

    const words = product.title.toLowerCase().split(/\s+/);
    let hits = 0;
    for (const term of query.terms) {
      if (
        words.some(
          (w) => w.startsWith(term) || (allowTypos && editDistance(term, w) <= maxTyposFor(term)),
        )
      ) {
        hits++;
      }
    }
    const title = product.title.toLowerCase();
    const phraseHits = query.phrases.filter((p) => title.includes(p)).length;
    if (hits + phraseHits === 0) continue;

    // Sold-out products sink but stay visible: people look for them on purpose.
    const stock = product.inStock ? 1 : 0.3;
    const popularity = Math.log10(10 + product.salesLast30Days);
    scored.push({ product, score: (hits + 2 * phraseHits) * stock * popularity });
  }
  return scored.sort((a, b) => b.score - a.score).map((s) => s.product);
}
