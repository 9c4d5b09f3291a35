import autocannon from 'autocannon';
import { randomBytes } from 'node:crypto';
import { Child } from './child.ts';
import { freshDb, type DbKind } from './databases.ts';
import type { IngestRecipe } from './ingest-wellcheck.ts';

/**
 * Check-in ingest: HTTP check-ins per second and latency at `connections` concurrent
 * connections, bounded in time, loopback only. The same load generator hits the real
 * Wellcheck endpoint and the no-logic ceiling (one INSERT) on the same database, one after
 * the other, each after a short warm-up. Every acknowledged (2xx) check-in must be stored.
 */
export type IngestFigures = {
  endpoint: 'ceiling' | 'wellcheck';
  perSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  requests: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** acknowledged (2xx) but whose id is not in the database afterwards: must be 0 */
  lost: number;
  /** CPU time of the server process per acknowledged request (PostgreSQL: Node only; PGlite: Node and the database). */
  serverCpuMsPerRequest: number | null;
  /** Wellcheck only: acknowledged check-ins that answered a due window (the busiest path). */
  answeredWindows?: number;
  firstFailure?: string;
};

export type IngestResult = { ceiling: IngestFigures; wellcheck: IngestFigures | { error: string }; ratio: number | null };

export type IngestOptions = { kind: DbKind; pgUrl: string; seconds: number; warmupSeconds: number; connections: number; people: number; orgs: number; log: (s: string) => void };

/** Where the next request starts in the recipe: the measured run goes on from the warm-up's people. */
type Cursor = { i: number };

async function load(port: number, recipe: IngestRecipe, seconds: number, connections: number, cursor: Cursor) {
  const run = randomBytes(4).toString('hex');
  let firstFailure: string | undefined;
  const ids: string[] = [];
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration: seconds,
    method: 'POST',
    requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const i = cursor.i++;
        const item = recipe.items[i % recipe.items.length];
        const headers: Record<string, string> = { ...recipe.headerSets[item.headerSet] };
        if (recipe.idempotency) headers['idempotency-key'] = `bench-${run}-${i}`;
        return { ...req, method: 'POST', path: item.path, body: item.body, headers };
      },
      onResponse: (status, body) => {
        if (status >= 200 && status <= 299) {
          try {
            ids.push(JSON.parse(String(body)).id);
          } catch {
            ids.push('unreadable answer');
          }
        } else if (!firstFailure) firstFailure = `${status} ${String(body).slice(0, 300)}`;
      },
    }],
  });
  return { result, firstFailure, ids };
}

async function measure(child: Child, endpoint: 'ceiling' | 'wellcheck', port: number, recipe: IngestRecipe, o: IngestOptions): Promise<IngestFigures> {
  o.log(`  ${o.kind} ingest ${endpoint}: warm-up ${o.warmupSeconds} s, then ${o.seconds} s at ${o.connections} connections`);
  const cursor: Cursor = { i: 0 };
  await load(port, recipe, o.warmupSeconds, o.connections, cursor);
  await new Promise((r) => setTimeout(r, 500)); // let the warm-up's last requests finish
  const before = await child.ask({ type: 'cpu' });
  const { result, firstFailure, ids } = await load(port, recipe, o.seconds, o.connections, cursor);
  if (recipe.idempotency && cursor.i > recipe.items.length) o.log(`  note: ${cursor.i} requests for ${recipe.items.length} people: some people were checked in twice`);
  await new Promise((r) => setTimeout(r, 500)); // requests cut off at the end may still commit
  const after = await child.ask({ type: 'cpu' });
  const ok = result['2xx'];
  // Every acknowledged check-in's id, looked up in the database: none may be missing.
  const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const found = await child.ask({ type: 'found', endpoint, ids: uuids });
  const fig: IngestFigures = {
    endpoint,
    perSecond: ok / (result.duration || o.seconds),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    requests: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    lost: ok - Number(found.n),
    serverCpuMsPerRequest: ok > 0 ? (Number(after.micros) - Number(before.micros)) / 1000 / ok : null,
    answeredWindows: endpoint === 'wellcheck' ? Number(found.answered) : undefined,
    firstFailure,
  };
  o.log(`  ${o.kind} ingest ${endpoint}: ${fig.perSecond.toFixed(0)}/s, p50 ${fig.latencyMs.p50} ms, p99 ${fig.latencyMs.p99} ms, `
    + `${fig.non2xx} non-2xx, server CPU ${fig.serverCpuMsPerRequest?.toFixed(2)} ms per request`);
  if (firstFailure) o.log(`  first failure: ${firstFailure}`);
  return fig;
}

export async function runIngest(o: IngestOptions): Promise<IngestResult> {
  const bench = o.kind === 'pg' ? await freshDb('pg', { pgUrl: o.pgUrl, label: 'ingest' }) : null;
  // The server child owns its database connection (and, for PGlite, the database itself).
  await bench?.db.close();
  const child = new Child('./ingest-server.ts', {
    BENCH_DB_KIND: o.kind, BENCH_DB_URL: bench?.url ?? '', BENCH_PEOPLE: String(o.people), BENCH_ORGS: String(o.orgs),
  }, `${o.kind} ingest server`);
  try {
    const ready = await child.next('ready', 300_000);
    const c = ready.ceiling as { port: number; recipe: IngestRecipe };
    const w = ready.wellcheck as { port: number; recipe: IngestRecipe } | { error: string };
    const ceiling = await measure(child, 'ceiling', c.port, c.recipe, o);
    if ('error' in w) {
      o.log(`  ${o.kind} ingest wellcheck: not measured: ${w.error}`);
      return { ceiling, wellcheck: { error: w.error }, ratio: null };
    }
    const wellcheck = await measure(child, 'wellcheck', w.port, w.recipe, o);
    return { ceiling, wellcheck, ratio: ceiling.perSecond > 0 ? wellcheck.perSecond / ceiling.perSecond : null };
  } finally {
    await child.stop();
    await bench?.drop();
  }
}
