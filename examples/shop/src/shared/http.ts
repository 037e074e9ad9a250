/** Thin wrapper over fetch that every feature uses to talk to the shop API. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
}

const API_BASE = '/api/v2';

export async function getJson<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(API_BASE + path, {
    headers: { Accept: 'application/json', ...options.headers },
    signal: options.signal,
    credentials: 'include',
  });
  return readBody<T>(response);
}

export async function postJson<T>(
  path: string,
  body: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const response = await fetch(API_BASE + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...options.headers },
    body: JSON.stringify(body),
    signal: options.signal,
    credentials: 'include',
  });
  return readBody<T>(response);
}

async function readBody<T>(response: Response): Promise<T> {
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const { code = 'unknown', message = response.statusText } = body as {
      code?: string;
      message?: string;
    };
    throw new ApiError(response.status, code, message);
  }
  return body as T;
}
