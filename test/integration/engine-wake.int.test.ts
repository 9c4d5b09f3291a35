import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Deps } from '../../src/app/deps.ts';
import { newId } from '../../src/db/ids.ts';
import { systemClock } from '../../src/domain/time/clock.ts';
import { shippedBankHolidays } from '../../src/domain/time/bank-holidays.ts';
import { runEngine, type EngineDeps } from '../../src/engine/engine.ts';
import { missedWindowModule } from '../../src/engine/missed-window.ts';
import { createDemoOrganisation } from '../../src/demo/organisation.ts';
import { waitFor } from '../support/child-server.ts';
import { dbKinds, makeDb } from '../support/db.ts';
import { seedPerson } from '../support/schedule-seed.ts';

/**
 * The running engine (system clock) wakes for a window by its timer and for a new row by
 * NOTIFY, not by its 5-second safety poll. The bound asserted is the poll interval — this
 * tests the mechanism; lateness figures belong to the benchmarks.
 */
const POLL_MS = 5_000;

for (const kind of dbKinds()) {
  describe(`engine wake-up [${kind}]`, () => {
    test('a window is decided on time by the timer, and a new row wakes the engine by NOTIFY', { timeout: 60_000 }, async () => {
      const db = await makeDb(kind);
      const deps: Deps = { db, clock: systemClock, config: { SECURE_COOKIES: 'off' } };
      const org = await createDemoOrganisation(deps, 'Wake test', 'wake');
      const logs: string[] = [];
      const engineDeps: EngineDeps = { ...deps, holidays: shippedBankHolidays(), log: (l) => logs.push(l) };
      const { personId, protocolVersionId } = await seedPerson(db, org, { contacts: [] }, new Date());
      // Windows are inserted by hand below; the schedule sync would (rightly) cancel windows whose
      // key is not in the person's protocol, so it is not part of this engine.
      await db.query('delete from schedule_sync_queue');
      const insertWindow = async (key: string, closesInMs: number) => {
        const closes = new Date(Date.now() + closesInMs);
        const id = newId();
        await db.query(
          `insert into scheduled_contacts (id, org_id, person_id, protocol_version_id, contact_key, kind, local_date, local_time, due_at, opens_at,
             window_closes_at, status, created_at) values ($1,$2,$3,$4,$5,'visit','2026-11-23','09:00',$6,$6,$7,'due',$8)`,
          [id, org.orgId, personId, protocolVersionId, key, new Date(closes.getTime() - 60_000), closes, new Date()]);
        return id;
      };
      const engine = await runEngine(engineDeps, [missedWindowModule]);
      try {
        // Before the engine starts sleeping: the timer is armed for this window.
        const first = await insertWindow('timer', 1_200);
        await waitFor(async () => (await db.query(`select 1 from incidents where scheduled_contact_id = $1`, [first])).length === 1, 'the first incident', 20_000).catch((e) => { throw new Error(`${e.message}; engine said: ${logs.join(' | ')}`); });
        const [a] = await db.query<{ noticed_late_ms: number }>('select noticed_late_ms from incidents where scheduled_contact_id = $1', [first]);
        assert.ok(a.noticed_late_ms < POLL_MS, `timer wake: noticed ${a.noticed_late_ms} ms late`);
        // Now idle with nothing due: only NOTIFY can make it see a row inserted behind its back.
        await new Promise((r) => setTimeout(r, 300));
        await db.query(`update incidents set status = 'closed' where scheduled_contact_id = $1`, [first]); // so the next miss opens its own
        const second = await insertWindow('notify', 400);
        await waitFor(async () => (await db.query(`select 1 from incidents where scheduled_contact_id = $1`, [second])).length === 1, 'the second incident', 20_000);
        const [b] = await db.query<{ noticed_late_ms: number }>('select noticed_late_ms from incidents where scheduled_contact_id = $1', [second]);
        assert.ok(b.noticed_late_ms < POLL_MS, `NOTIFY wake: noticed ${b.noticed_late_ms} ms late`);
        console.log(`[${kind}] timer wake ${a.noticed_late_ms} ms late; NOTIFY wake ${b.noticed_late_ms} ms late`);
      } finally {
        await engine.stop();
        await db.close();
      }
    });
  });
}
