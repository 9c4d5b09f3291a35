import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import { orgSettings } from '../../db/repos/incident-workflow.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { swapOverrides } from '../../domain/escalation/rota.ts';
import { escalationSettings } from '../../domain/escalation/settings.ts';
import '../incidents/incident-events.ts';
import type { Deps } from '../deps.ts';
import { onCallChain } from './on-call-chain.ts';

/** The on-call rota (no-response policy §12): shifts, cover, swaps and handovers. */

async function checkStaff(db: Queryable, orgId: string, field: string, staffId: string) {
  const [s] = await db.query('select id from staff where org_id = $1 and id = $2 and is_active', [orgId, staffId]);
  if (!s) throw invalid(field, 'Not an active member of staff in this organisation');
}
async function checkService(db: Queryable, orgId: string, serviceId: string | null) {
  if (!serviceId) return;
  const [s] = await db.query('select id from services where org_id = $1 and id = $2', [orgId, serviceId]);
  if (!s) throw invalid('serviceId', 'Unknown service');
}
const checkTimes = (startsAt: Date, endsAt: Date) => {
  if (endsAt.getTime() <= startsAt.getTime()) throw invalid('endsAt', 'The end must be after the start');
};

export type ShiftInput = { serviceId: string | null; staffId: string; level: number; startsAt: Date; endsAt: Date; note?: string };

