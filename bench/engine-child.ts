/**
 * One Wellcheck engine in its own process, for the two-engine and kill benchmarks: it
 * opens its own pool on the run's PostgreSQL database and runs the real engine until told
 * to stop (SIGTERM) — or is killed with SIGKILL mid-burst.
 */
import { openPg } from '../src/db/pg.ts';
import { systemClock } from '../src/domain/time/clock.ts';
import { reply } from './child.ts';
import { startWellcheckEngine } from './wellcheck.ts';

const url = process.env.BENCH_DB_URL;
if (!url) throw new Error('BENCH_DB_URL is required');
const db = await openPg({ connectionString: url, max: 10 });
const stop = await startWellcheckEngine({ db, clock: systemClock, config: { SECURE_COOKIES: 'off' } }, (line) => {
  if (!line.startsWith('Wellcheck engine started')) reply({ type: 'log', line });
});
reply({ type: 'ready', pid: process.pid });

process.once('SIGTERM', async () => {
  await stop().catch(() => undefined);
  await db.close().catch(() => undefined);
  process.exit(0);
});
