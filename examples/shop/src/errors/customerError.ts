import { messageFor, type ErrorCode } from './messages';

/**
 * An error we are prepared to show to a customer. Anything else is logged and
 * replaced by the generic message, so a stack trace never reaches the page.
 */
export class CustomerError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details: Record<string, string> = {},
  ) {
    super(code);
  }

  toDisplay(): { title: string; body: string; action?: string } {
    return messageFor(this.code, this.details);
  }
}

export function toCustomerError(error: unknown): CustomerError {
  if (error instanceof CustomerError) {
    return error;
  }
  console.error('Unexpected error shown as generic message', error);
  return new CustomerError('unexpected');
}
