import { api, ApiError } from '../api.ts';

/**
 * One tap at the door: sent with its own Idempotency-Key, retried with the SAME key when the
 * connection drops (a slow phone signal), so the server records it once whatever happens.
 */
export async function tap<T>(method: string, url: string, body?: unknown, tries = 3): Promise<T> {
  const key = crypto.randomUUID();
  for (let i = 1; ; i++) {
    try {
      return await api<T>(method, url, body, { 'Idempotency-Key': key });
    } catch (err) {
      const isNetwork = !(err instanceof ApiError) || err.status === 0 || err.status >= 500;
      if (!isNetwork || i >= tries) throw err;
      await new Promise((r) => setTimeout(r, 500 * i));
    }
  }
}
