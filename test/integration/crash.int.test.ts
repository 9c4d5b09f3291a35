import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { openPglite } from '../../src/db/pglite.ts';
import { childDb, seedWorld, windowFigures } from '../support/crash-world.ts';
import { freePort, spawnWellcheck, waitFor, waitHealthy } from '../support/child-server.ts';
import { dbKinds } from '../support/db.ts';

/**
 * The real server (API and engine in one process) is killed with SIGKILL in the middle of a
 * burst of check-ins. After a restart: every check-in that got a 2xx is in the database, and
 * every window that closed (before, during and after the crash) is decided exactly once.
 */
for (const kind of dbKinds()) {
  describe(`crash during a burst of check-ins [${kind}]`, () => {
    test('no acknowledged check-in is lost; every closed window is decided exactly once', { timeout: 240_000 }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wellcheck-crash-'));
      const setup = await childDb(kind, dir);
      const closeFrom = new Date(Date.now() + 8_000);
      const seededLastClose = closeFrom.getTime() + 6_000;
      const world = await seedWorld(setup.db, { windows: 150, checkIns: 20, closeFrom, spreadMs: 6_000 });
      const schemaEnv = setup.env;
      if (kind === 'pglite') await setup.db.close(); // one process at a time on a PGlite directory
      try {
        const port = await freePort();
        const first = spawnWellcheck('start', { ...schemaEnv, PORT: String(port) });
        await waitHealthy(port, first);

        const acked = new Map<string, string>(); // Idempotency-Key → check-in id
        let sent = 0;
        let stop = false;
        const worker = async () => {
          while (!stop) {
            const k = randomUUID();
            const personId = world.checkInPeople[sent++ % world.checkInPeople.length];
            try {
              const res = await fetch(`http://127.0.0.1:${port}/api/check-ins`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', authorization: `Bearer ${world.token}`, 'idempotency-key': k },
                body: JSON.stringify({ personId, source: 'staff', outcome: 'responded' }),
              });
              if (res.status >= 200 && res.status < 300) acked.set(k, (await res.json()).id);
              else if (res.status !== 409) throw new Error(`unexpected ${res.status}: ${await res.text()}`);
            } catch (err) {
              if ((err as Error).message.startsWith('unexpected')) throw err;
              return; // the connection died with the server
            }
          }
        };
        const workers = Array.from({ length: 16 }, worker);
        await waitFor(() => acked.size >= 150, 'acknowledged check-ins', 60_000);
        first.proc.kill('SIGKILL');
        stop = true;
        await Promise.all(workers);
        await first.exited;
        const killedAt = new Date();

        const second = spawnWellcheck('start', { ...schemaEnv, PORT: String(port) });
        await waitHealthy(port, second);
        // Wait until every seeded window has closed and the restarted engine has had time to decide them.
        const lastClose = Math.max(killedAt.getTime(), Date.now());
        await waitFor(async () => Date.now() > Math.max(lastClose, seededLastClose) + 3_000, 'the engine to catch up', 60_000);
        second.proc.kill('SIGTERM');
        await second.exited;

        const db = kind === 'pglite' ? await openPglite(`${dir}/pglite`) : setup.db;
        try {
          const keys = [...acked.keys()];
          const rows = await db.query<{ key: string; response: { id: string } }>(
            `select key, response from idempotency_keys where org_id = $1`, [world.orgId]);
          const stored = new Map(rows.map((r) => [r.key.replace(/^check-in:/, ''), r.response.id]));
          const lost = keys.filter((k) => stored.get(k) !== acked.get(k));
          assert.deepEqual(lost, [], 'every acknowledged check-in is stored with its answer');
          const ids = [...acked.values()];
          const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from check_ins where id = any($1::uuid[])', [ids]);
          assert.equal(n, ids.length);
          const f = await windowFigures(db, world.orgId, new Date());
          assert.equal(f.undecided, 0, 'no closed window left undecided');
          assert.equal(f.missed, 150);
          assert.equal(f.incidents, 150);
          assert.equal(f.opened_events, 150);
          assert.equal(f.dup_incidents, 0);
          assert.equal(f.missed_without, 0);
          console.log(`[${kind}] ${acked.size} check-ins acknowledged before SIGKILL (${sent} sent); 150/150 windows decided once`);
        } finally {
          if (kind === 'pglite') await db.close();
        }
      } finally {
        if (kind === 'pg') await setup.db.close();
        await setup.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
