/**
 * Old PayPal flow: full-page redirect to PayPal and back. Replaced by the
 * provider's embedded wallet in 2025; kept until the last partner shops move.
 * Behind the LEGACY_PAYPAL_REDIRECT flag, off everywhere.
 */
const PAYPAL_RETURN_PATH = '/checkout/legacy/paypal-return';

export function paypalRedirectUrl(orderToken: string, origin: string): string {
  const returnUrl = encodeURIComponent(origin + PAYPAL_RETURN_PATH);
  return `https://www.paypal.com/checkoutnow?token=${orderToken}&returnUrl=${returnUrl}`;
}

export function readPaypalReturn(search: string): { token: string; payerId: string } | undefined {
  const params = new URLSearchParams(search);
  const token = params.get('token');
  const payerId = params.get('PayerID');
  return token && payerId ? { token, payerId } : undefined;
}
