/** Amounts are kept in minor units (cents) so sums never drift. */
export interface Money {
  readonly amountMinor: number;
  readonly currency: Currency;
}

export type Currency = 'EUR' | 'GBP' | 'USD';

const LOCALE_BY_CURRENCY: Record<Currency, string> = {
  EUR: 'de-DE',
  GBP: 'en-GB',
  USD: 'en-US',
};

export function money(amountMinor: number, currency: Currency): Money {
  if (!Number.isInteger(amountMinor)) {
    throw new RangeError(`Money must be whole minor units, got ${amountMinor}`);
  }
  return { amountMinor, currency };
}

export function zero(currency: Currency): Money {
  return money(0, currency);
}

export function add(a: Money, b: Money): Money {
  if (a.currency !== b.currency) {
    throw new Error(`Cannot add ${a.currency} to ${b.currency}`);
  }
  return money(a.amountMinor + b.amountMinor, a.currency);
}

export function multiply(a: Money, factor: number): Money {
  return money(Math.round(a.amountMinor * factor), a.currency);
}

export function formatMoney(value: Money): string {
  return new Intl.NumberFormat(LOCALE_BY_CURRENCY[value.currency], {
    style: 'currency',
    currency: value.currency,
  }).format(value.amountMinor / 100);
}
