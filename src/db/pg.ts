import pg from 'pg';
import type { Db, Queryable } from './port.ts';
import { withRetry } from './port.ts';

// Same values as the PGlite adapter: int8 → number, date → string.
pg.types.setTypeParser(20, (v: string) => Number(v));
pg.types.setTypeParser(1082, (v: string) => v);

export type PgOptions = { connectionString: string; max?: number; searchPath?: string };

/** PostgreSQL through a node-postgres pool. `searchPath` isolates test schemas. */
export async function openPg(opts: PgOptions): Promise<Db> {
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    options: opts.searchPath ? `-c search_path=${opts.searchPath}` : undefined,
  });
  pool.on('error', () => {
    /* an idle client died; the pool replaces it */
  });
  const wrap = (c: pg.Pool | pg.PoolClient): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await c.query(sql, params);
      return res.rows as T[];
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  let listener: pg.PoolClient | undefined;
  const handlers = new Map<string, Set<(p: string) => void>>();
  return {
    kind: 'pg',
    ...wrap(pool),
    transaction: (fn) =>
      withRetry(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
      }),
    async listen(channel, onPayload) {
      if (!listener) {
        listener = await pool.connect();
        listener.on('notification', (msg) => {
          for (const h of handlers.get(msg.channel) ?? []) h(msg.payload ?? '');
        });
      }
      if (!handlers.has(channel)) {
        handlers.set(channel, new Set());
        await listener.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      }
      handlers.get(channel)!.add(onPayload);
      return async () => {
        handlers.get(channel)?.delete(onPayload);
      };
    },
    async close() {
      listener?.release();
      await pool.end();
    },
  };
}
