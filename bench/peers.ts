import { Logger, run as runGraphileWorker } from 'graphile-worker';
import pg from 'pg';
import PgBoss from 'pg-boss';
import type { Db } from '../src/db/port.ts';
import { freshDb } from './databases.ts';
import { collectFigures, instrumentCommitTimes, waitForDecisions, type DecisionFigures, type DecisionSql } from './decisions.ts';

/**
 * The peers: the same burst and spread expressed as bare delayed jobs, one per missed
 * window (a check-in would have removed its window's job, so only the missed half is
 * queued). Each job's handler opens the "incident" with one INSERT. PostgreSQL only:
 * both libraries need a multi-connection server.
 * Settings are each library's quickest sensible ones, so the comparison flatters the peers.
 */
export type PeerName = 'graphile-worker' | 'pg-boss';
export type Shape = { kind: 'burst' | 'spread'; people: number; spreadMs: number };

export const PEER_SETTINGS = {
  'graphile-worker': { concurrency: 16, pollIntervalMs: 200, maxPoolSize: 20 },
  // pg-boss waits its polling interval between fetches even after a full batch, so its
  // throughput is workers × batchSize per interval: large batches keep it competitive.
  'pg-boss': { workers: 4, batchSize: 500, pollingIntervalSeconds: 0.5, max: 20 },
} as const;

/** Placeholder base time: jobs are queued far in the future, then all shifted by one UPDATE. */
const FAR = new Date('2099-01-01T00:00:00Z');


/** Windows of the burst close together; half are checked in. Spread windows are all missed. */
async function seedWindows(db: Db, shape: Shape): Promise<{ expected: number; sql: DecisionSql }> {
  await db.exec(`create table peer_windows (id int primary key, offset_ms double precision not null, due_at timestamptz not null, responded boolean not null);
    create table peer_incidents (window_id int not null, opened_at timestamptz not null default clock_timestamp());`);
  const decisionsSql = await instrumentCommitTimes(db, 'peer_incidents', 'window_id', 'int');
  const offset = shape.kind === 'burst' ? '0' : `(i - 1) * ${shape.spreadMs}::float8 / ${shape.people}`;
  const responded = shape.kind === 'burst' ? 'i % 2 = 0' : 'false';
  await db.query(
    `insert into peer_windows select i, ${offset}, $1::timestamptz + ${offset} * interval '1 ms', ${responded}
     from generate_series(1, ${shape.people}) i`,
    [FAR],
  );
  const [row] = await db.query<{ n: number }>('select count(*)::int as n from peer_windows where not responded');
  const sql: DecisionSql = { windowsSql: 'select id as window_id, due_at, not responded as should_open from peer_windows', decisionsSql };
  return { expected: row.n, sql };
}

/** Moves every queued job and window from FAR to (now + lead) in one transaction; returns the new base. */
async function shiftToNow(db: Db, jobUpdate: string, leadMs: number): Promise<Date> {
  return db.transaction(async (tx) => {
    const [r] = await tx.query<{ base: Date }>(`select now() + $1 * interval '1 ms' as base`, [leadMs]);
    const shift = `${FAR.getTime() - r.base.getTime()} milliseconds`;
    await tx.query(jobUpdate, [shift]);
    await tx.query(`update peer_windows set due_at = due_at - $1::interval`, [shift]);
    return r.base;
  });
}

export type PeerResult = DecisionFigures & { peer: PeerName; shape: Shape['kind']; settings: object; lateStart: boolean };

export async function runPeer(peer: PeerName, shape: Shape, opts: { pgUrl: string; log: (s: string) => void }): Promise<PeerResult> {
  const bench = await freshDb('pg', { pgUrl: opts.pgUrl, label: `peer_${peer}_${shape.kind}`, migrated: false });
  const stops: (() => Promise<void>)[] = [];
  try {
    const { expected, sql: SQL } = await seedWindows(bench.db, shape);
    let jobUpdate: string;
    if (peer === 'graphile-worker') {
      const s = PEER_SETTINGS['graphile-worker'];
      // Our own pool, so that its end is ours to await before the database is dropped.
      const pool = new pg.Pool({ connectionString: bench.url!, max: s.maxPoolSize });
      pool.on('error', () => undefined);
      stops.push(() => pool.end());
      const runner = await runGraphileWorker({
        pgPool: pool,
        concurrency: s.concurrency,
        pollInterval: s.pollIntervalMs,
        noHandleSignals: true,
        logger: new Logger(() => () => undefined),
        taskList: {
          decide: async (payload, helpers) => {
            await helpers.query('insert into peer_incidents (window_id) values ($1)', [(payload as { w: number }).w]);
          },
        },
      });
      stops.push(() => runner.stop());
      await bench.db.query(
        `select count(*) from graphile_worker.add_jobs(array(
           select row('decide', json_build_object('w', id), null, due_at, null, null, null, null)::graphile_worker.job_spec
           from peer_windows where not responded order by id))`,
      );
      jobUpdate = 'update graphile_worker._private_jobs set run_at = run_at - $1::interval';
    } else {
      const s = PEER_SETTINGS['pg-boss'];
      const boss = new PgBoss({ connectionString: bench.url!, max: s.max, schedule: false });
      let stopping = false;
      boss.on('error', (err) => stopping || opts.log(`  pg-boss error: ${err.message}`));
      await boss.start();
      stops.push(() => {
        stopping = true;
        return boss.stop({ graceful: false, wait: true });
      });
      await boss.createQueue('decide');
      const rows = await bench.db.query<{ id: number; due_at: Date }>('select id, due_at from peer_windows where not responded order by id');
      for (let i = 0; i < rows.length; i += 10_000) {
        await boss.insert(rows.slice(i, i + 10_000).map((r) => ({ name: 'decide', data: { w: r.id }, startAfter: r.due_at })));
      }
      for (let w = 0; w < s.workers; w++) {
        await boss.work<{ w: number }>('decide', { batchSize: s.batchSize, pollingIntervalSeconds: s.pollingIntervalSeconds }, async (jobs) => {
          await bench.db.query('insert into peer_incidents (window_id) select unnest($1::int[])', [jobs.map((j) => j.data.w)]);
        });
      }
      jobUpdate = `update pgboss.job set start_after = start_after - $1::interval where name = 'decide'`;
    }
    const leadMs = 2000 + shape.people / 50; // the shift of 100,000 rows commits well within this
    const base = await shiftToNow(bench.db, jobUpdate, leadMs);
    const lateStart = Date.now() > base.getTime();
    if (lateStart) opts.log(`  warning: ${peer} jobs were shifted after their base time; lateness includes the shift`);
    const label = `${peer} ${shape.kind}`;
    const timeoutMs = leadMs + (shape.kind === 'spread' ? shape.spreadMs : 0) + 180_000;
    const wait = await waitForDecisions(bench.db, SQL, { expected, timeoutMs, label, log: opts.log, closesAt: base });
    const figures = await collectFigures(bench.db, SQL, shape.kind === 'burst' ? base : null);
    const settings = PEER_SETTINGS[peer];
    return { ...figures, ...wait, peer, shape: shape.kind, settings, lateStart };
  } finally {
    for (const stop of stops.reverse()) await stop().catch((err) => opts.log(`  stopping ${peer}: ${err}`));
    await bench.drop();
  }
}
