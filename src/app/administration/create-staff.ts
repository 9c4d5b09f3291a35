import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import type { Role } from '../../domain/access/roles.ts';
import { conflict, invalid } from '../../domain/errors.ts';
import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import { unknownServiceIds } from '../../db/repos/services.ts';
import { findStaff, findStaffByEmail, publicStaff, setStaffServices } from '../../db/repos/staff.ts';
import type { Deps } from '../deps.ts';
import { checkPasswordStrength, hashPassword } from '../passwords.ts';

export type NewStaff = { name: string; email: string; role: Role; serviceIds: string[]; password: string; phone?: string | null };

/** A registered manager adds a member of staff; they must change the password at first sign-in. */
export async function createStaff(deps: Deps, actor: Actor, input: NewStaff, options = { mustChangePassword: true }) {
  requireAction(actor, 'admin.manage');
  checkPasswordStrength(input.password, 'password');
  const unknown = await unknownServiceIds(deps.db, actor.orgId, input.serviceIds);
  if (unknown.length) throw invalid('serviceIds', `Unknown service ${unknown[0]}`);
  if (await findStaffByEmail(deps.db, input.email)) throw conflict('A member of staff already uses this email', 'email');
  const id = newId();
  const passwordHash = await hashPassword(input.password);
  await deps.db.transaction(async (tx) => {
    await tx.query(
      `insert into staff (id, org_id, email, name, role, password_hash, must_change_password, phone)
       values ($1,$2,$3,$4,$5,$6,$7,$8)`,
      [id, actor.orgId, input.email, input.name, input.role, passwordHash, options.mustChangePassword, input.phone ?? null],
    );
    await setStaffServices(tx, id, input.serviceIds);
    await appendEvent(tx, {
      actor, type: 'staff.created', entityType: 'staff', entityId: id, at: deps.clock.now(),
      data: { name: input.name, email: input.email, role: input.role, serviceIds: input.serviceIds },
    });
  });
  return publicStaff((await findStaff(deps.db, actor.orgId, id))!);
}
