import { randomBytes } from 'node:crypto';
import { migrate } from '../src/db/migrate.ts';
import { openPg } from '../src/db/pg.ts';
import { openPglite } from '../src/db/pglite.ts';
import type { Db } from '../src/db/port.ts';

export type DbKind = 'pglite' | 'pg';

/** A fresh, migrated database for one benchmark run; `drop()` closes and removes it. */
export type BenchDb = {
  kind: DbKind;
  db: Db;
  /** PostgreSQL only: the URL of this run's own database, for child processes and peers. */
  url?: string;
  drop(): Promise<void>;
};

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/test';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * On PostgreSQL each run gets its own database (not only a schema) because the peers
 * create their own schemas; it is dropped with FORCE afterwards so a killed engine's
 * leftover connections cannot keep it alive.
 */
export async function freshDb(kind: DbKind, opts: { pgUrl: string; label: string; poolMax?: number; migrated?: boolean }): Promise<BenchDb> {
  const migrated = opts.migrated ?? true;
  if (kind === 'pglite') {
    const db = await openPglite();
    if (migrated) await migrate(db);
    return { kind, db, drop: () => db.close() };
  }
  const name = `wc_bench_${opts.label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = await openPg({ connectionString: opts.pgUrl, max: 1 });
  await admin.exec(`create database ${name}`);
  const url = withDatabase(opts.pgUrl, name);
  const db = await openPg({ connectionString: url, max: opts.poolMax ?? 10 });
  try {
    if (migrated) await migrate(db);
  } catch (err) {
    await db.close();
    await admin.exec(`drop database if exists ${name} with (force)`);
    await admin.close();
    throw err;
  }
  return {
    kind,
    db,
    url,
    async drop() {
      await db.close().catch(() => undefined);
      await admin.exec(`drop database if exists ${name} with (force)`);
      await admin.close();
    },
  };
}

/** The PostgreSQL server's version string, or null when it cannot be reached. */
export async function postgresVersion(pgUrl: string): Promise<string | null> {
  try {
    const db = await openPg({ connectionString: pgUrl, max: 1 });
    try {
      const [row] = await db.query<{ server_version: string }>('show server_version');
      return row.server_version;
    } finally {
      await db.close();
    }
  } catch {
    return null;
  }
}
