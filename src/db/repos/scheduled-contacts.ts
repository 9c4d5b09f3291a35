import type { Queryable } from '../port.ts';

/** A scheduled contact row as the engine and use-cases read it. */
export type ScheduledContactRow = {
  id: string;
  org_id: string;
  person_id: string;
  protocol_version_id: string;
  contact_key: string;
  kind: string;
  local_date: string;
  local_time: string;
  due_at: Date;
  opens_at: Date;
  window_closes_at: Date;
  carries_medication: boolean;
  status: 'due' | 'responded' | 'missed' | 'suspended' | 'cancelled';
  suspended_reason: string | null;
  incident_id: string | null;
  check_in_id: string | null;
};

export type NewInstance = {
  id: string;
  orgId: string;
  personId: string;
  protocolVersionId: string;
  contactKey: string;
  kind: string;
  localDate: string;
  localTime: string;
  dueAt: Date;
  opensAt: Date;
  closesAt: Date;
  carriesMedication: boolean;
  createdAt: Date;
};

/**
 * Claims closed windows still marked due: `FOR UPDATE SKIP LOCKED`, most overdue first, so
 * several engines share the work and none waits on another (CONVENTIONS "The engine").
 */
export async function claimClosedWindows(tx: Queryable, now: Date, limit: number): Promise<ScheduledContactRow[]> {
  return tx.query<ScheduledContactRow>(
    `select * from scheduled_contacts where status = 'due' and window_closes_at <= $1
      order by window_closes_at limit $2 for update skip locked`,
    [now, limit],
  );
}

/** Inserts the next instances; one already there (same person, key and time, or a due one) is kept. */
export async function insertInstances(tx: Queryable, rows: readonly NewInstance[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `insert into scheduled_contacts (id, org_id, person_id, protocol_version_id, contact_key, kind, local_date, local_time,
       due_at, opens_at, window_closes_at, carries_medication, status, created_at)
     select x.id, x.org_id, x.person_id, x.protocol_version_id, x.contact_key, x.kind, x.local_date, x.local_time,
       x.due_at, x.opens_at, x.closes_at, x.carries_medication, 'due', x.created_at
       from jsonb_to_recordset($1::jsonb) as x(id uuid, org_id uuid, person_id uuid, protocol_version_id uuid, contact_key text,
         kind text, local_date date, local_time text, due_at timestamptz, opens_at timestamptz, closes_at timestamptz,
         carries_medication boolean, created_at timestamptz)
     on conflict do nothing`,
    [JSON.stringify(rows.map((r) => ({
      id: r.id, org_id: r.orgId, person_id: r.personId, protocol_version_id: r.protocolVersionId, contact_key: r.contactKey,
      kind: r.kind, local_date: r.localDate, local_time: r.localTime, due_at: r.dueAt.toISOString(), opens_at: r.opensAt.toISOString(),
      closes_at: r.closesAt.toISOString(), carries_medication: r.carriesMedication, created_at: r.createdAt.toISOString(),
    })))],
  );
}

export type ContactDecision = {
  id: string;
  status: 'responded' | 'missed' | 'suspended' | 'cancelled';
  suspendedReason?: string | null;
  absenceId?: string | null;
  incidentId?: string | null;
  checkInId?: string | null;
  decidedAt: Date;
};

/** Records decisions on instances (only those still due: a decided instance never changes). */
export async function decideInstances(tx: Queryable, rows: readonly ContactDecision[]): Promise<number> {
  if (rows.length === 0) return 0;
  const updated = await tx.query<{ id: string }>(
    `update scheduled_contacts sc set status = x.status, suspended_reason = x.suspended_reason, absence_id = x.absence_id,
       incident_id = x.incident_id, check_in_id = x.check_in_id, decided_at = x.decided_at
       from jsonb_to_recordset($1::jsonb) as x(id uuid, status text, suspended_reason text, absence_id uuid, incident_id uuid,
         check_in_id uuid, decided_at timestamptz)
      where sc.id = x.id and sc.status = 'due'
      returning sc.id`,
    [JSON.stringify(rows.map((r) => ({
      id: r.id, status: r.status, suspended_reason: r.suspendedReason ?? null, absence_id: r.absenceId ?? null,
      incident_id: r.incidentId ?? null, check_in_id: r.checkInId ?? null, decided_at: r.decidedAt.toISOString(),
    })))],
  );
  return updated.length;
}
