import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import type { Role } from '../../domain/access/roles.ts';
import { conflict, invalid, notFound } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { unknownServiceIds } from '../../db/repos/services.ts';
import { findStaff, publicStaff, setStaffServices } from '../../db/repos/staff.ts';
import type { Deps } from '../deps.ts';

export type StaffChanges = {
  version: number;
  name?: string;
  role?: Role;
  serviceIds?: string[];
  isActive?: boolean;
  phone?: string | null;
};

/** Changes a member of staff's name, role, services or status; compare-and-set on `version`. */
export async function updateStaff(deps: Deps, actor: Actor, staffId: string, input: StaffChanges) {
  requireAction(actor, 'admin.manage');
  const current = await findStaff(deps.db, actor.orgId, staffId);
  if (!current) throw notFound('Member of staff');
  if (input.serviceIds) {
    const unknown = await unknownServiceIds(deps.db, actor.orgId, input.serviceIds);
    if (unknown.length) throw invalid('serviceIds', `Unknown service ${unknown[0]}`);
  }
  if (actor.kind === 'staff' && actor.id === staffId && input.isActive === false) {
    throw invalid('isActive', 'You cannot deactivate your own account');
  }
  const { version, ...changes } = input;
  await deps.db.transaction(async (tx) => {
    const updated = await tx.query(
      `update staff set name = coalesce($3, name), role = coalesce($4, role), is_active = coalesce($5, is_active),
         phone = case when $6::boolean then $7 else phone end, version = version + 1
       where org_id = $1 and id = $2 and version = $8 returning id`,
      [actor.orgId, staffId, input.name ?? null, input.role ?? null, input.isActive ?? null,
        input.phone !== undefined, input.phone ?? null, version],
    );
    if (updated.length === 0) throw conflict('Someone else changed this member of staff; reload and try again', 'version');
    if (input.serviceIds) await setStaffServices(tx, staffId, input.serviceIds);
    if (input.isActive === false) await tx.query('delete from sessions where staff_id = $1', [staffId]);
    await appendEvent(tx, { actor, type: 'staff.updated', entityType: 'staff', entityId: staffId, data: changes, at: deps.clock.now() });
  });
  return publicStaff((await findStaff(deps.db, actor.orgId, staffId))!);
}
