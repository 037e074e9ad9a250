// The payment step: the last screen between a full cart and an order.
// @need fast-checkout, no-double-charge
import { CustomerError } from '../errors/customerError';
import { ApiError, postJson } from '../shared/http';
import type { Money } from '../shared/money';
import { IDEMPOTENCY_KEY_HEADER, idempotencyKeyFor, settleAttempt } from './idempotency';
import { isExpired, type SavedCard } from './savedCards';

export type PaymentMethod =
  | { readonly kind: 'saved-card'; readonly card: SavedCard }
  | { readonly kind: 'new-card'; readonly providerToken: string; readonly saveForLater: boolean };

export interface PaymentResult {
  readonly orderId: string;
  readonly status: 'paid' | 'pending';
}

interface PaymentResponse {
  order_id: string;
  payment_status: 'succeeded' | 'processing';
}

/**
 * Charges the cart. Safe to call again after a timeout: the idempotency key
 * makes the provider return the first result instead of charging again.
 */
export async function payNow(
  cartId: string,
  total: Money,
  method: PaymentMethod,
  storage: Storage = sessionStorage,
): Promise<PaymentResult> {
  if (method.kind === 'saved-card' && isExpired(method.card, new Date())) {
    throw new CustomerError('saved-card-expired', {
      last4: method.card.last4,
      expiry: `${method.card.expiryMonth}/${method.card.expiryYear}`,
    });
  }

  const key = idempotencyKeyFor(cartId, total.amountMinor, storage);
  try {
    const response = await postJson<PaymentResponse>(
      `/carts/${cartId}/payment`,
      {
        amount_minor: total.amountMinor,
        currency: total.currency,
        saved_card_id: method.kind === 'saved-card' ? method.card.id : undefined,
        provider_token: method.kind === 'new-card' ? method.providerToken : undefined,
        save_card: method.kind === 'new-card' && method.saveForLater,
      },
      { headers: { [IDEMPOTENCY_KEY_HEADER]: key } },
    );
    settleAttempt(cartId, total.amountMinor, storage);
    return {
      orderId: response.order_id,
      status: response.payment_status === 'succeeded' ? 'paid' : 'pending',
    };
  } catch (error) {
    if (error instanceof ApiError && error.code === 'card_declined') {
      settleAttempt(cartId, total.amountMinor, storage);
      throw new CustomerError('card-declined', { reason: error.message });
    }
    if (error instanceof ApiError && error.status === 409) {
      // The provider is still working on the first attempt with this key.
      throw new CustomerError('payment-pending');
    }
    throw error;
  }
}
