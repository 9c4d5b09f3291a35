import { systemClock } from '../src/domain/time/clock.ts';
import { Child } from './child.ts';
import { freshDb, type DbKind } from './databases.ts';
import { collectFigures, waitForDecisions, type DecisionFigures } from './decisions.ts';
import { engineDecisionSql, seedOrganisations, seedWindows, shiftWindowsToNow, startWellcheckEngine } from './wellcheck.ts';

/**
 * The morning burst and the spread load against the real Wellcheck engine.
 * - burst: `people` windows all close in the same second, half of them already checked in;
 * - spread: `people` windows closing evenly over `spreadMs`, none checked in.
 * PGlite runs the engine in this process (it is single-process); PostgreSQL runs each
 * engine as its own child process, so two engines really are two processes.
 */
export type EngineVariant = 'one' | 'two' | 'two-kill';
export const VARIANT_LABELS: Record<EngineVariant, string> = {
  one: '1 engine',
  two: '2 engines',
  'two-kill': '2 engines, 1 SIGKILLed mid-burst',
};

export type EngineRunOptions = {
  kind: DbKind;
  shape: 'burst' | 'spread';
  variant: EngineVariant;
  people: number;
  spreadMs: number;
  orgs: number;
  pgUrl: string;
  log: (line: string) => void;
};

export type EngineResult = DecisionFigures & {
  lateStart: boolean;
  seedMs: number;
  engineLogLines: number;
  kill?: { afterMs: number; decidedBefore: number };
};

/** Fraction of the expected incidents after which the second engine is killed. */
const KILL_AT = 0.25;

export async function runEngineBench(o: EngineRunOptions): Promise<EngineResult> {
  const label = `${o.kind} ${o.shape} ${VARIANT_LABELS[o.variant]}`;
  const bench = await freshDb(o.kind, { pgUrl: o.pgUrl, label: `${o.shape}_${o.variant}` });
  const children: Child[] = [];
  let stopInProcess: (() => Promise<void>) | null = null;
  let engineLogLines = 0;
  const engineLog = (who: string) => (line: string) => {
    if (line.startsWith('Wellcheck engine started')) return;
    engineLogLines++;
    if (engineLogLines <= 20) o.log(`  [${who}] ${line}`);
  };
  try {
    const sql = await engineDecisionSql(bench.db);
    const orgs = await bench.db.transaction((tx) => seedOrganisations(tx, o.orgs));
    // Seeded a day ahead (the engine sleeps at most its poll interval), then moved to now.
    const far = new Date(Date.now() + 86_400_000);
    const seedStart = performance.now();
    await seedWindows(bench.db, {
      people: o.people,
      orgs,
      base: far,
      closesAtSql: o.shape === 'burst' ? '$base' : `$base + (i - 1) * (${o.spreadMs}::float8 / ${o.people}) * interval '1 ms'`,
      checkedInSql: o.shape === 'burst' ? 'x.i % 2 = 0' : 'false',
    });
    const seedMs = performance.now() - seedStart;
    o.log(`  ${label}: seeded ${o.people.toLocaleString('en-GB')} people in ${(seedMs / 1000).toFixed(1)} s`);

    const n = o.variant === 'one' ? 1 : 2;
    if (o.kind === 'pglite') {
      if (n > 1) throw new Error('PGlite is single-process: one engine only');
      stopInProcess = await startWellcheckEngine({ db: bench.db, clock: systemClock, config: { SECURE_COOKIES: 'off' } }, engineLog('engine'));
    } else {
      for (let k = 1; k <= n; k++) {
        // The connection's application_name tells which engine committed each incident.
        const url = new URL(bench.url!);
        url.searchParams.set('application_name', `engine-${k}`);
        const child = new Child('./engine-child.ts', { BENCH_DB_URL: url.toString() }, `engine ${k}`);
        child.onLog = engineLog(`engine ${k}`);
        children.push(child);
      }
      await Promise.all(children.map((c) => c.next('ready', 60_000)));
    }

    const leadMs = 2000 + o.people / 40;
    const base = await shiftWindowsToNow(bench.db, far, leadMs);
    const lateStart = Date.now() > base.getTime();
    if (lateStart) o.log(`  warning: ${label}: windows were moved after they closed; lateness includes the move`);

    const [{ expected }] = await bench.db.query<{ expected: number }>(
      `select count(*)::int as expected from (${sql.windowsSql}) w where should_open`);
    let kill: EngineResult['kill'];
    const wait = await waitForDecisions(bench.db, sql, {
      expected,
      label,
      log: o.log,
      closesAt: base,
      timeoutMs: leadMs + (o.shape === 'spread' ? o.spreadMs : 0) + 180_000,
      graceMs: n > 1 ? 2000 : 500,
      onTick: (decided) => {
        if (o.variant === 'two-kill' && !kill && decided >= expected * KILL_AT) {
          children[1].kill9();
          kill = { afterMs: Date.now() - base.getTime(), decidedBefore: decided };
          o.log(`  ${label}: SIGKILL sent to engine 2 (pid ${children[1].proc.pid}) with ${decided.toLocaleString('en-GB')} decided`);
        }
      },
    });
    const figures = await collectFigures(bench.db, sql, o.shape === 'burst' ? base : null);
    return { ...figures, ...wait, lateStart, seedMs, engineLogLines, kill };
  } finally {
    await stopInProcess?.().catch((err) => o.log(`  stopping engine: ${err}`));
    await Promise.all(children.map((c) => c.stop()));
    await bench.drop();
  }
}
