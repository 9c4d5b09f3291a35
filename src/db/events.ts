import { createHash } from 'node:crypto';
import type { Actor } from '../domain/access/actor.ts';
import { actorId } from '../domain/access/actor.ts';
import { canonicalJson } from '../domain/audit/canonical.ts';
import { eventSchema } from '../domain/audit/event-types.ts';
import { newId } from './ids.ts';
import type { Queryable } from './port.ts';

export type NewEvent = {
  actor: Actor;
  type: string;
  entityType: string;
  entityId?: string | null;
  data: Record<string, unknown>;
  reason?: string | null;
  at: Date;
};

export type StoredEvent = {
  org_id: string;
  seq: number;
  id: string;
  at: Date;
  actor_kind: string;
  actor_id: string | null;
  type: string;
  entity_type: string;
  entity_id: string | null;
  data: Record<string, unknown>;
  reason: string | null;
  prev_hash: string;
  hash: string;
};

const GENESIS = '0'.repeat(64);

/** The hash of one event: sha256 over the previous hash and the canonical event body. */
export function hashEvent(e: Omit<StoredEvent, 'hash'>): string {
  const body = canonicalJson({
    org_id: e.org_id,
    seq: e.seq,
    id: e.id,
    at: new Date(e.at).toISOString(),
    actor_kind: e.actor_kind,
    actor_id: e.actor_id,
    type: e.type,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    data: e.data,
    reason: e.reason,
  });
  return createHash('sha256').update(e.prev_hash).update('\n').update(body).digest('hex');
}

/**
 * Appends one event to the organisation's chain, inside the caller's transaction, so the
 * change and its record commit together (see appendEvents).
 */
export async function appendEvent(tx: Queryable, e: NewEvent): Promise<StoredEvent> {
  const [stored] = await appendEvents(tx, [e]);
  return stored;
}

/**
 * Appends events to their organisations' chains in one insert per organisation, inside the
 * caller's transaction. Each organisation's chain head row is locked for the rest of the
 * transaction, so appends within one organisation are serialised; organisations are locked in
 * a fixed order so two engines never deadlock on chain heads.
 */
export async function appendEvents(tx: Queryable, events: readonly NewEvent[]): Promise<StoredEvent[]> {
  const byOrg = new Map<string, NewEvent[]>();
  for (const e of events) byOrg.set(e.actor.orgId, [...(byOrg.get(e.actor.orgId) ?? []), e]);
  const stored: StoredEvent[] = [];
  for (const orgId of [...byOrg.keys()].sort()) {
    const [head] = await tx.query<{ seq: number; hash: string }>(
      `insert into event_chain_heads (org_id, seq, hash) values ($1, 0, $2)
       on conflict (org_id) do update set seq = event_chain_heads.seq
       returning seq, hash`,
      [orgId, GENESIS],
    );
    let seq = head.seq;
    let prev = head.hash;
    const rows: StoredEvent[] = [];
    for (const e of byOrg.get(orgId)!) {
      const schema = eventSchema(e.type);
      if (!schema) throw new Error(`Unknown event type ${e.type}`);
      const event: Omit<StoredEvent, 'hash'> = {
        org_id: orgId, seq: ++seq, id: newId(e.at.getTime()), at: e.at, actor_kind: e.actor.kind, actor_id: actorId(e.actor),
        type: e.type, entity_type: e.entityType, entity_id: e.entityId ?? null,
        data: JSON.parse(JSON.stringify(schema.parse(e.data))), reason: e.reason ?? null, prev_hash: prev,
      };
      prev = hashEvent(event);
      rows.push({ ...event, hash: prev });
    }
    await tx.query(
      `insert into events (org_id, seq, id, at, actor_kind, actor_id, type, entity_type, entity_id, data, reason, prev_hash, hash)
       select x.org_id, x.seq, x.id, x.at, x.actor_kind, x.actor_id, x.type, x.entity_type, x.entity_id, x.data, x.reason, x.prev_hash, x.hash
         from jsonb_to_recordset($1::jsonb) as x(org_id uuid, seq bigint, id uuid, at timestamptz, actor_kind text, actor_id uuid,
           type text, entity_type text, entity_id uuid, data jsonb, reason text, prev_hash text, hash text)
        order by x.seq`,
      [JSON.stringify(rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })))],
    );
    await tx.query('update event_chain_heads set seq = $2, hash = $3 where org_id = $1', [orgId, seq, prev]);
    stored.push(...rows);
  }
  return stored;
}

export type VerifyResult =
  | { intact: true; orgId: string; events: number }
  | { intact: false; orgId: string; events: number; brokenAt: { seq: number; id: string; problem: string } };

/** Walks an organisation's chain in order and reports the first event that does not fit. */
export async function verifyChain(db: Queryable, orgId: string, batch = 5000): Promise<VerifyResult> {
  let prev = GENESIS;
  let expectedSeq = 1;
  for (;;) {
    const rows = await db.query<StoredEvent>(
      'select * from events where org_id = $1 and seq >= $2 order by seq limit $3',
      [orgId, expectedSeq, batch],
    );
    for (const row of rows) {
      const fail = (problem: string): VerifyResult => ({
        intact: false, orgId, events: expectedSeq - 1, brokenAt: { seq: row.seq, id: row.id, problem },
      });
      if (row.seq !== expectedSeq) return fail(`event ${expectedSeq} is missing`);
      if (row.prev_hash !== prev) return fail('does not follow the event before it');
      if (hashEvent(row) !== row.hash) return fail('its content does not match its hash (changed after it was written)');
      prev = row.hash;
      expectedSeq++;
    }
    if (rows.length < batch) break;
  }
  const [head] = await db.query<{ seq: number; hash: string }>('select seq, hash from event_chain_heads where org_id = $1', [orgId]);
  if (head && (head.seq !== expectedSeq - 1 || head.hash !== prev)) {
    return { intact: false, orgId, events: expectedSeq - 1, brokenAt: { seq: expectedSeq, id: '', problem: `events after ${expectedSeq - 1} are missing` } };
  }
  return { intact: true, orgId, events: expectedSeq - 1 };
}

/** Appends an access-log entry: every read of a person's record is itself recorded. */
export async function logAccess(
  db: Queryable,
  actor: Actor,
  entityType: string,
  entityId: string,
  purpose: string,
  at: Date,
): Promise<void> {
  await db.query(
    `insert into access_log (id, org_id, at, actor_kind, actor_id, entity_type, entity_id, purpose)
     values ($1,$2,$3,$4,$5,$6,$7,$8)`,
    [newId(at.getTime()), actor.orgId, at, actor.kind, actorId(actor), entityType, entityId, purpose],
  );
}
