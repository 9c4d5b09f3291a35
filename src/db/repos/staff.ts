import type { Role } from '../../domain/access/roles.ts';
import type { Queryable } from '../port.ts';

export type StaffRow = {
  id: string;
  org_id: string;
  email: string;
  name: string;
  role: Role;
  password_hash: string;
  is_active: boolean;
  must_change_password: boolean;
  phone: string | null;
  version: number;
  service_ids: string[];
};

const SELECT = `select s.*, coalesce(array(select ss.service_id::text from staff_services ss where ss.staff_id = s.id order by 1), '{}') as service_ids from staff s`;

export async function findStaffByEmail(db: Queryable, email: string): Promise<StaffRow | undefined> {
  const [row] = await db.query<StaffRow>(`${SELECT} where lower(s.email) = lower($1)`, [email]);
  return row;
}

export async function findStaff(db: Queryable, orgId: string, id: string): Promise<StaffRow | undefined> {
  const [row] = await db.query<StaffRow>(`${SELECT} where s.org_id = $1 and s.id = $2`, [orgId, id]);
  return row;
}

export async function listStaff(db: Queryable, orgId: string): Promise<StaffRow[]> {
  return db.query<StaffRow>(`${SELECT} where s.org_id = $1 order by s.name`, [orgId]);
}

export async function setStaffServices(db: Queryable, staffId: string, serviceIds: readonly string[]): Promise<void> {
  await db.query('delete from staff_services where staff_id = $1', [staffId]);
  for (const serviceId of serviceIds) {
    await db.query('insert into staff_services (staff_id, service_id) values ($1, $2)', [staffId, serviceId]);
  }
}

/** Public shape of a staff member: never the password hash. */
export function publicStaff(s: StaffRow) {
  return {
    id: s.id,
    email: s.email,
    name: s.name,
    role: s.role,
    isActive: s.is_active,
    mustChangePassword: s.must_change_password,
    phone: s.phone,
    serviceIds: s.service_ids,
    version: s.version,
  };
}
