import type { Deps } from '../src/app/deps.ts';
import type { Db, Queryable } from '../src/db/port.ts';
import { protocolContent } from '../src/domain/protocol/content.ts';
import { ENGINE_CHANNEL } from '../src/engine/engine.ts';
import { instrumentCommitTimes, type DecisionSql } from './decisions.ts';

/**
 * Everything the benchmarks know about Wellcheck's own tables: bulk seeding that matches
 * the real schema (migrations 0001–0003), moving a seeded burst to "now", waking the engine
 * and the SQL that counts its decisions. Seeding writes rows directly (generate_series) for
 * speed; the state it leaves is what the app and the engine's schedule sync would have left.
 */

/** One expected contact a day; its window (not the protocol's time) is what the seed sets. */
export const BENCH_PROTOCOL = protocolContent.parse({
  risk: { assessedLevel: 'medium', factors: ['Benchmark person'] },
  expectedContacts: [{ key: 'morning-visit', kind: 'visit', times: ['08:00'], recurrence: { type: 'daily' }, windowMinutes: 30 }],
  contactMethods: [{ method: 'phone_call', attempts: 2, spacingMinutes: 5 }],
  knownRoutines: [],
  specificRisks: [],
  involvement: { howInvolved: 'Benchmark', wishes: '' },
  nextReviewDate: '2027-11-23',
});

export type OrgService = { orgId: string; serviceId: string };

/** Organisations with one service each, made in bulk (the engine needs no staff). */
export async function seedOrganisations(tx: Queryable, count: number): Promise<OrgService[]> {
  const orgs = await tx.query<{ id: string }>(
    `insert into organisations (id, name) select gen_random_uuid(), 'Benchmark organisation ' || lpad(g::text, 4, '0')
       from generate_series(1, $1::int) g returning id`,
    [count],
  );
  const out: OrgService[] = [];
  for (const o of orgs) {
    const [s] = await tx.query<{ id: string }>(
      `insert into services (id, org_id, name, kind) values (gen_random_uuid(), $1, 'Benchmark scheme', 'supported_living') returning id`,
      [o.id],
    );
    out.push({ orgId: o.id, serviceId: s.id });
  }
  return out;
}

export type WindowPlan = {
  people: number;
  orgs: OrgService[];
  /** Window close of person i (1-based), as SQL over `i` and `$base` (timestamptz). */
  closesAtSql: string;
  base: Date;
  /** SQL over `i`: true when person i has already checked in (their window is answered). */
  checkedInSql: string;
};

/**
 * People (spread round-robin over the organisations), a protocol version each, and one due
 * scheduled contact each, in one transaction so a running engine never sees the schedule
 * sync queue the protocol trigger fills (the seeded contacts are the synced schedule).
 * Checked-in people get a check-in row and a 'responded' contact, as record-check-in leaves them.
 */
export async function seedWindows(db: Db, plan: WindowPlan): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `insert into people (id, org_id, service_id, external_ref, given_name, family_name, created_at, updated_at)
       select gen_random_uuid(), o.org_id, o.service_id, 'bench-' || i, 'Bench', 'Person ' || i, now(), now()
         from generate_series(1, $3::int) i
         join unnest($1::uuid[], $2::uuid[]) with ordinality as o(org_id, service_id, k) on o.k = (i % $4::int) + 1`,
      [plan.orgs.map((o) => o.orgId), plan.orgs.map((o) => o.serviceId), plan.people, plan.orgs.length],
    );
    await tx.query(
      `insert into protocol_versions (id, org_id, person_id, version, content, reason, created_at)
       select gen_random_uuid(), org_id, id, 1, $1::jsonb, 'Benchmark seed', now() from people where external_ref like 'bench-%'`,
      [JSON.stringify(BENCH_PROTOCOL)],
    );
    await tx.query('delete from schedule_sync_queue');
    await tx.query(
      `insert into scheduled_contacts (id, org_id, person_id, protocol_version_id, contact_key, kind, local_date, local_time,
         due_at, opens_at, window_closes_at, carries_medication, status, created_at)
       select gen_random_uuid(), p.org_id, p.id, v.id, 'morning-visit', 'visit', (c.at at time zone 'Europe/London')::date, '08:00',
              c.at - interval '30 minutes', c.at - interval '60 minutes', c.at, false, 'due', now()
         from people p
         join protocol_versions v on v.person_id = p.id
         cross join lateral (select substr(p.external_ref, 7)::int as i) n
         cross join lateral (select ${plan.closesAtSql.replaceAll('$base', '$1::timestamptz')} as at from (select n.i as i) x) c
        where p.external_ref like 'bench-%'`,
      [plan.base],
    );
    await tx.query(
      `with answered as (
         select sc.id, sc.org_id, sc.person_id, sc.due_at, gen_random_uuid() as check_in_id
           from scheduled_contacts sc join people p on p.id = sc.person_id
          cross join lateral (select substr(p.external_ref, 7)::int as i) x
          where ${plan.checkedInSql}),
       ins as (
         insert into check_ins (id, org_id, person_id, source, outcome, note, occurred_at, recorded_at, scheduled_contact_id)
         select check_in_id, org_id, person_id, 'staff', 'responded', '', due_at, due_at, id from answered)
       update scheduled_contacts sc set status = 'responded', check_in_id = a.check_in_id, decided_at = a.due_at
         from answered a where a.id = sc.id`,
    );
    // The seeded windows, so that the next instances the engine creates are not counted.
    await tx.exec(`create table if not exists bench_windows (id uuid primary key, should_open boolean not null)`);
    await tx.query(`insert into bench_windows select id, status = 'due' from scheduled_contacts`);
  });
  await db.exec('analyze people; analyze protocol_versions; analyze scheduled_contacts; analyze check_ins');
}

/**
 * Moves every seeded window by (now + lead − base) in one transaction and wakes the engine
 * the way any write to the schedule does (NOTIFY on its channel, delivered at commit).
 * Returns the new base: the moment the burst's windows close.
 */
export async function shiftWindowsToNow(db: Db, base: Date, leadMs: number): Promise<Date> {
  const newBase = await db.transaction(async (tx) => {
    const [r] = await tx.query<{ at: Date }>(`select now() + $1 * interval '1 ms' as at`, [leadMs]);
    const shift = `${base.getTime() - r.at.getTime()} milliseconds`;
    await tx.query(
      `update scheduled_contacts set due_at = due_at - $1::interval, opens_at = opens_at - $1::interval,
         window_closes_at = window_closes_at - $1::interval where status = 'due'`,
      [shift],
    );
    await tx.query(`select pg_notify($1, 'scheduled_contacts')`, [ENGINE_CHANNEL]);
    return r.at;
  });
  await db.exec('analyze scheduled_contacts');
  return newBase;
}

/** Instruments incidents (commit times) and says how to count the engine's decisions. */
export async function engineDecisionSql(db: Db): Promise<DecisionSql> {
  const decisionsSql = await instrumentCommitTimes(db, 'incidents', 'scheduled_contact_id', 'uuid');
  return {
    windowsSql: `select b.id as window_id, sc.window_closes_at as due_at, b.should_open
                   from bench_windows b join scheduled_contacts sc on sc.id = b.id`,
    decisionsSql,
  };
}

/** The engine's entry point, for the in-process (PGlite) case and the child process. */
export async function startWellcheckEngine(deps: Deps, log: (line: string) => void): Promise<() => Promise<void>> {
  const { startEngine } = await import('../src/engine/start.ts');
  return startEngine(deps, log);
}
