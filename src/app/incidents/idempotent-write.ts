import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/port.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { conflict } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';

/**
 * One write transaction, idempotent under an Idempotency-Key: a tap sent again on a slow
 * connection gets the first answer and records nothing twice. The key is claimed at the start
 * of the transaction, so a concurrent duplicate waits for the first and then reads its answer.
 * Answers must be plain JSON (no Dates).
 */
export async function idempotentWrite<T>(deps: Deps, actor: Actor, key: string | undefined, request: unknown, work: (tx: Queryable) => Promise<T>): Promise<T> {
  if (!key) return deps.db.transaction(work);
  const scoped = `incident:${key}`;
  const hash = createHash('sha256').update(JSON.stringify(request ?? null)).digest('hex');
  const stored = async (q: Queryable): Promise<T | undefined> => {
    const [row] = await q.query<{ request_hash: string; response: T; status: number }>(
      'select request_hash, response, status from idempotency_keys where org_id = $1 and key = $2', [actor.orgId, scoped]);
    if (!row) return undefined;
    if (row.request_hash !== hash) throw conflict('This Idempotency-Key was already used for a different request', 'Idempotency-Key');
    return row.response;
  };
  try {
    return await deps.db.transaction(async (tx) => {
      const previous = await stored(tx);
      if (previous !== undefined) return previous;
      await tx.query(
        `insert into idempotency_keys (org_id, key, request_hash, response, status, created_at) values ($1,$2,$3,'null',0,$4)`,
        [actor.orgId, scoped, hash, deps.clock.now()],
      );
      const result = await work(tx);
      await tx.query('update idempotency_keys set response = $3, status = 200 where org_id = $1 and key = $2', [actor.orgId, scoped, JSON.stringify(result ?? null)]);
      return result;
    });
  } catch (err) {
    if ((err as { code?: string }).code === '23505') {
      const previous = await stored(deps.db);
      if (previous !== undefined) return previous;
    }
    throw err;
  }
}
