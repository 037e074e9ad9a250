/**
 * Every message a customer can see when something goes wrong.
 * House rule: say what happened, whose fault it is (never theirs when it is ours),
 * and what happens next. No codes, no "Oops!".
 */
export type ErrorCode =
  | 'card-declined'
  | 'saved-card-expired'
  | 'payment-pending'
  | 'out-of-stock'
  | 'reset-link-expired'
  | 'login-failed'
  | 'unexpected';

interface Message {
  readonly title: string;
  readonly body: string;
  readonly action?: string;
}

const MESSAGES: Record<ErrorCode, Message> = {
  'card-declined': {
    title: 'Your bank declined this payment',
    body: 'Nothing was charged. Your bank gave the reason: {reason}.',
    action: 'Try another card',
  },
  'saved-card-expired': {
    title: 'Your saved card has expired',
    body: 'The card ending in {last4} expired in {expiry}. Nothing was charged.',
    action: 'Update card',
  },
  // @need no-double-charge
  'payment-pending': {
    title: 'We are still confirming your payment',
    body: 'Please do not pay again: you will not be charged twice. We will email you within 10 minutes.',
  },
  'out-of-stock': {
    title: '{product} sold out while you were shopping',
    body: 'We took it out of your cart. The rest of your order is unchanged.',
  },
  'reset-link-expired': {
    title: 'This link has expired',
    body: 'Password reset links work for 60 minutes. We can send you a new one right away.',
    action: 'Send a new link',
  },
  'login-failed': {
    title: 'That email and password do not match',
    body: 'Check the email address, or reset your password.',
    action: 'Reset password',
  },
  unexpected: {
    title: 'Something went wrong on our side',
    body: 'It is not your fault and nothing was charged. Please try again in a minute.',
  },
};

export function messageFor(code: ErrorCode, details: Record<string, string> = {}): Message {
  const template = MESSAGES[code];
  const fill = (text: string): string =>
    text.replace(/\{(\w+)\}/g, (_, key: string) => details[key] ?? '');
  return {
    title: fill(template.title),
    body: fill(template.body),
    ...(template.action ? { action: template.action } : {}),
  };
}
