import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from './port.ts';

const MIGRATIONS_DIR = new URL('../../migrations/', import.meta.url).pathname;
const LOCK_KEY = 7_271_001; // advisory lock held while one migration runs

export type MigrationReport = { applied: string[]; alreadyApplied: number };

/**
 * Applies migrations/NNNN_name.sql in order, each in its own transaction under an advisory
 * lock, so several processes starting together apply each file once. Checksums of applied
 * files are verified: an edited migration stops start-up (migrations are forward-only).
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<MigrationReport> {
  await db.exec(`create table if not exists schema_migrations (
    name text primary key, checksum text not null, applied_at timestamptz not null default now())`);
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  const report: MigrationReport = { applied: [], alreadyApplied: 0 };
  for (const name of files) {
    const sql = await readFile(join(dir, name), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    const applied = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const [row] = await tx.query<{ checksum: string }>('select checksum from schema_migrations where name = $1', [name]);
      if (row) {
        if (row.checksum !== checksum) throw new Error(`Migration ${name} was changed after it was applied (checksum mismatch)`);
        return false;
      }
      await tx.exec(sql);
      await tx.query('insert into schema_migrations (name, checksum) values ($1, $2)', [name, checksum]);
      return true;
    });
    if (applied) report.applied.push(name);
    else report.alreadyApplied++;
  }
  return report;
}

/** True when every migration file has been applied (for /readyz). */
export async function isMigrated(db: Db, dir = MIGRATIONS_DIR): Promise<boolean> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f));
  const rows = await db.query<{ n: number }>('select count(*)::int as n from schema_migrations');
  return rows[0].n >= files.length;
}
