import { actorId } from '../domain/access/actor.ts';
import { eventSchema } from '../domain/audit/event-types.ts';
import { hashEvent, type NewEvent, type StoredEvent } from './events.ts';
import { newId } from './ids.ts';
import type { Queryable } from './port.ts';

const GENESIS = '0'.repeat(64);

/**
 * Appends many events in one round trip per organisation, inside the caller's transaction:
 * the same chain and hashes as appendEvent (src/db/events.ts), for the engine, which
 * decides windows in batches (one statement per batch, not one per event).
 * Organisations are locked in a fixed order so two engines never deadlock on chain heads.
 */
export async function appendEvents(tx: Queryable, events: readonly NewEvent[]): Promise<void> {
  const byOrg = new Map<string, NewEvent[]>();
  for (const e of events) {
    const list = byOrg.get(e.actor.orgId) ?? [];
    list.push(e);
    byOrg.set(e.actor.orgId, list);
  }
  for (const orgId of [...byOrg.keys()].sort()) {
    const list = byOrg.get(orgId)!;
    const [head] = await tx.query<{ seq: number; hash: string }>(
      `insert into event_chain_heads (org_id, seq, hash) values ($1, 0, $2)
       on conflict (org_id) do update set seq = event_chain_heads.seq
       returning seq, hash`,
      [orgId, GENESIS],
    );
    let seq = head.seq;
    let prev = head.hash;
    const rows: StoredEvent[] = [];
    for (const e of list) {
      const schema = eventSchema(e.type);
      if (!schema) throw new Error(`Unknown event type ${e.type}`);
      const data = JSON.parse(JSON.stringify(schema.parse(e.data)));
      const event: Omit<StoredEvent, 'hash'> = {
        org_id: orgId, seq: ++seq, id: newId(e.at.getTime()), at: e.at, actor_kind: e.actor.kind, actor_id: actorId(e.actor),
        type: e.type, entity_type: e.entityType, entity_id: e.entityId ?? null, data, reason: e.reason ?? null, prev_hash: prev,
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
  }
}
