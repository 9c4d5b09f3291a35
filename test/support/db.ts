import { randomBytes } from 'node:crypto';
import { migrate } from '../../src/db/migrate.ts';
import { openPg } from '../../src/db/pg.ts';
import { openPglite } from '../../src/db/pglite.ts';
import type { Db } from '../../src/db/port.ts';

export type DbKind = 'pglite' | 'pg';

export const pgUrl = (): string | undefined => process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;

/**
 * The databases the integration suite runs on: PGlite always; PostgreSQL when
 * TEST_DATABASE_URL or DATABASE_URL is set. TEST_DB=pglite|pg narrows it (the runner uses this
 * to count the tests on each).
 */
export function dbKinds(): DbKind[] {
  const only = process.env.TEST_DB as DbKind | undefined;
  const kinds: DbKind[] = pgUrl() ? ['pglite', 'pg'] : ['pglite'];
  return only ? kinds.filter((k) => k === only) : kinds;
}

/**
 * A fresh, migrated database. On PostgreSQL each call gets its own schema (dropped on close),
 * so test files can run in parallel against one server.
 */
export async function makeDb(kind: DbKind): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    return db;
  }
  const url = pgUrl();
  if (!url) throw new Error('PostgreSQL tests need TEST_DATABASE_URL or DATABASE_URL');
  const schema = `wc_test_${randomBytes(6).toString('hex')}`;
  const admin = await openPg({ connectionString: url, max: 1 });
  await admin.exec(`create schema ${schema}`);
  const db = await openPg({ connectionString: url, searchPath: schema, max: 10 });
  await migrate(db);
  return {
    ...db,
    async close() {
      await db.close();
      await admin.exec(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}
