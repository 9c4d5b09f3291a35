import type { Queryable } from '../src/db/port.ts';

/**
 * Measuring "every missed window gets exactly one incident, on time" the same way for the
 * Wellcheck engine and for the peers: each side supplies two SELECTs and this file does
 * the counting in SQL, so duplicates and misses are counted by the database, not by us.
 *   windowsSql   → (window_id, due_at timestamptz, should_open boolean)
 *   decisionsSql → (window_id, opened_at timestamptz)  one row per incident opened
 */
export type DecisionSql = { windowsSql: string; decisionsSql: string };

export type DecisionFigures = {
  windows: number;
  /** windows that should have opened an incident (missed, not checked in) */
  expected: number;
  /** windows with at least one incident */
  decided: number;
  /** incidents beyond the first for the same window */
  duplicates: number;
  /** missed windows with no incident */
  misses: number;
  /** incidents for windows that were checked in */
  wrong: number;
  /** incidents opened before their window closed */
  early: number;
  latenessMs: { p50: number | null; p99: number | null; max: number | null; min: number | null };
  /** incidents per deciding process (its connection's application_name) */
  byDecider: Record<string, number>;
  /** last incident opened − the moment the burst's windows closed (burst only) */
  decidedInMs: number | null;
  timedOut: boolean;
  waitedMs: number;
};

/**
 * Lateness is measured to the moment the incident became visible, i.e. its commit, not to
 * the time the decider wrote in the row: a deferred constraint trigger records
 * clock_timestamp() per inserted row at commit into an unlogged side table. Its cost falls
 * on the decider being measured, so the figures are, if anything, pessimistic. The same
 * instrument is used for Wellcheck and for the peers.
 */
export async function instrumentCommitTimes(db: Queryable, table: string, windowColumn: string, idType: 'uuid' | 'int'): Promise<DecisionSql['decisionsSql']> {
  await db.exec(`
    create unlogged table bench_seen (window_id ${idType} not null, seen_at timestamptz not null,
      decided_by text not null default coalesce(nullif(current_setting('application_name', true), ''), 'in-process'));
    create function bench_seen_row() returns trigger language plpgsql as $$
    begin
      if new.${windowColumn} is not null then insert into bench_seen values (new.${windowColumn}, clock_timestamp()); end if;
      return null;
    end $$;
    create constraint trigger bench_seen after insert on ${table}
      deferrable initially deferred for each row execute function bench_seen_row();`);
  return 'select window_id, seen_at as opened_at from bench_seen';
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export async function countDecisions(db: Queryable, sql: DecisionSql): Promise<number> {
  const [row] = await db.query<{ n: number }>(`select count(distinct window_id)::int as n from (${sql.decisionsSql}) d`);
  return row.n;
}

export async function collectFigures(db: Queryable, sql: DecisionSql, burstAt: Date | null): Promise<Omit<DecisionFigures, 'timedOut' | 'waitedMs'>> {
  const [r] = await db.query<Record<string, unknown>>(
    `with w as (${sql.windowsSql}),
          d as (${sql.decisionsSql}),
          firsts as (select window_id, min(opened_at) as opened_at, count(*) as n from d group by window_id),
          late as (select extract(epoch from (f.opened_at - w.due_at)) * 1000 as ms, f.opened_at
                   from firsts f join w on w.window_id = f.window_id)
     select (select count(*) from w)::int as windows,
            (select count(*) from w where should_open)::int as expected,
            (select count(*) from firsts)::int as decided,
            (select coalesce(sum(n - 1), 0) from firsts)::int as duplicates,
            (select count(*) from w where should_open
               and not exists (select 1 from firsts f where f.window_id = w.window_id))::int as misses,
            (select count(*) from w join firsts f on f.window_id = w.window_id where not w.should_open)::int as wrong,
            (select count(*) from late where ms < 0)::int as early,
            (select percentile_disc(0.5) within group (order by ms) from late) as p50,
            (select percentile_disc(0.99) within group (order by ms) from late) as p99,
            (select max(ms) from late) as max,
            (select min(ms) from late) as min,
            (select extract(epoch from (max(opened_at) - $1::timestamptz)) * 1000 from late) as decided_in`,
    [burstAt ?? new Date(0)],
  );
  const deciders = await db.query<{ decided_by: string; n: number }>(
    'select decided_by, count(*)::int as n from bench_seen group by decided_by order by decided_by');
  return {
    byDecider: Object.fromEntries(deciders.map((d) => [d.decided_by, d.n])),
    windows: Number(r.windows), expected: Number(r.expected), decided: Number(r.decided),
    duplicates: Number(r.duplicates), misses: Number(r.misses), wrong: Number(r.wrong), early: Number(r.early),
    latenessMs: { p50: num(r.p50), p99: num(r.p99), max: num(r.max), min: num(r.min) },
    decidedInMs: burstAt ? num(r.decided_in) : null,
  };
}

/**
 * Polls until `expected` windows are decided or the deadline passes, printing a progress
 * line every couple of seconds. A small grace period after the last decision lets a late
 * duplicate (say, from a second engine) land before we count.
 */
export async function waitForDecisions(
  db: Queryable,
  sql: DecisionSql,
  opts: {
    expected: number; timeoutMs: number; label: string; log: (s: string) => void; graceMs?: number; onTick?: (decided: number) => void;
    /** When the (first) windows close: progress lines count from here. */
    closesAt: Date;
  },
): Promise<{ timedOut: boolean; waitedMs: number }> {
  const start = performance.now();
  let lastLog = start;
  for (;;) {
    const decided = await countDecisions(db, sql);
    opts.onTick?.(decided);
    const waited = performance.now() - start;
    if (decided >= opts.expected) {
      await new Promise((r) => setTimeout(r, opts.graceMs ?? 1000));
      return { timedOut: false, waitedMs: waited };
    }
    if (waited > opts.timeoutMs) return { timedOut: true, waitedMs: waited };
    if (performance.now() - lastLog > 2000) {
      lastLog = performance.now();
      const since = (Date.now() - opts.closesAt.getTime()) / 1000;
      const when = since < 0 ? `${(-since).toFixed(1)} s before the windows close` : `${since.toFixed(1)} s after the (first) windows closed`;
      opts.log(`  ${opts.label}: ${decided.toLocaleString('en-GB')}/${opts.expected.toLocaleString('en-GB')} decided, ${when}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
