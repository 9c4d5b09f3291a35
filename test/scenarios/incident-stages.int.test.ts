import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { eventsOf, incidentEngine, seedShift } from '../support/incidents.ts';
import { seedPerson } from '../support/schedule-seed.ts';

// SCENARIOS 1 and 4 on a manual clock. Monday 23/11/2026 is GMT, so local time = UTC.
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

for (const kind of dbKinds()) {
  describe(`incident stages on their deadlines [${kind}]`, () => {
    let t: TestApp;
    let engine: ReturnType<typeof incidentEngine>;
    before(async () => {
      t = await makeTestApp(kind);
      engine = incidentEngine(t.deps);
      t.clock.set(at('07:00'));
      await seedShift(t.db, t.orgA, t.orgA.staffIds.team_leader, 1, at('00:00'), at('23:59'));
    });
    after(async () => t?.close());

    const incidentOf = async (personId: string) => {
      const [row] = await t.db.query<{ id: string; stage: number; stage_deadline_at: Date; status: string }>(
        'select id, stage, stage_deadline_at, status from incidents where person_id = $1', [personId]);
      return row;
    };
    const alertsOf = (id: string) => t.db.query<{ status: string; current_staff_id: string }>('select status, current_staff_id from incident_alerts where incident_id = $1', [id]);

    test('a high-risk missed window walks every stage on its deadlines, alerting from internal escalation', async () => {
      const { personId } = await seedPerson(t.db, t.orgA, { name: 'Amir Haddad', contacts: [{ key: 'morning-visit', times: ['09:00'] }] }, at('07:00'));
      await engine.run();
      t.clock.set(at('09:14'));
      await engine.run();
      assert.equal(await incidentOf(personId), undefined, 'no incident before the window closes');
      t.clock.set(at('09:15'));
      await engine.run();
      let inc = await incidentOf(personId);
      assert.equal(inc.stage, 1);
      assert.equal(inc.stage_deadline_at.toISOString(), at('09:20').toISOString(), 'high risk: 5 minutes for checks');
      // Each stage moves exactly at its deadline (high risk: 5, 5, 15, 30), never a second early.
      const walk: [string, string, number, string][] = [
        ['09:19:59', '09:20', 2, '09:25'],
        ['09:24:59', '09:25', 3, '09:40'],
        ['09:39:59', '09:40', 4, '10:10'],
        ['10:09:59', '10:10', 5, '10:40'],
      ];
      for (const [justBefore, deadline, stage, next] of walk) {
        t.clock.set(new Date(`2026-11-23T${justBefore}Z`));
        await engine.run();
        assert.equal((await incidentOf(personId)).stage, stage - 1, `still stage ${stage - 1} at ${justBefore}`);
        t.clock.set(at(deadline));
        await engine.run();
        inc = await incidentOf(personId);
        assert.equal(inc.stage, stage, `stage ${stage} at ${deadline}`);
        assert.equal(inc.stage_deadline_at.toISOString(), at(next).toISOString());
        if (stage === 2) assert.equal((await alertsOf(inc.id)).length, 0, 'checks and calls are not an on-call matter yet');
        if (stage === 3) {
          const alerts = await alertsOf(inc.id);
          assert.equal(alerts.length, 1, 'internal escalation alerts the on-call chain');
          assert.equal(alerts[0].current_staff_id, t.orgA.staffIds.team_leader);
        }
      }
      const passed = (await eventsOf(t.db, inc.id)).filter((e) => e.type === 'incident.stage_deadline_passed').map((e) => `${e.data.from}→${e.data.to}`);
      assert.deepEqual(passed, ['1→2', '2→3', '3→4', '4→5']);
      const sent = await t.db.query<{ channel: string; status: string }>(`select channel, status from notifications where incident_id = $1 order by created_at, channel`, [inc.id]);
      assert.ok(sent.some((n) => n.channel === 'sms' && n.status === 'sent'), 'the on-call manager was texted');
      assert.ok(engine.sms.sent.some((m) => m.to === '07700 900102'), 'to the team leader on call');
    });

    test('a medication-critical miss goes straight to internal escalation, with the reason, and alerts at once', async () => {
      t.clock.set(at('07:00'));
      const { personId } = await seedPerson(t.db, t.orgA, {
        name: 'Lena Novak', medicationCritical: true, contacts: [{ key: 'insulin-visit', times: ['08:00'], carriesMedication: true }],
      }, at('07:00'));
      await engine.run();
      t.clock.set(at('08:15'));
      await engine.run();
      const [inc] = await t.db.query<{ id: string; stage: number; stage_reason: string; alerted_stage: number }>(
        'select id, stage, stage_reason, alerted_stage from incidents where person_id = $1', [personId]);
      assert.equal(inc.stage, 3);
      assert.match(inc.stage_reason, /medication/);
      assert.equal(inc.alerted_stage, 3);
      const alerts = await alertsOf(inc.id);
      assert.equal(alerts.length, 1);
      assert.equal(alerts[0].status, 'open');
      const res = await t.call(await t.signIn('team_leader'), { method: 'GET', url: '/api/incidents' });
      const row = res.json().find((r: { id: string }) => r.id === inc.id);
      assert.equal(row.stage, 3);
      assert.equal(row.stageReason, 'medication_critical');
    });

    test('"No answer" at the door before the window closes: the engine joins the miss to it, and carries on after it closes', async () => {
      t.clock.set(at('10:00'));
      const { personId } = await seedPerson(t.db, t.orgA, { name: 'Joan Church', contacts: [{ key: 'noon-visit', times: ['12:00'] }] }, at('10:00'));
      await engine.run();
      const [sc] = await t.db.query<{ id: string }>(`select id from scheduled_contacts where person_id = $1 and status = 'due'`, [personId]);
      t.clock.set(at('12:05'));
      const worker = await t.signIn('support_worker');
      const opened = await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId, scheduledContactId: sc.id } });
      assert.equal(opened.statusCode, 200, opened.body);
      t.clock.set(at('12:15'));
      await engine.run();
      const incidents = await t.db.query<{ id: string }>('select id from incidents where person_id = $1', [personId]);
      assert.deepEqual(incidents.map((i) => i.id), [opened.json().incidentId], 'one incident: the missed window joined it');
      const close = await t.call(await t.signIn('team_leader'), { method: 'POST', url: `/api/incidents/${opened.json().incidentId}/close`, payload: { outcome: 'safe_and_well', rationale: 'Back from church, answered the second knock.' } });
      assert.equal(close.statusCode, 200, close.body);
      // The next day's window is scheduled and decided as usual: nothing is stuck behind the door's incident.
      t.clock.set(new Date('2026-11-24T12:15:00Z'));
      await engine.run();
      const [{ n }] = await t.db.query<{ n: number }>(`select count(*)::int as n from scheduled_contacts where person_id = $1 and status = 'due'`, [personId]);
      assert.equal(n, 1);
    });

    test('two engines at once move each deadline exactly once', async () => {
      t.clock.set(at('14:00'));
      const { personId } = await seedPerson(t.db, t.orgA, { name: 'Kai Twice', contacts: [] }, at('14:00'));
      const worker = await t.signIn('support_worker');
      const { incidentId } = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } })).json();
      t.clock.set(at('14:30'));
      const other = incidentEngine(t.deps);
      await Promise.all([engine.run(), other.run(), engine.run()]);
      const passed = (await eventsOf(t.db, incidentId)).filter((e) => e.type === 'incident.stage_deadline_passed').map((e) => `${e.data.from}→${e.data.to}`);
      assert.deepEqual(passed, ['1→2', '2→3', '3→4'], '14:05, 14:10, 14:25 each once');
      const alerts = await t.db.query('select id from incident_alerts where incident_id = $1', [incidentId]);
      assert.equal(alerts.length, 1);
    });
  });
}
