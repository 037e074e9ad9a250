/**
 * The 2019 card form, still served to partner shops that embed our checkout in
 * an iframe. Do not add features here; new work goes into ../pay.ts.
 */
export interface LegacyCardFields {
  cardholderName: string;
  cardNumber: string;
  expiry: string;
  cvc: string;
}

export function validateLegacyCardForm(fields: LegacyCardFields): string[] {
  const errors: string[] = [];
  if (!/^\d{13,19}$/.test(fields.cardNumber.replace(/\s/g, ''))) {
    errors.push('cardNumber');
  }
  if (!/^(0[1-9]|1[0-2])\/\d{2}$/.test(fields.expiry)) {
    errors.push('expiry');
  }
  if (!/^\d{3,4}$/.test(fields.cvc)) {
    errors.push('cvc');
  }
  return errors;
}
