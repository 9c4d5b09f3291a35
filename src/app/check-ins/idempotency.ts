import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/port.ts';
import { canonicalJson } from '../../domain/audit/canonical.ts';
import { conflict, DomainError, invalid } from '../../domain/errors.ts';

/**
 * Idempotency-Key for check-ins: the answer is stored with the change, in its transaction.
 * - a replay (same key, same request) gets the first answer, with `replayed: true`;
 * - the same key with a different request is refused (422, naming the header);
 * - a concurrent duplicate (the first still in flight) gets 409 at once rather than waiting:
 *   the key is guarded by a transaction-scoped advisory lock taken without blocking.
 */
export type StoredAnswer<T> = { status: number; body: T; replayed: boolean };

export const requestHash = (request: unknown) => createHash('sha256').update(canonicalJson(request)).digest('hex');

export function checkKey(key: string | undefined): string {
  if (!key || !/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw invalid('Idempotency-Key', 'Send an Idempotency-Key header (8–200 visible characters, e.g. a UUID) so a retried request is recorded once');
  }
  return key;
}

export async function idempotent<T>(
  tx: Queryable, orgId: string, scope: string, key: string, request: unknown, now: Date, work: () => Promise<{ status: number; body: T }>,
): Promise<StoredAnswer<T>> {
  const scoped = `${scope}:${key}`;
  const hash = requestHash(request);
  const [{ locked }] = await tx.query<{ locked: boolean }>('select pg_try_advisory_xact_lock(hashtextextended($1, 0)) as locked', [`${orgId}:${scoped}`]);
  if (!locked) throw conflict('A request with this Idempotency-Key is still being processed; try again in a moment', 'Idempotency-Key');
  const [row] = await tx.query<{ request_hash: string; response: T; status: number }>(
    'select request_hash, response, status from idempotency_keys where org_id = $1 and key = $2',
    [orgId, scoped],
  );
  if (row) {
    if (row.request_hash !== hash) {
      throw new DomainError('unprocessable', 'This Idempotency-Key was already used for a different request; use a new key for a new check-in', 'Idempotency-Key');
    }
    return { status: row.status, body: row.response, replayed: true };
  }
  const answer = await work();
  await tx.query(
    'insert into idempotency_keys (org_id, key, request_hash, response, status, created_at) values ($1,$2,$3,$4,$5,$6)',
    [orgId, scoped, hash, JSON.stringify(answer.body), answer.status, now],
  );
  return { ...answer, replayed: false };
}
