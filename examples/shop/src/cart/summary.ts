// @need clear-total
import { add, formatMoney, multiply, zero, type Money } from '../shared/money';
import { subtotal, type Cart } from './cart';

/** VAT rates by destination country; prices are shown including tax. */
export const TAX_RATES: Record<string, number> = { DE: 0.19, FR: 0.2, NL: 0.21, GB: 0.2 };

export const FREE_SHIPPING_THRESHOLD_MINOR = 4900;

export interface CartSummary {
  readonly subtotal: Money;
  readonly shippingCost: Money;
  readonly taxIncluded: Money;
  readonly orderTotal: Money;
  /** Shown under the total: "Add 12,50 € for free delivery". */
  readonly freeShippingHint?: string;
}

/**
 * Everything the customer will pay, computed before the checkout button, so
 * the number on the payment step is never a surprise.
 */
export function summarize(cart: Cart, country: string, standardShippingMinor = 495): CartSummary {
  const goods = subtotal(cart);
  const qualifiesForFreeShipping = goods.amountMinor >= FREE_SHIPPING_THRESHOLD_MINOR;
  const shippingCost = qualifiesForFreeShipping
    ? zero(cart.currency)
    : { amountMinor: standardShippingMinor, currency: cart.currency };
  const orderTotal = add(goods, shippingCost);
  const rate = TAX_RATES[country] ?? 0;
  const taxIncluded = multiply(orderTotal, rate / (1 + rate));

  const missing = FREE_SHIPPING_THRESHOLD_MINOR - goods.amountMinor;
  return {
    subtotal: goods,
    shippingCost,
    taxIncluded,
    orderTotal,
    ...(missing > 0
      ? {
          freeShippingHint: `Add ${formatMoney({ amountMinor: missing, currency: cart.currency })} for free delivery`,
        }
      : {}),
  };
}
