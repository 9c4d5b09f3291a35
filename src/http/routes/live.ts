import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../app/deps.ts';
import { actorOf } from '../types.ts';

/**
 * The live feed: server-sent events woken by LISTEN/NOTIFY ('wellcheck_live', payload = the
 * organisation id), resumable with Last-Event-ID (the live_messages id). Messages name ids only,
 * except a member of staff's own alerts; screens refetch through the API with their permissions.
 */
const HEARTBEAT_MS = 15_000;

export function liveRoutes(app: FastifyInstance, deps: Deps) {
  app.get('/api/live', {
    config: { access: { action: 'signed_in' } },
    schema: { tags: ['live'], summary: 'Server-sent events: incident changes and your alerts', hide: false },
  }, async (request, reply) => {
    const actor = actorOf(request);
    const staffId = actor.kind === 'staff' ? actor.id : null;
    const header = request.headers['last-event-id'];
    const query = (request.query as { lastEventId?: string }).lastEventId;
    let last = Number(typeof header === 'string' ? header : query);
    if (!Number.isFinite(last) || last < 0) {
      const [row] = await deps.db.query<{ id: number | null }>('select max(id) as id from live_messages where org_id = $1', [actor.orgId]);
      last = Number(row?.id ?? 0);
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(`retry: 2000\n: connected\n\n`);
    let closed = false;
    let busy = false;
    let again = false;
    const flush = async () => {
      if (closed) return;
      if (busy) { again = true; return; }
      busy = true;
      try {
        do {
          again = false;
          const rows = await deps.db.query<{ id: number; topic: string; payload: unknown }>(
            `select id, topic, payload from live_messages where org_id = $1 and id > $2 and (recipient_staff_id is null or recipient_staff_id = $3)
              order by id limit 200`,
            [actor.orgId, last, staffId],
          );
          for (const m of rows) {
            last = Number(m.id);
            res.write(`id: ${m.id}\nevent: ${m.topic}\ndata: ${JSON.stringify(m.payload)}\n\n`);
          }
          if (rows.length === 200) again = true;
        } while (again && !closed);
      } catch {
        // the database went away: the browser reconnects with Last-Event-ID
      } finally {
        busy = false;
      }
    };
    const unlisten = await deps.db.listen('wellcheck_live', (payload) => {
      if (payload === actor.orgId) void flush();
    });
    const beat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
    request.raw.on('close', () => {
      closed = true;
      clearInterval(beat);
      void unlisten();
    });
    await flush();
  });
}