export async function addShift(deps: Deps, actor: Actor, input: ShiftInput) {
  requireAction(actor, 'rota.manage');
  checkTimes(input.startsAt, input.endsAt);
  await checkService(deps.db, actor.orgId, input.serviceId);
  await checkStaff(deps.db, actor.orgId, 'staffId', input.staffId);
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const id = newId(at.getTime());
    await tx.query(
      `insert into oncall_shifts (id, org_id, service_id, staff_id, level, starts_at, ends_at, note, created_by, created_at) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
      [id, actor.orgId, input.serviceId, input.staffId, input.level, input.startsAt, input.endsAt, input.note ?? '', actor.kind === 'staff' ? actor.id : null, at],
    );
    await appendEvent(tx, {
      actor, type: 'rota.shift_added', entityType: 'oncall_rota', entityId: id, at,
      data: { shiftId: id, serviceId: input.serviceId, staffId: input.staffId, level: input.level, startsAt: input.startsAt.toISOString(), endsAt: input.endsAt.toISOString() },
    });
    return { id };
  });
}

export async function removeShift(deps: Deps, actor: Actor, shiftId: string) {
  requireAction(actor, 'rota.manage');
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const rows = await tx.query(`update oncall_shifts set removed_at = $3 where org_id = $1 and id = $2 and removed_at is null returning id`, [actor.orgId, shiftId, at]);
    if (!rows.length) throw notFound('Shift');
    await appendEvent(tx, { actor, type: 'rota.shift_removed', entityType: 'oncall_rota', entityId: shiftId, data: { shiftId }, at });
    return { ok: true as const };
  });
}

export type CoverInput = { serviceId: string | null; originalStaffId: string | null; replacementStaffId: string; startsAt: Date; endsAt: Date; reason: string };

/** Cover: someone stands in for a rostered person (or in front of the whole rota) for a while. */
export async function addCover(deps: Deps, actor: Actor, input: CoverInput) {
  requireAction(actor, 'rota.manage');
  checkTimes(input.startsAt, input.endsAt);
  await checkService(deps.db, actor.orgId, input.serviceId);
  await checkStaff(deps.db, actor.orgId, 'replacementStaffId', input.replacementStaffId);
  if (input.originalStaffId) await checkStaff(deps.db, actor.orgId, 'originalStaffId', input.originalStaffId);
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const id = newId(at.getTime());
    await insertOverride(tx, actor, id, input, at);
    await appendEvent(tx, {
      actor, type: 'rota.override_added', entityType: 'oncall_rota', entityId: id, at, reason: input.reason,
      data: { overrideIds: [id], kind: 'cover', replacementStaffId: input.replacementStaffId, originalStaffId: input.originalStaffId },
    });
    return { ids: [id] };
  });
}

/** A swap of two shifts: each person covers the other's hours (two overrides, one commit). */
export async function swapShifts(deps: Deps, actor: Actor, input: { shiftIdA: string; shiftIdB: string; reason: string }) {
  requireAction(actor, 'rota.manage');
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const shifts = await tx.query<{ id: string; service_id: string | null; staff_id: string; level: number; starts_at: Date; ends_at: Date }>(
      'select * from oncall_shifts where org_id = $1 and id = any($2::uuid[]) and removed_at is null', [actor.orgId, [input.shiftIdA, input.shiftIdB]]);
    const a = shifts.find((s) => s.id === input.shiftIdA);
    const b = shifts.find((s) => s.id === input.shiftIdB);
    if (!a) throw notFound('Shift');
    if (!b) throw invalid('shiftIdB', 'Unknown shift');
    const toShift = (s: typeof a) => ({ id: s.id, serviceId: s.service_id, staffId: s.staff_id, level: s.level, startsAt: s.starts_at, endsAt: s.ends_at });
    const ids: string[] = [];
    for (const o of swapOverrides(toShift(a), toShift(b))) {
      const id = newId(at.getTime());
      await insertOverride(tx, actor, id, { ...o, reason: input.reason }, at);
      ids.push(id);
    }
    await appendEvent(tx, {
      actor, type: 'rota.override_added', entityType: 'oncall_rota', entityId: ids[0], at, reason: input.reason,
      data: { overrideIds: ids, kind: 'swap', replacementStaffId: b.staff_id, originalStaffId: a.staff_id },
    });
    return { ids };
  });
}

const insertOverride = (tx: Queryable, actor: Actor, id: string, o: CoverInput, at: Date) =>
  tx.query(
    `insert into oncall_overrides (id, org_id, service_id, original_staff_id, replacement_staff_id, starts_at, ends_at, reason, created_by, created_at)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`,
    [id, actor.orgId, o.serviceId, o.originalStaffId, o.replacementStaffId, o.startsAt, o.endsAt, o.reason, actor.kind === 'staff' ? actor.id : null, at],
  );

/** A handover note from the outgoing on-call to the incoming one, listing the incidents still open. */
export async function recordHandover(deps: Deps, actor: Actor, input: { toStaffId: string; notes: string }) {
  requireAction(actor, 'incident.manage');
  await checkStaff(deps.db, actor.orgId, 'toStaffId', input.toStaffId);
  return deps.db.transaction(async (tx) => {
    const at = deps.clock.now();
    const open = await tx.query<{ id: string }>(`select id from incidents where org_id = $1 and status = 'open' order by opened_at`, [actor.orgId]);
    const id = newId(at.getTime());
    const from = actor.kind === 'staff' ? actor.id : null;
    await tx.query('insert into oncall_handovers (id, org_id, from_staff_id, to_staff_id, notes, open_incident_ids, at) values ($1,$2,$3,$4,$5,$6,$7)',
      [id, actor.orgId, from, input.toStaffId, input.notes, JSON.stringify(open.map((o) => o.id)), at]);
    await appendEvent(tx, { actor, type: 'rota.handover', entityType: 'oncall_rota', entityId: id, at, reason: input.notes, data: { handoverId: id, fromStaffId: from, toStaffId: input.toStaffId, openIncidentIds: open.map((o) => o.id) } });
    return { id, openIncidents: open.length };
  });
}

/** The rota between two instants, and who is on call now for each service. */
export async function viewRota(deps: Deps, actor: Actor, from: Date, to: Date) {
  requireAction(actor, 'incident.read');
  const now = deps.clock.now();
  const shifts = await deps.db.query<Record<string, unknown>>(
    `select s.id, s.service_id, s.staff_id, st.name as staff_name, s.level, s.starts_at, s.ends_at, s.note from oncall_shifts s join staff st on st.id = s.staff_id
      where s.org_id = $1 and s.removed_at is null and s.starts_at < $3 and s.ends_at > $2 order by s.starts_at, s.level`,
    [actor.orgId, from, to],
  );
  const overrides = await deps.db.query<Record<string, unknown>>(
    `select o.id, o.service_id, o.original_staff_id, o.replacement_staff_id, r.name as replacement_name, o.starts_at, o.ends_at, o.reason from oncall_overrides o
       join staff r on r.id = o.replacement_staff_id where o.org_id = $1 and o.removed_at is null and o.starts_at < $3 and o.ends_at > $2 order by o.starts_at`,
    [actor.orgId, from, to],
  );
  const settings = escalationSettings(await orgSettings(deps.db, actor.orgId));
  const services = await deps.db.query<{ id: string; name: string }>('select id, name from services where org_id = $1 and is_active order by name', [actor.orgId]);
  const onCallNow = [];
  for (const s of services) {
    const chain = await onCallChain(deps.db, actor.orgId, s.id, now, settings);
    const names = await deps.db.query<{ id: string; name: string }>('select id, name from staff where id = any($1::uuid[])', [chain]);
    onCallNow.push({ serviceId: s.id, serviceName: s.name, chain: chain.map((id) => ({ staffId: id, name: names.find((n) => n.id === id)?.name ?? '' })) });
  }
  return { shifts, overrides, onCallNow, fallbackStaffId: settings.fallbackStaffId };
}
