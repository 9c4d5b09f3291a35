import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { recordCheckIn } from '../../src/app/check-ins/record-check-in.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { key, testEngine } from '../support/engine.ts';
import { seedPerson } from '../support/schedule-seed.ts';

// SCENARIOS 9 and bank holidays, through the engine: the rule is in src/domain/time/london.ts.
for (const kind of dbKinds()) {
  describe(`clock changes and bank holidays in the schedule [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
    });
    after(async () => t?.close());
    const rows = (personId: string) => t.db.query<{ local_date: string; due_at: Date; status: string }>(
      'select local_date, due_at, status from scheduled_contacts where person_id = $1 order by due_at', [personId]);

    async function walk(personId: string, until: string, respond: boolean) {
      const engine = testEngine(t.deps);
      for (;;) {
        await engine.run();
        const [due] = await t.db.query<{ due_at: Date }>(`select due_at from scheduled_contacts where person_id = $1 and status = 'due'`, [personId]);
        if (!due || due.due_at.toISOString() >= until) return;
        t.clock.set(due.due_at);
        if (respond) {
          // Months pass on this clock, so sessions expire: the use-case is called directly.
          const res = await recordCheckIn(t.deps, { kind: 'system', orgId: t.orgA.orgId }, key(), { personId, source: 'staff', outcome: 'responded' });
          assert.equal(res.body.contactStatus, 'responded');
        } else t.clock.advance(16 * 60_000);
      }
    }

    test('October: a daily 01:30 check-in has one window on the day 01:30 happens twice', async () => {
      t.clock.set('2026-10-24T12:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'night', kind: 'telecare_checkin', times: ['01:30'] }] }, t.clock.now());
      await walk(personId, '2026-10-27T00:00:00Z', true);
      assert.deepEqual((await rows(personId)).map((r) => [r.local_date, r.due_at.toISOString(), r.status]), [
        ['2026-10-25', '2026-10-25T00:30:00.000Z', 'responded'],
        ['2026-10-26', '2026-10-26T01:30:00.000Z', 'responded'],
        ['2026-10-27', '2026-10-27T01:30:00.000Z', 'due'],
      ]);
    });

    test('March: the 01:30 window that does not exist happens at 02:30 BST that day, and a miss opens one incident', async () => {
      t.clock.set('2026-03-28T12:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'night', kind: 'telecare_checkin', times: ['01:30'] }] }, t.clock.now());
      await walk(personId, '2026-03-29T12:00:00Z', false);
      assert.deepEqual((await rows(personId)).map((r) => [r.local_date, r.due_at.toISOString(), r.status]), [
        ['2026-03-29', '2026-03-29T01:30:00.000Z', 'missed'],
        ['2026-03-30', '2026-03-30T00:30:00.000Z', 'due'],
      ]);
      const incidents = await t.db.query('select 1 from incidents where person_id = $1', [personId]);
      assert.equal(incidents.length, 1);
    });

    test('a contact that skips bank holidays has no window on Christmas Day or the Boxing Day substitute, others do', async () => {
      t.clock.set('2026-12-24T12:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'day-centre', times: ['10:00'], skipOnBankHolidays: true }] }, t.clock.now());
      await walk(personId, '2026-12-30T00:00:00Z', true);
      assert.deepEqual((await rows(personId)).map((r) => r.local_date), ['2026-12-26', '2026-12-27', '2026-12-29', '2026-12-30']);
    });
  });
}
