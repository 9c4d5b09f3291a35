import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type Session, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { eventsOf, incidentEngine, seedContact, seedShift } from '../support/incidents.ts';
import { seedPerson } from '../support/schedule-seed.ts';

// SCENARIOS 5 (emergency), 7 (consent), and two managers escalating at once.
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

for (const kind of dbKinds()) {
  describe(`incident decisions [${kind}]`, () => {
    let t: TestApp;
    let worker: Session;
    before(async () => {
      t = await makeTestApp(kind);
      incidentEngine(t.deps);
      t.clock.set(at('10:00'));
      worker = await t.signIn('support_worker');
      await seedShift(t.db, t.orgA, t.orgA.staffIds.team_leader, 1, at('00:00'), at('23:59'));
    });
    after(async () => t?.close());

    const open = async (name: string) => {
      const { personId } = await seedPerson(t.db, t.orgA, { name, contacts: [] }, t.clock.now());
      const res = await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } });
      assert.equal(res.statusCode, 200, res.body);
      return { ...res.json(), personId } as { personId: string; incidentId: string; version: number; stage: number };
    };
    const stageOf = async (id: string) => (await t.db.query<{ stage: number; version: number }>('select stage, version from incidents where id = $1', [id]))[0];

    test('Emergency works for an agency worker with no training record, from nothing, at once', async () => {
      const agency = await t.signIn('agency_worker');
      const { personId } = await seedPerson(t.db, t.orgA, { name: 'Frank Floor', contacts: [] }, t.clock.now());
      // Only who it is for; no stage, no reason, no incident yet.
      const res = await t.call(agency, { method: 'POST', url: '/api/emergency', payload: { personId } });
      assert.equal(res.statusCode, 200, res.body);
      const id = res.json().incidentId;
      assert.equal(res.json().stage, 5);
      const [inc] = await t.db.query<{ emergency_by: string; emergency_at: Date; source: string }>('select emergency_by, emergency_at, source from incidents where id = $1', [id]);
      assert.equal(inc.emergency_by, t.orgA.staffIds.agency_worker);
      assert.equal(inc.emergency_at.toISOString(), at('10:00').toISOString());
      // On call alerted in the same commit, before any engine cycle.
      const alerts = await t.db.query<{ current_staff_id: string; reason: string }>('select current_staff_id, reason from incident_alerts where incident_id = $1', [id]);
      assert.deepEqual(alerts.map((a) => [a.current_staff_id, a.reason]), [[t.orgA.staffIds.team_leader, 'emergency']]);
      const queued = await t.db.query(`select id from notifications where incident_id = $1 and recipient_staff_id = $2`, [id, t.orgA.staffIds.team_leader]);
      assert.ok(queued.length >= 1);
      const types = (await eventsOf(t.db, id)).map((e) => e.type);
      assert.ok(types.includes('incident.opened') && types.includes('incident.emergency'));
      // On an existing incident at stage 1, with an over-long note: still accepted.
      const other = await open('Gail Window');
      const again = await t.call(agency, { method: 'POST', url: '/api/emergency', payload: { incidentId: other.incidentId, what: 'x'.repeat(5000) } });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal((await stageOf(other.incidentId)).stage, 5);
      void personId;
    });

    test('two managers escalating at once escalate once; the second gets 409', async () => {
      const inc = await open('Hana Twice');
      const tl = await t.signIn('team_leader');
      const rm = await t.signIn('registered_manager');
      const body = { version: inc.version, reason: 'No answer to calls' };
      const [a, b] = await Promise.all([
        t.call(tl, { method: 'POST', url: `/api/incidents/${inc.incidentId}/escalate`, payload: body }),
        t.call(rm, { method: 'POST', url: `/api/incidents/${inc.incidentId}/escalate`, payload: body }),
      ]);
      assert.deepEqual([a.statusCode, b.statusCode].sort(), [200, 409]);
      assert.equal((a.statusCode === 409 ? a : b).json().error.field, 'version');
      const now = await stageOf(inc.incidentId);
      assert.equal(now.stage, 2, 'escalated once');
      const escalations = (await eventsOf(t.db, inc.incidentId)).filter((e) => e.type === 'incident.escalated');
      assert.equal(escalations.length, 1);
    });

    test('a contact without consent, or before their stage, is refused unless the risk is recorded; both paths are recorded', async () => {
      const inc = await open('Dev Sharma');
      const sister = await seedContact(t.db, t.orgA, inc.personId, { name: 'Priya Sharma', relationship: 'Sister', hasConsent: false, fromStage: 4 }, t.clock.now());
      const neighbour = await seedContact(t.db, t.orgA, inc.personId, { name: 'Sam Jones', kind: 'key_holder', relationship: 'Neighbour', hasConsent: true, fromStage: 4, rank: 2 }, t.clock.now());
      const rm = await t.signIn('registered_manager');
      const url = `/api/incidents/${inc.incidentId}/wider-contacts`;
      // Stage 1: even the consented neighbour is for a later stage.
      const early = await t.call(rm, { method: 'POST', url, payload: { contactId: neighbour, informationShared: 'No answer at the flat' } });
      assert.equal(early.statusCode, 422);
      assert.equal(early.json().error.field, 'riskReason');
      let version = inc.version;
      for (let i = 0; i < 3; i++) {
        const r = await t.call(rm, { method: 'POST', url: `/api/incidents/${inc.incidentId}/escalate`, payload: { version, reason: 'No contact' } });
        assert.equal(r.statusCode, 200, r.body);
        version = r.json().version;
      }
      const detail = (await t.call(rm, { method: 'GET', url: `/api/incidents/${inc.incidentId}` })).json();
      assert.equal(detail.incident.stage, 4);
      assert.deepEqual(detail.contacts.filter((c: { isOffered: boolean }) => c.isOffered).map((c: { name: string }) => c.name), ['Sam Jones'], 'the screen does not offer the sister');
      const refused = await t.call(rm, { method: 'POST', url, payload: { contactId: sister, informationShared: 'Dev has not answered' } });
      assert.equal(refused.statusCode, 422);
      assert.match(refused.json().error.message, /not consented/);
      const reason = 'Significant and immediate risk: no response for an hour, seizure history, no other key holder reachable';
      const allowed = await t.call(rm, { method: 'POST', url, payload: { contactId: sister, riskReason: reason, informationShared: 'Dev has not answered since 09:00' } });
      assert.equal(allowed.statusCode, 200, allowed.body);
      const ok = await t.call(rm, { method: 'POST', url, payload: { contactId: neighbour, informationShared: 'Asked to let the worker in' } });
      assert.equal(ok.statusCode, 200, ok.body);
      const events = await eventsOf(t.db, inc.incidentId);
      const refusals = events.filter((e) => e.type === 'incident.wider_contact_refused');
      assert.deepEqual(refusals.map((e) => [e.data.partyName, e.data.blockers]), [['Sam Jones', ['before_stage']], ['Priya Sharma', ['no_consent']]]);
      const made = events.filter((e) => e.type === 'incident.wider_contact_made');
      assert.deepEqual(made.map((e) => [e.data.partyName, e.data.basis, e.reason]), [
        ['Priya Sharma', 'significant_immediate_risk', reason],
        ['Sam Jones', 'consent_and_stage', 'Consented contact at their stage'],
      ]);
      const rows = await t.db.query<{ party_name: string; risk_reason: string | null; information_shared: string }>(
        'select party_name, risk_reason, information_shared from incident_wider_contacts where incident_id = $1 order by recorded_at, party_name', [inc.incidentId]);
      assert.equal(rows.length, 2, 'each disclosure logged with what was shared');
      assert.equal(rows.find((r) => r.party_name === 'Priya Sharma')?.risk_reason, reason);
    });

    test('idempotent taps at the door record once; closing "not at home" needs who confirmed', async () => {
      const inc = await open('Ivy Twice');
      const again = await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId: inc.personId } });
      assert.equal(again.json().incidentId, inc.incidentId, 'no second incident for the same person');
      const tap = { method: 'POST' as const, url: `/api/incidents/${inc.incidentId}/contact-attempts`, payload: { method: 'phone_call', target: '07700 900555', outcome: 'no_answer' }, headers: { 'idempotency-key': 'tap-0001-abcdef' } };
      const [r1, r2] = [await t.call(worker, tap), await t.call(worker, tap)];
      assert.equal(r1.statusCode, 200);
      assert.deepEqual(r2.json(), r1.json());
      // The same tap twice at once (a retry racing the first on a slow connection): still one.
      const twin = { ...tap, headers: { 'idempotency-key': 'tap-0002-abcdef' } };
      const [t1, t2] = await Promise.all([t.call(worker, twin), t.call(worker, twin)]);
      assert.deepEqual([t1.statusCode, t2.statusCode], [200, 200]);
      assert.equal(t1.json().incidentId, t2.json().incidentId);
      const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from incident_contact_attempts where incident_id = $1', [inc.incidentId]);
      assert.equal(n, 2, 'two keys, two attempts; four requests');
      const close = (payload: unknown) => t.call(worker, { method: 'POST', url: `/api/incidents/${inc.incidentId}/close`, payload: payload as never });
      const refused = await close({ outcome: 'not_at_home_whereabouts_confirmed', rationale: 'Not in when I called round.' });
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().error.field, 'whereaboutsConfirmedBy');
      assert.equal((await t.db.query<{ status: string }>('select status from incidents where id = $1', [inc.incidentId]))[0].status, 'open');
      const closed = await close({ outcome: 'not_at_home_whereabouts_confirmed', rationale: 'At her daughter\'s for lunch.', whereaboutsConfirmedBy: 'Her daughter, by phone' });
      assert.equal(closed.statusCode, 200, closed.body);
    });

    test('the on-call board puts emergencies and overdue incidents on top, nearest deadline next', async () => {
      t.clock.set(at('15:00'));
      const late = await open('Lou Late');
      t.clock.set(at('15:04'));
      const soon = await open('Mo Soon');
      t.clock.set(at('15:06')); // Lou's 15:05 deadline has passed (no engine here); Mo's is 15:09
      const board = (await t.call(await t.signIn('team_leader'), { method: 'GET', url: '/api/incidents' })).json() as { id: string; isOverdue: boolean; isEmergency: boolean; msToDeadline: number }[];
      const mine = board.filter((r) => r.id === late.incidentId || r.id === soon.incidentId);
      assert.deepEqual(mine.map((r) => r.id), [late.incidentId, soon.incidentId]);
      assert.equal(mine[0].isOverdue, true);
      assert.equal(mine[1].msToDeadline, 3 * 60_000);
      const emergencies = board.filter((r) => r.isEmergency);
      assert.ok(emergencies.length > 0 && board.slice(0, emergencies.length).every((r) => r.isEmergency), 'emergencies first');
    });
  });
}
