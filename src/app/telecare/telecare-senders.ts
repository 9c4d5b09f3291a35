import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import '../schedules/event-types.ts';

/**
 * Telecare senders (a monitoring centre, or one device) sign each event with HMAC-SHA256 over
 * `<timestamp>.<raw body>` using a shared secret. The secret must be kept in clear to check
 * signatures; it is shown once when created and never logged or returned again.
 */
export const SIGNATURE_TOLERANCE_S = 300; // ±5 minutes: a captured request cannot be replayed later

export async function createTelecareSender(deps: Deps, actor: Actor, input: { name: string }) {
  requireAction(actor, 'admin.manage');
  const now = deps.clock.now();
  const id = newId(now.getTime());
  const secret = `whs_${randomBytes(32).toString('base64url')}`;
  await deps.db.transaction(async (tx) => {
    await tx.query('insert into telecare_senders (id, org_id, name, secret, created_at) values ($1,$2,$3,$4,$5)', [id, actor.orgId, input.name, secret, now]);
    await appendEvent(tx, { actor, type: 'telecare_sender.created', entityType: 'telecare_sender', entityId: id, data: { name: input.name }, at: now });
  });
  return { id, name: input.name, secret };
}

export async function listTelecareSenders(deps: Deps, actor: Actor) {
  requireAction(actor, 'admin.read');
  const rows = await deps.db.query<{ id: string; name: string; created_at: Date; revoked_at: Date | null }>(
    'select id, name, created_at, revoked_at from telecare_senders where org_id = $1 order by created_at', [actor.orgId]);
  return rows.map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at.toISOString(), revokedAt: r.revoked_at?.toISOString() ?? null }));
}

export const signTelecare = (secret: string, timestamp: string, rawBody: string) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`;

const refuse = (message: string) => new DomainError('unauthenticated', message);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Checks sender, timestamp and signature; returns the sender or throws 401 (nothing is written). */
export async function authenticateTelecare(
  db: Queryable, now: Date, headers: { sender?: string; timestamp?: string; signature?: string }, rawBody: string,
): Promise<{ id: string; orgId: string; name: string }> {
  const { sender, timestamp, signature } = headers;
  if (!sender || !UUID.test(sender)) throw refuse('Missing or unknown x-wellcheck-sender');
  if (!timestamp || !/^\d{1,12}$/.test(timestamp)) throw refuse('Missing x-wellcheck-timestamp (Unix seconds)');
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_S) {
    throw refuse('x-wellcheck-timestamp is more than 5 minutes from now; the event was refused');
  }
  const [row] = await db.query<{ id: string; org_id: string; name: string; secret: string }>(
    'select id, org_id, name, secret from telecare_senders where id = $1 and revoked_at is null', [sender]);
  if (!row) throw refuse('Missing or unknown x-wellcheck-sender');
  const expected = Buffer.from(signTelecare(row.secret, timestamp, rawBody));
  const given = Buffer.from(signature ?? '');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw refuse('The signature does not match');
  return { id: row.id, orgId: row.org_id, name: row.name };
}
