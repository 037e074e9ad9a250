import { add, multiply, zero, type Currency, type Money } from '../shared/money';

export interface CartLine {
  readonly sku: string;
  readonly name: string;
  readonly unitPrice: Money;
  readonly quantity: number;
}

export interface Cart {
  readonly id: string;
  readonly currency: Currency;
  readonly lines: readonly CartLine[];
  readonly couponCode?: string;
  /** Printed on the packing slip, never on the invoice. @need gift-note */
  readonly giftNote?: string;
}

export const MAX_QUANTITY_PER_LINE = 20;
export const GIFT_NOTE_MAX_LENGTH = 240;

export function emptyCart(id: string, currency: Currency): Cart {
  return { id, currency, lines: [] };
}

export function addToCart(cart: Cart, line: CartLine): Cart {
  const existing = cart.lines.find((l) => l.sku === line.sku);
  if (!existing) {
    return { ...cart, lines: [...cart.lines, clampQuantity(line)] };
  }
  const merged = clampQuantity({ ...existing, quantity: existing.quantity + line.quantity });
  return { ...cart, lines: cart.lines.map((l) => (l.sku === line.sku ? merged : l)) };
}

export function removeFromCart(cart: Cart, sku: string): Cart {
  return { ...cart, lines: cart.lines.filter((l) => l.sku !== sku) };
}

export function setGiftNote(cart: Cart, giftNote: string): Cart {
  const trimmed = giftNote.trim().slice(0, GIFT_NOTE_MAX_LENGTH);
  return trimmed ? { ...cart, giftNote: trimmed } : { ...cart, giftNote: undefined };
}

export function subtotal(cart: Cart): Money {
  return cart.lines.reduce(
    (sum, line) => add(sum, multiply(line.unitPrice, line.quantity)),
    zero(cart.currency),
  );
}

export function itemCount(cart: Cart): number {
  return cart.lines.reduce((count, line) => count + line.quantity, 0);
}

function clampQuantity(line: CartLine): CartLine {
  return { ...line, quantity: Math.min(Math.max(line.quantity, 1), MAX_QUANTITY_PER_LINE) };
}
