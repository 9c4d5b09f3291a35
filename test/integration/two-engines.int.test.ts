import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { spawnWellcheck, waitFor } from '../support/child-server.ts';
import { childDb, seedWorld, windowFigures } from '../support/crash-world.ts';
import { dbKinds } from '../support/db.ts';

/**
 * Two `wellcheck engine` processes on one PostgreSQL share a burst of closing windows: each
 * window is decided once and opens one incident. (PGlite is one process's embedded database,
 * so this runs on PostgreSQL only.)
 */
for (const kind of dbKinds().filter((k) => k === 'pg')) {
  describe(`two engine processes on one database [${kind}]`, () => {
    test('never open the same incident twice', { timeout: 180_000 }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'wellcheck-two-'));
      const setup = await childDb(kind, dir);
      try {
        const closeFrom = new Date(Date.now() + 6_000);
        const world = await seedWorld(setup.db, { windows: 600, checkIns: 0, closeFrom, spreadMs: 1_000 });
        const engines = [spawnWellcheck('engine', setup.env), spawnWellcheck('engine', setup.env)];
        try {
          await waitFor(async () => {
            const f = await windowFigures(setup.db, world.orgId, new Date(closeFrom.getTime() + 1_000));
            return Date.now() > closeFrom.getTime() + 1_000 && f.undecided === 0 && f.missed === 600;
          }, 'both engines to decide every window', 90_000);
          for (const e of engines) assert.equal(e.proc.exitCode, null, `an engine died: ${e.output()}`);
        } finally {
          for (const e of engines) e.proc.kill('SIGTERM');
          await Promise.all(engines.map((e) => e.exited));
        }
        const f = await windowFigures(setup.db, world.orgId, new Date());
        assert.deepEqual(f, { undecided: 0, missed: 600, incidents: 600, opened_events: 600, dup_incidents: 0, missed_without: 0 });
      } finally {
        await setup.db.close();
        await setup.drop();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
