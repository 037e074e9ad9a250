import { CustomerError } from '../errors/customerError';
import { ApiError, postJson } from '../shared/http';

export interface Session {
  readonly customerId: string;
  readonly firstName: string;
  readonly expiresAt: string;
}

/** Log in with email and password; "remember me" keeps the session for 30 days. */
export async function logIn(
  email: string,
  password: string,
  rememberMe: boolean,
): Promise<Session> {
  try {
    return await postJson<Session>('/session', {
      email: email.trim().toLowerCase(),
      password,
      remember_me: rememberMe,
    });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      // Same message for unknown email and wrong password: no account probing.
      throw new CustomerError('login-failed');
    }
    throw error;
  }
}

export async function logOut(): Promise<void> {
  await postJson('/session/end', {});
}
