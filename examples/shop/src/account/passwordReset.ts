// @need password-reset-on-phone
import { CustomerError } from '../errors/customerError';
import { ApiError, postJson } from '../shared/http';

/** Long enough to find the email on a phone, switch apps and come back. */
export const RESET_TOKEN_TTL_MINUTES = 60;

export interface PasswordResetRequest {
  readonly email: string;
  /** Where the link in the email lands; the app registers this path as a deep link. */
  readonly returnTo: '/account/password-reset';
}

/**
 * Sends the reset email. Always resolves, whether or not the address has an
 * account, so the form cannot be used to find out who shops here.
 */
export async function requestPasswordReset(email: string): Promise<void> {
  const request: PasswordResetRequest = {
    email: email.trim().toLowerCase(),
    returnTo: '/account/password-reset',
  };
  await postJson('/password-reset', request).catch(() => undefined);
}

/** The link works on whichever device opens it; the token is the only proof needed. */
export async function completePasswordReset(
  resetToken: string,
  newPassword: string,
): Promise<void> {
  try {
    await postJson('/password-reset/complete', { reset_token: resetToken, password: newPassword });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'token_expired') {
      throw new CustomerError('reset-link-expired');
    }
    throw error;
  }
}

export function readResetToken(url: URL): string | undefined {
  return url.searchParams.get('token') ?? undefined;
}
