import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './port.ts';
import { withRetry } from './port.ts';

// Type parsers so PGlite and node-postgres return the same JavaScript values:
// int8 → number (our counters stay far below 2^53), date → 'YYYY-MM-DD' string.
const parsers = {
  20: (v: string) => Number(v),
  1082: (v: string) => v,
};

/**
 * The embedded database. PGlite has one connection, so transactions are serialised by
 * PGlite itself; `dataDir` undefined means in memory (tests).
 * PGlite does not fsync: it survives a process kill, not a power cut (README).
 */
export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create(dataDir ?? 'memory://', { parsers });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await q.query<T>(sql, params as never[]);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => withRetry(() => pg.transaction((tx) => fn(wrap(tx as never)))),
    async listen(channel, onPayload) {
      const unsub = await pg.listen(channel, onPayload);
      return async () => unsub();
    },
    close: () => pg.close(),
  };
}
