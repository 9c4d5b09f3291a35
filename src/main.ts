import { loadConfig } from './config.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';
import { ensureDemo } from './demo/load.ts';
import { systemClock } from './domain/time/clock.ts';
import { buildServer } from './http/server.ts';
import type { Deps } from './app/deps.ts';

/**
 * Composition root: config → database → migrations → demo data → HTTP (+ engine, when the
 * engine module exists). `wellcheck api` and `wellcheck engine` run the halves apart.
 */
export async function start(parts: { api: boolean; engine: boolean } = { api: true, engine: true }) {
  const config = loadConfig();
  const db = await openDatabase(config);
  const report = await migrate(db);
  const deps: Deps = { db, clock: systemClock, config };
  const where = config.DATABASE_URL ? 'PostgreSQL' : `embedded PGlite in ${config.DATA_DIR}`;
  console.log(`Wellcheck: database ${where}; ${report.applied.length} migration(s) applied, ${report.alreadyApplied} already in place.`);
  const stops: (() => Promise<void>)[] = [];
  if (config.DEMO === 'on') await ensureDemo(deps, console.log);
  // The background engine (issue 4): in this process unless `wellcheck api` asked for the API only.
  if (parts.engine) {
    const { startEngine } = await import('./engine/start.ts');
    stops.push(await startEngine(deps));
  }
  if (parts.api) {
    const app = await buildServer(deps, { logLevel: config.LOG_LEVEL, serveWeb: true });
    await app.listen({ port: config.PORT, host: config.HOST });
    stops.push(() => app.close());
    console.log(`\nWellcheck is running at http://localhost:${config.PORT}\n`);
  }
  const shutdown = async () => {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
