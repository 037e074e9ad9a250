import { getJson, postJson } from '../shared/http';
import { isEnabled } from '../shared/flags';

/** A card the customer chose to keep on file; we only ever hold the provider's token. */
export interface SavedCard {
  readonly id: string;
  readonly brand: 'visa' | 'mastercard' | 'amex';
  readonly last4: string;
  readonly expiryMonth: number;
  readonly expiryYear: number;
  readonly isDefault: boolean;
}

/** The provider allows more, but a long list slows the payment step down on phones. */
export const SAVED_CARD_LIMIT = 5;

interface SavedCardRow {
  saved_card_id: string;
  brand: SavedCard['brand'];
  last4: string;
  exp_month: number;
  exp_year: number;
  is_default: boolean;
}

export async function listSavedCards(customerId: string): Promise<SavedCard[]> {
  if (!isEnabled('SAVED_CARD_ENABLED')) {
    return [];
  }
  const rows = await getJson<SavedCardRow[]>(`/customers/${customerId}/saved-cards`);
  return rows.map(toSavedCard).sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** The default saved card is preselected so a returning shopper can pay in one tap. */
export function preselectSavedCard(
  cards: readonly SavedCard[],
  today = new Date(),
): SavedCard | undefined {
  return (
    cards.find((card) => card.isDefault && !isExpired(card, today)) ??
    cards.find((card) => !isExpired(card, today))
  );
}

export async function saveCard(customerId: string, providerToken: string): Promise<SavedCard> {
  const row = await postJson<SavedCardRow>(`/customers/${customerId}/saved-cards`, {
    token: providerToken,
  });
  return toSavedCard(row);
}

export async function discardSavedCard(customerId: string, savedCardId: string): Promise<void> {
  await postJson(`/customers/${customerId}/saved-cards/${savedCardId}/delete`, {});
}

export function isExpired(card: SavedCard, today: Date): boolean {
  const endOfExpiryMonth = new Date(card.expiryYear, card.expiryMonth, 1);
  return endOfExpiryMonth <= today;
}

function toSavedCard(row: SavedCardRow): SavedCard {
  return {
    id: row.saved_card_id,
    brand: row.brand,
    last4: row.last4,
    expiryMonth: row.exp_month,
    expiryYear: row.exp_year,
    isDefault: row.is_default,
  };
}
