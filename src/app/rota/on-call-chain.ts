import type { Queryable } from '../../db/port.ts';
import { registeredManagers } from '../../db/repos/incident-workflow.ts';
import { resolveChain, type Override, type Shift } from '../../domain/escalation/rota.ts';
import type { EscalationSettings } from '../../domain/escalation/settings.ts';

type ShiftRow = { id: string; service_id: string | null; staff_id: string; level: number; starts_at: Date; ends_at: Date };
type OverrideRow = { id: string; service_id: string | null; original_staff_id: string | null; replacement_staff_id: string; starts_at: Date; ends_at: Date };

/**
 * The escalation chain for a service at an instant, from the rota in the database: rostered
 * on-call by level, organisation-wide cover, then the fallback person — and, if the rota names
 * nobody at all, the registered managers, so an alert always has somebody (never silently lost).
 * Inactive staff are skipped.
 */
export async function onCallChain(db: Queryable, orgId: string, serviceId: string, at: Date, settings: EscalationSettings): Promise<string[]> {
  const shifts = await db.query<ShiftRow>(
    `select s.id, s.service_id, s.staff_id, s.level, s.starts_at, s.ends_at from oncall_shifts s join staff st on st.id = s.staff_id
      where s.org_id = $1 and s.removed_at is null and st.is_active and s.starts_at <= $2 and s.ends_at > $2`,
    [orgId, at],
  );
  const overrides = await db.query<OverrideRow>(
    `select o.id, o.service_id, o.original_staff_id, o.replacement_staff_id, o.starts_at, o.ends_at from oncall_overrides o
       join staff st on st.id = o.replacement_staff_id
      where o.org_id = $1 and o.removed_at is null and st.is_active and o.starts_at <= $2 and o.ends_at > $2`,
    [orgId, at],
  );
  const fallback: string[] = [];
  if (settings.fallbackStaffId) {
    const [row] = await db.query<{ id: string }>('select id from staff where org_id = $1 and id = $2 and is_active', [orgId, settings.fallbackStaffId]);
    if (row) fallback.push(row.id);
  }
  const chain = resolveChain({
    serviceId, at,
    shifts: shifts.map((s): Shift => ({ id: s.id, serviceId: s.service_id, staffId: s.staff_id, level: s.level, startsAt: s.starts_at, endsAt: s.ends_at })),
    overrides: overrides.map((o): Override => ({
      id: o.id, serviceId: o.service_id, originalStaffId: o.original_staff_id, replacementStaffId: o.replacement_staff_id, startsAt: o.starts_at, endsAt: o.ends_at,
    })),
    fallbackStaffIds: fallback,
  });
  return chain.length ? chain : registeredManagers(db, orgId);
}
