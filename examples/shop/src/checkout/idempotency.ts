/**
 * One idempotency key per payment attempt. The payment provider answers a
 * repeated request with the first result, so a retry (flaky network, double
 * tap, back button) never turns into a double charge.
 */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

const STORAGE_PREFIX = 'checkout:attempt:';

/** Same cart, same amount, same tab: same key, until the attempt is settled. */
export function idempotencyKeyFor(cartId: string, amountMinor: number, storage: Storage): string {
  const slot = `${STORAGE_PREFIX}${cartId}:${amountMinor}`;
  const existing = storage.getItem(slot);
  if (existing) {
    return existing;
  }
  const idempotencyKey = crypto.randomUUID();
  storage.setItem(slot, idempotencyKey);
  return idempotencyKey;
}

export function settleAttempt(cartId: string, amountMinor: number, storage: Storage): void {
  storage.removeItem(`${STORAGE_PREFIX}${cartId}:${amountMinor}`);
}
