import { createHash, randomBytes } from 'node:crypto';
import type { Deps } from '../../src/app/deps.ts';
import { migrate } from '../../src/db/migrate.ts';
import { newId } from '../../src/db/ids.ts';
import { openPg } from '../../src/db/pg.ts';
import { openPglite } from '../../src/db/pglite.ts';
import type { Db } from '../../src/db/port.ts';
import { createDemoOrganisation } from '../../src/demo/organisation.ts';
import { systemClock } from '../../src/domain/time/clock.ts';
import { pgUrl } from './db.ts';
import { protocolWith } from './schedule-seed.ts';

/**
 * A database for tests that run the real server or engine as child processes: PGlite in a
 * directory, or a fresh PostgreSQL schema (passed to the child through the URL's options).
 */
export type ChildDb = { db: Db; env: Record<string, string>; drop(): Promise<void> };

export async function childDb(kind: 'pglite' | 'pg', dataDir: string): Promise<ChildDb> {
  if (kind === 'pglite') {
    const db = await openPglite(`${dataDir}/pglite`);
    await migrate(db);
    return { db, env: { DATA_DIR: dataDir }, drop: async () => undefined };
  }
  const url = pgUrl()!;
  const schema = `wc_child_${randomBytes(6).toString('hex')}`;
  const admin = await openPg({ connectionString: url, max: 1 });
  await admin.exec(`create schema ${schema}`);
  const db = await openPg({ connectionString: url, searchPath: schema, max: 4 });
  await migrate(db);
  const childUrl = `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  return {
    db, env: { DATABASE_URL: childUrl },
    async drop() {
      await admin.exec(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}

export type World = { orgId: string; token: string; checkInPeople: string[]; windowPeople: string[] };

/**
 * An organisation with an integration token, `windows` people each with one due contact whose
 * window closes within `spreadMs` of `closeFrom`, and `checkIns` people to check in.
 */
export async function seedWorld(db: Db, o: { windows: number; checkIns: number; closeFrom: Date; spreadMs: number }): Promise<World> {
  const deps: Deps = { db, clock: systemClock, config: { SECURE_COOKIES: 'off' } };
  const demo = await createDemoOrganisation(deps, `Crash test ${randomBytes(3).toString('hex')}`, randomBytes(3).toString('hex'));
  const token = `wct_${randomBytes(24).toString('base64url')}`;
  const now = new Date();
  await db.query('insert into api_tokens (id, org_id, name, token_hash, created_by, created_at) values ($1,$2,$3,$4,$5,$6)',
    [newId(), demo.orgId, 'crash test', createHash('sha256').update(token).digest('hex'), demo.staffIds.registered_manager, now]);
  const content = JSON.stringify(protocolWith([{ key: 'visit', times: ['03:00'] }]));
  const makePeople = async (n: number) => {
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const id = newId();
      ids.push(id);
      await db.query(`insert into people (id, org_id, service_id, given_name, family_name, created_at, updated_at) values ($1,$2,$3,'Test',$4,$5,$5)`,
        [id, demo.orgId, demo.serviceIds.scheme, `Person ${i}`, now]);
      await db.query(`insert into protocol_versions (id, org_id, person_id, version, content, reason, created_at) values ($1,$2,$3,1,$4,'test',$5)`,
        [newId(), demo.orgId, id, content, now]);
    }
    return ids;
  };
  const windowPeople = await makePeople(o.windows);
  const checkInPeople = await makePeople(o.checkIns);
  // The schedule sync would create 03:00 instances; these tests want windows closing now.
  await db.query('delete from schedule_sync_queue');
  for (const [i, personId] of windowPeople.entries()) {
    const closes = new Date(o.closeFrom.getTime() + Math.floor((i / Math.max(1, o.windows)) * o.spreadMs));
    const due = new Date(closes.getTime() - 15 * 60_000);
    const pv = (await db.query<{ id: string }>('select id from protocol_versions where person_id = $1', [personId]))[0].id;
    await db.query(
      `insert into scheduled_contacts (id, org_id, person_id, protocol_version_id, contact_key, kind, local_date, local_time, due_at, opens_at,
         window_closes_at, carries_medication, status, created_at) values ($1,$2,$3,$4,'visit','visit','2026-11-23','03:00',$5,$5,$6,false,'due',$7)`,
      [newId(), demo.orgId, personId, pv, due, closes, now]);
  }
  return { orgId: demo.orgId, token, checkInPeople, windowPeople };
}

/** Every closed window decided exactly once: the figures a test asserts on. */
export async function windowFigures(db: Db, orgId: string, closedBy: Date) {
  const [r] = await db.query<{ undecided: number; missed: number; incidents: number; opened_events: number; dup_incidents: number; missed_without: number }>(
    `select
       (select count(*)::int from scheduled_contacts where org_id = $1 and status = 'due' and window_closes_at <= $2) as undecided,
       (select count(*)::int from scheduled_contacts where org_id = $1 and status = 'missed') as missed,
       (select count(*)::int from incidents where org_id = $1 and source = 'missed_window') as incidents,
       (select count(*)::int from events where org_id = $1 and type = 'incident.opened') as opened_events,
       (select count(*)::int from (select scheduled_contact_id from incidents where org_id = $1 and scheduled_contact_id is not null
          group by scheduled_contact_id having count(*) > 1) d) as dup_incidents,
       (select count(*)::int from scheduled_contacts sc where org_id = $1 and status = 'missed'
          and not exists (select 1 from incidents i where i.scheduled_contact_id = sc.id)) as missed_without`,
    [orgId, closedBy]);
  return r;
}
