/** The browser's one way to call the API: JSON, the CSRF header on writes, one error shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Window event sent when the API says the session is no longer valid. */
export const SESSION_ENDED = 'wellcheck:session-ended';

let csrfToken = '';
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

export async function api<T>(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: {
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(method !== 'GET' ? { 'x-csrf-token': csrfToken } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!res.ok) {
    const e = json?.error ?? {};
    // The session ended (expired, signed out elsewhere, account deactivated): the shell goes
    // back to the sign-in page. A refused sign-in (POST /api/session) is not that.
    if (res.status === 401 && url !== '/api/session') window.dispatchEvent(new Event(SESSION_ENDED));
    throw new ApiError(res.status, e.code ?? 'error', e.message ?? `Request failed (${res.status})`, e.field);
  }
  return json as T;
}

/** dd/mm/yyyy and 24-hour times, UK English, in Europe/London. */
export const formatDate = (iso: string | Date) =>
  new Date(iso).toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric' });
export const formatDateTime = (iso: string | Date) =>
  new Date(iso).toLocaleString('en-GB', {
    timeZone: 'Europe/London', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
  });
