import type { Actor } from '../../domain/access/actor.ts';
import type { StageNumber } from '../../domain/protocol/content.ts';
import type { Queryable } from '../port.ts';
import { isUuid, serviceScope } from './people.ts';

/**
 * Incidents as the workflow reads and changes them (the table is created by 0003 and extended
 * by 0004). Reads on behalf of an actor are scoped to the actor's organisation and services:
 * anything else is "not found".
 */
export type IncidentRow = {
  id: string;
  org_id: string;
  person_id: string;
  service_id: string;
  protocol_version_id: string | null;
  kind: string;
  source: string;
  scheduled_contact_id: string | null;
  stage: StageNumber;
  stage_reason: string | null;
  status: 'open' | 'closed';
  is_medication_critical: boolean;
  opened_at: Date;
  noticed_late_ms: number;
  stage_deadline_at: Date | null;
  version: number;
  opened_by: string | null;
  alerted_stage: number;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  emergency_at: Date | null;
  emergency_by: string | null;
  closed_at: Date | null;
  closed_by: string | null;
  outcome: string | null;
  outcome_rationale: string | null;
  whereabouts_confirmed_by: string | null;
  review_status: 'not_due' | 'awaiting' | 'done';
  reviewed_at: Date | null;
  reviewed_by: string | null;
};

/** The incident if the actor may see it (organisation and service), else undefined (→ 404). */
export async function findVisibleIncident(db: Queryable, actor: Actor, id: string, opts: { forUpdate?: boolean } = {}): Promise<IncidentRow | undefined> {
  if (!isUuid(id)) return undefined;
  const params: unknown[] = [actor.orgId, id];
  const scope = serviceScope(actor, 'i.service_id', params);
  const [row] = await db.query<IncidentRow>(
    `select i.* from incidents i where i.org_id = $1 and i.id = $2 and ${scope} ${opts.forUpdate ? 'for update' : ''}`,
    params,
  );
  return row;
}

/** The open incident of a person, if any (the door never opens a second one). */
export async function findOpenIncidentForPerson(db: Queryable, orgId: string, personId: string): Promise<IncidentRow | undefined> {
  const [row] = await db.query<IncidentRow>(
    `select * from incidents where org_id = $1 and person_id = $2 and status = 'open' order by opened_at desc limit 1`,
    [orgId, personId],
  );
  return row;
}

export async function orgSettings(db: Queryable, orgId: string): Promise<unknown> {
  const [row] = await db.query<{ settings: unknown }>('select settings from organisations where id = $1', [orgId]);
  return row?.settings ?? {};
}

export type StaffContact = { id: string; name: string; email: string; phone: string | null; is_active: boolean; role: string };

export async function staffContacts(db: Queryable, orgId: string, ids: string[]): Promise<StaffContact[]> {
  if (ids.length === 0) return [];
  return db.query<StaffContact>('select id, name, email, phone, is_active, role from staff where org_id = $1 and id = any($2::uuid[])', [orgId, ids]);
}

/** Active registered managers: the last resort when a rota names nobody and no fallback is set. */
export async function registeredManagers(db: Queryable, orgId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from staff where org_id = $1 and role = 'registered_manager' and is_active order by created_at, id`,
    [orgId],
  );
  return rows.map((r) => r.id);
}

/** Publishes to the live feed (server-sent events) inside the caller's transaction; NOTIFY fires on commit. */
export async function publishLive(tx: Queryable, orgId: string, topic: string, payload: Record<string, unknown>, at: Date, recipientStaffId: string | null = null): Promise<void> {
  await tx.query(
    'insert into live_messages (org_id, recipient_staff_id, topic, payload, created_at) values ($1,$2,$3,$4,$5)',
    [orgId, recipientStaffId, topic, JSON.stringify(payload), at],
  );
  await tx.query(`select pg_notify('wellcheck_live', $1)`, [orgId]);
}
