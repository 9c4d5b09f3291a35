import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { incidentEngine } from '../support/incidents.ts';
import { seedAbsence, seedPerson } from '../support/schedule-seed.ts';

// SCENARIOS 2 (a known routine, low risk) and the record review of SCENARIOS 3. Sunday 22/11/2026 is GMT (local = UTC).
for (const kind of dbKinds()) {
  describe(`known routine, low risk [${kind}]`, () => {
    let t: TestApp;
    let engine: ReturnType<typeof incidentEngine>;
    before(async () => {
      t = await makeTestApp(kind);
      engine = incidentEngine(t.deps);
    });
    after(async () => t?.close());

    test('the incident still opens, the routine is shown first, one call reaches her, closed safe and well at stage 2', async () => {
      t.clock.set('2026-11-22T08:00:00Z');
      const { personId, protocolVersionId } = await seedPerson(t.db, t.orgA, {
        name: 'Joan Hughes', risk: 'low',
        contacts: [{ key: 'sunday-checkin', kind: 'telecare_checkin', times: ['10:00'], recurrence: { type: 'weekdays', days: ['sun'] } }],
      }, t.clock.now());
      await t.db.query(`update protocol_versions set content = jsonb_set(content, '{knownRoutines}', $2::jsonb) where id = $1`, [protocolVersionId, JSON.stringify([
        { days: ['wed'], from: '14:00', to: '16:00', place: 'Lunch club' },
        { days: ['sun'], from: '10:00', to: '12:00', place: 'St Mary\u2019s church' },
      ])]);
      await engine.run();
      t.clock.set('2026-11-22T10:15:00Z');
      await engine.run();
      const [inc] = await t.db.query<{ id: string; stage: number; stage_deadline_at: Date }>('select id, stage, stage_deadline_at from incidents where person_id = $1', [personId]);
      assert.equal(inc.stage, 1);
      assert.equal(inc.stage_deadline_at.toISOString(), '2026-11-22T10:30:00.000Z', 'low risk: 15 minutes for checks');
      t.clock.set('2026-11-22T10:31:00Z');
      await engine.run();
      const worker = await t.signIn('support_worker');
      const detail = (await t.call(worker, { method: 'GET', url: `/api/incidents/${inc.id}` })).json();
      assert.equal(detail.incident.stage, 2);
      assert.deepEqual(detail.management.knownRoutines.map((r: { place: string; coversThisTime: boolean }) => [r.place, r.coversThisTime]),
        [['St Mary\u2019s church', true], ['Lunch club', false]]);
      const call = await t.call(worker, { method: 'POST', url: `/api/incidents/${inc.id}/contact-attempts`, payload: { method: 'phone_call', target: 'mobile', outcome: 'reached' } });
      assert.equal(call.statusCode, 200, call.body);
      const close = await t.call(worker, { method: 'POST', url: `/api/incidents/${inc.id}/close`, payload: { outcome: 'safe_and_well', rationale: 'At church as her routine says; answered her mobile, well.' } });
      assert.equal(close.statusCode, 200, close.body);
      t.clock.set('2026-11-22T12:00:00Z');
      await engine.run();
      const [after] = await t.db.query<{ stage: number; status: string; alerts: number }>(
        `select stage, status, (select count(*)::int from incident_alerts a where a.incident_id = i.id) as alerts from incidents i where id = $1`, [inc.id]);
      assert.deepEqual([after.stage, after.status, after.alerts], [2, 'closed', 0], 'no stage beyond 2, nobody alerted');
    });

    test('what management must review: the hospital admission and earlier non-response with how it ended', async () => {
      t.clock.set('2026-11-22T13:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { name: 'Pete Morris', contacts: [] }, t.clock.now());
      await seedAbsence(t.db, t.orgA, personId, 'hospital_admission', new Date('2026-11-16T10:00:00Z'), new Date('2026-11-19T12:00:00Z'), t.clock.now());
      const worker = await t.signIn('support_worker');
      const tl = await t.signIn('team_leader');
      const first = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } })).json();
      await t.call(tl, { method: 'POST', url: `/api/incidents/${first.incidentId}/close`, payload: { outcome: 'not_at_home_whereabouts_confirmed', rationale: 'Still on the ward.', whereaboutsConfirmedBy: 'Ward 7 nurse in charge' } });
      t.clock.set('2026-11-22T14:20:00Z');
      const second = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } })).json();
      const res = await t.call(tl, { method: 'GET', url: `/api/incidents/${second.incidentId}` });
      assert.equal(res.statusCode, 200, res.body);
      const m = res.json().management;
      assert.deepEqual(m.absences.map((a: { kind: string; isCurrent: boolean }) => [a.kind, a.isCurrent]), [['hospital_admission', false]]);
      assert.deepEqual(m.earlierIncidents.map((e: { id: string; outcome: string }) => [e.id, e.outcome]), [[first.incidentId, 'not_at_home_whereabouts_confirmed']]);
      const [log] = await t.db.query<{ n: number }>(`select count(*)::int as n from access_log where entity_id = $1 and purpose = 'incident'`, [personId]);
      assert.ok(log.n >= 1, 'reading the incident is logged as a read of the person\'s record');
    });
  });
}
