import type { Queryable } from '../port.ts';

export type ServiceRow = { id: string; org_id: string; name: string; kind: string; is_active: boolean };

export async function listServices(db: Queryable, orgId: string): Promise<ServiceRow[]> {
  return db.query<ServiceRow>('select * from services where org_id = $1 order by name', [orgId]);
}

export async function findService(db: Queryable, orgId: string, id: string): Promise<ServiceRow | undefined> {
  const [row] = await db.query<ServiceRow>('select * from services where org_id = $1 and id = $2', [orgId, id]);
  return row;
}

/** Ids among `ids` that are not services of this organisation (cross-tenant ids included). */
export async function unknownServiceIds(db: Queryable, orgId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<{ id: string }>('select id from services where org_id = $1 and id = any($2::uuid[])', [orgId, ids]);
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

export const publicService = (s: ServiceRow) => ({ id: s.id, name: s.name, kind: s.kind, isActive: s.is_active });
