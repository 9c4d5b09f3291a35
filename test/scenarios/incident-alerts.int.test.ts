import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { alertStepsModule } from '../../src/engine/alert-steps.ts';
import { makeTestApp, type Session, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { eventsOf, incidentEngine, seedShift, setEscalationSettings } from '../support/incidents.ts';
import { seedPerson } from '../support/schedule-seed.ts';

// SCENARIOS 6: nobody answers the alert; the first to acknowledge stops every repeat.
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

for (const kind of dbKinds()) {
  describe(`escalation alerts [${kind}]`, () => {
    let t: TestApp;
    let engine: ReturnType<typeof incidentEngine>;
    let worker: Session;
    before(async () => {
      t = await makeTestApp(kind);
      engine = incidentEngine(t.deps);
      worker = await t.signIn('support_worker');
      const ids = t.orgA.staffIds;
      await setEscalationSettings(t.db, t.orgA.orgId, { escalation: { fallbackStaffId: ids.registered_manager, alerts: { repeatIntervalMinutes: 5, repeatsBeforeNext: 2 } } });
      await seedShift(t.db, t.orgA, ids.team_leader, 1, at('00:00'), at('23:59'));
      await seedShift(t.db, t.orgA, ids.care_coordinator, 2, at('00:00'), at('23:59'));
    });
    after(async () => t?.close());

    /** An incident at internal escalation at `hhmm`, raised by the worker at the door. */
    async function escalatedIncident(name: string, hhmm: string): Promise<string> {
      t.clock.set(at(hhmm));
      const { personId } = await seedPerson(t.db, t.orgA, { name, contacts: [] }, at(hhmm));
      const opened = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } })).json();
      let version = opened.version;
      for (const reason of ['No answer at the door', 'Two calls, no answer']) {
        const res = await t.call(worker, { method: 'POST', url: `/api/incidents/${opened.incidentId}/escalate`, payload: { version, reason } });
        assert.equal(res.statusCode, 200, res.body);
        version = res.json().version;
      }
      await engine.run();
      return opened.incidentId;
    }
    const inAppTo = (incidentId: string) => t.db.query<{ recipient_staff_id: string; subject: string; status: string }>(
      `select recipient_staff_id, subject, status from notifications where incident_id = $1 and channel = 'in_app' order by created_at`, [incidentId]);

    test('nobody acknowledging: repeats, then the next in the chain, then the fallback', async () => {
      const id = await escalatedIncident('Nora Quiet', '10:00');
      const ids = t.orgA.staffIds;
      for (const m of ['10:05', '10:10', '10:15', '10:20', '10:25', '10:30', '10:35']) {
        t.clock.set(at(m));
        await engine.run();
      }
      const who = (await inAppTo(id)).map((n) => n.recipient_staff_id);
      assert.deepEqual(who, [
        ids.team_leader, ids.team_leader, ids.team_leader, // first notice + 2 repeats
        ids.care_coordinator, ids.care_coordinator, ids.care_coordinator,
        ids.registered_manager, ids.registered_manager, // the fallback, and it keeps repeating
      ]);
      assert.ok((await inAppTo(id)).every((n) => n.status === 'sent'));
      const moves = (await eventsOf(t.db, id)).filter((e) => e.type === 'incident.alert_moved_on').map((e) => e.data.to);
      assert.deepEqual(moves, [ids.care_coordinator, ids.registered_manager]);
    });

    test('acknowledging stops every repeat at once, for everyone', async () => {
      const id = await escalatedIncident('Omar Still', '12:00');
      t.clock.set(at('12:05'));
      await engine.run();
      const before = (await inAppTo(id)).length;
      assert.equal(before, 2, 'first notice and one repeat');
      // A repeat is waiting in the outbox when the manager acknowledges (the engine has not delivered it yet).
      t.clock.set(at('12:10'));
      await alertStepsModule.runOnce(engine.engineDeps, at('12:10'));
      const pendingBefore = await t.db.query(`select id from notifications where incident_id = $1 and status = 'pending'`, [id]);
      assert.ok(pendingBefore.length > 0, 'a repeat is waiting to be sent');
      const ack = await t.call(await t.signIn('care_coordinator'), { method: 'POST', url: `/api/incidents/${id}/acknowledge` });
      assert.equal(ack.statusCode, 404, 'a care coordinator of another service cannot see it');
      const res = await t.call(await t.signIn('team_leader'), { method: 'POST', url: `/api/incidents/${id}/acknowledge` });
      assert.equal(res.statusCode, 200, res.body);
      const pendingAfter = await t.db.query(`select id from notifications where incident_id = $1 and status = 'pending'`, [id]);
      assert.equal(pendingAfter.length, 0, 'nothing left to send');
      const count = (await inAppTo(id)).length;
      for (const m of ['12:11', '12:13', '12:14:59']) {
        t.clock.set(m.length > 5 ? new Date(`2026-11-23T${m}Z`) : at(m));
        await engine.run();
      }
      const [alert] = await t.db.query<{ id: string; status: string; acknowledged_by: string }>('select id, status, acknowledged_by from incident_alerts where incident_id = $1 order by raised_at limit 1', [id]);
      assert.equal(alert.status, 'acknowledged');
      assert.equal(alert.acknowledged_by, t.orgA.staffIds.team_leader);
      const repeatsAfter = (await eventsOf(t.db, id)).filter((e) => e.type === 'incident.alert_repeated' && e.data.alertId === alert.id && e.at > at('12:10'));
      assert.equal(repeatsAfter.length, 0, 'no repeat of the acknowledged alert');
      assert.equal((await inAppTo(id)).length, count, 'no repeats after the acknowledgement');
      t.clock.set(at('12:15'));
      await engine.run();
      // The stage deadline still moves the incident on (12:15 → stage 4); that new alert goes to whoever acknowledged.
      const later = (await inAppTo(id)).slice(count);
      assert.equal(later.length, 1);
      assert.ok(later.every((n) => n.recipient_staff_id === t.orgA.staffIds.team_leader));
      const board = (await t.call(await t.signIn('registered_manager'), { method: 'GET', url: '/api/incidents' })).json();
      assert.equal(board.find((r: { id: string }) => r.id === id).acknowledgedBy, 'Tom Barker');
    });
  });
}
