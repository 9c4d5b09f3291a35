/**
 * The ingest benchmark's server process: the real Wellcheck HTTP app and, beside it on the
 * same database and pool, the no-logic ceiling — a bare Fastify route doing one INSERT.
 * The load generator runs in the parent process, so the two never share an event loop.
 */
import Fastify from 'fastify';
import { systemClock } from '../src/domain/time/clock.ts';
import type { Deps } from '../src/app/deps.ts';
import { newId } from '../src/db/ids.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPg } from '../src/db/pg.ts';
import { openPglite } from '../src/db/pglite.ts';
import { buildServer } from '../src/http/server.ts';
import { onMessage, reply } from './child.ts';
import { prepareWellcheckIngest, type IngestRecipe } from './ingest-wellcheck.ts';

const kind = process.env.BENCH_DB_KIND;
const people = Number(process.env.BENCH_PEOPLE ?? 20_000);
const orgs = Number(process.env.BENCH_ORGS ?? 1);
let db;
if (kind === 'pglite') {
  db = await openPglite();
  await migrate(db);
} else {
  // The app's own default pool size (src/db/open.ts), shared by both endpoints.
  db = await openPg({ connectionString: process.env.BENCH_DB_URL!, max: 10 });
}
const deps: Deps = { db, clock: systemClock, config: { SECURE_COOKIES: 'off' } };

await db.exec(`create table bench_ceiling_checkins (
  id uuid primary key, person_id uuid not null, note text not null, occurred_at timestamptz not null, recorded_at timestamptz not null)`);
const ceiling = Fastify({ logger: false });
ceiling.post('/check-ins', async (request, res) => {
  const body = request.body as { personId: string; note?: string };
  const now = new Date();
  const id = newId(now.getTime());
  await db.query('insert into bench_ceiling_checkins (id, person_id, note, occurred_at, recorded_at) values ($1, $2, $3, $4, $4)',
    [id, body.personId, body.note ?? '', now]);
  return res.status(201).send({ id });
});
await ceiling.listen({ host: '127.0.0.1', port: 0 });
const ceilingPort = (ceiling.server.address() as { port: number }).port;

let wellcheck: { port: number; recipe: IngestRecipe } | { error: string };
try {
  const app = await buildServer(deps, { logLevel: 'silent' });
  const recipe = await prepareWellcheckIngest(deps, app, { people, orgs });
  await app.listen({ host: '127.0.0.1', port: 0 });
  wellcheck = { port: (app.server.address() as { port: number }).port, recipe };
} catch (err) {
  wellcheck = { error: String(err instanceof Error ? err.message : err) };
}

const peopleIds = await db.query<{ id: string }>(`select id from people where external_ref like 'bench-%' limit $1`, [people]);
const ceilingRecipe: IngestRecipe = {
  idempotency: false,
  headerSets: [{ 'content-type': 'application/json' }],
  items: (peopleIds.length ? peopleIds : [{ id: newId() }]).map((p) => ({ path: '/check-ins', body: JSON.stringify({ personId: p.id, note: '' }), headerSet: 0 })),
};

onMessage({
  /** How many of the acknowledged ids are in the database. */
  found: async (m) => {
    if (m.endpoint === 'ceiling') {
      const [r] = await db.query<{ n: number }>('select count(*)::int as n from bench_ceiling_checkins where id = any($1::uuid[])', [m.ids]);
      return { n: r.n, answered: 0 };
    }
    const [r] = await db.query<{ n: number; answered: number }>(
      'select count(*)::int as n, count(scheduled_contact_id)::int as answered from check_ins where id = any($1::uuid[])', [m.ids]);
    return { n: r.n, answered: r.answered };
  },
  /** CPU time of this process so far (for PGlite it includes the database, which runs here). */
  cpu: async () => {
    const cpu = process.cpuUsage();
    return { micros: cpu.user + cpu.system };
  },
});
reply({ type: 'ready', ceiling: { port: ceilingPort, recipe: ceilingRecipe }, wellcheck });
process.once('SIGTERM', async () => {
  await ceiling.close();
  await db.close();
  process.exit(0);
});
