import { mkdir } from 'node:fs/promises';
import type { Config } from '../config.ts';
import { openPg } from './pg.ts';
import { openPglite } from './pglite.ts';
import type { Db } from './port.ts';

/** PostgreSQL when DATABASE_URL is set, otherwise embedded PGlite in DATA_DIR. */
export async function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'DATA_DIR'>): Promise<Db> {
  if (config.DATABASE_URL) return openPg({ connectionString: config.DATABASE_URL });
  const dir = `${config.DATA_DIR.replace(/\/$/, '')}/pglite`;
  await mkdir(dir, { recursive: true });
  return openPglite(dir);
}
