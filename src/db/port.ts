/**
 * The database port: the only way the rest of Wellcheck talks to a database.
 * Two adapters implement it with the same SQL: PGlite (embedded, single connection) and
 * node-postgres (production). See docs/adr/0001-database-port.md.
 */
export type Row = Record<string, unknown>;

export type Queryable = {
  /** Run one parameterised statement and return its rows. */
  query<T = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Run one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type Db = Queryable & {
  readonly kind: 'pglite' | 'pg';
  /**
   * Run `fn` in one transaction: committed if it resolves, rolled back if it throws.
   * Retried on serialization failure or deadlock, so `fn` must only touch the database.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Subscribe to a NOTIFY channel; returns an unsubscribe function. */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

const RETRYABLE = new Set(['40001', '40P01']);

/** Shared retry loop for the adapters' transaction(). */
export async function withRetry<T>(attempt: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (i >= tries || !code || !RETRYABLE.has(code)) throw err;
      await new Promise((r) => setTimeout(r, 5 * i + Math.random() * 10));
    }
  }
}
