import type { Actor, StaffActor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { findStaff } from '../../db/repos/staff.ts';
import type { Deps } from '../deps.ts';
import { checkPasswordStrength, hashPassword, verifyPassword } from '../passwords.ts';

/** A member of staff changes their own password; every other session of theirs ends. */
export async function changeOwnPassword(
  deps: Deps,
  actor: StaffActor,
  input: { currentPassword: string; newPassword: string },
  keepSessionHash: string,
) {
  checkPasswordStrength(input.newPassword);
  const me = await findStaff(deps.db, actor.orgId, actor.id);
  if (!me) throw notFound('Member of staff');
  if (!(await verifyPassword(me.password_hash, input.currentPassword))) throw invalid('currentPassword', 'Current password is not right');
  const passwordHash = await hashPassword(input.newPassword);
  await deps.db.transaction(async (tx) => {
    await tx.query('update staff set password_hash = $2, must_change_password = false, version = version + 1 where id = $1', [actor.id, passwordHash]);
    await tx.query('delete from sessions where staff_id = $1 and token_hash <> $2', [actor.id, keepSessionHash]);
    await appendEvent(tx, { actor, type: 'staff.password_changed', entityType: 'staff', entityId: actor.id, data: { by: 'self' }, at: deps.clock.now() });
  });
}

/** A registered manager sets a temporary password; the member of staff must change it. */
export async function resetPassword(deps: Deps, actor: Actor, staffId: string, input: { temporaryPassword: string }) {
  requireAction(actor, 'admin.manage');
  checkPasswordStrength(input.temporaryPassword, 'temporaryPassword');
  const target = await findStaff(deps.db, actor.orgId, staffId);
  if (!target) throw notFound('Member of staff');
  const passwordHash = await hashPassword(input.temporaryPassword);
  await deps.db.transaction(async (tx) => {
    await tx.query('update staff set password_hash = $2, must_change_password = true, version = version + 1 where id = $1', [staffId, passwordHash]);
    await tx.query('delete from sessions where staff_id = $1', [staffId]);
    await appendEvent(tx, { actor, type: 'staff.password_changed', entityType: 'staff', entityId: staffId, data: { by: 'reset' }, at: deps.clock.now() });
  });
}
