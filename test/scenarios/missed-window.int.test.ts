import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { key, testEngine } from '../support/engine.ts';
import { seedAbsence, seedPerson, seedProtocolVersion } from '../support/schedule-seed.ts';

type Incident = { id: string; person_id: string; protocol_version_id: string; stage: number; stage_reason: string | null; source: string;
  is_medication_critical: boolean; noticed_late_ms: number; stage_deadline_at: Date; scheduled_contact_id: string | null; opened_at: Date };

for (const kind of dbKinds()) {
  describe(`scheduled contacts and missed windows [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
    });
    after(async () => t?.close());
    const incidentsOf = (personId: string) =>
      t.db.query<Incident>('select * from incidents where person_id = $1 order by opened_at', [personId]);
    const contactsOf = (personId: string) =>
      t.db.query<{ id: string; status: string; due_at: Date; local_date: string; suspended_reason: string | null; incident_id: string | null }>(
        'select * from scheduled_contacts where person_id = $1 order by due_at', [personId]);

    test('a missed window opens exactly one incident, with the protocol version pinned', async () => {
      t.clock.set('2026-11-23T08:00:00Z');
      const { personId, protocolVersionId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'morning-visit', times: ['09:00'] }] }, t.clock.now());
      const engine = testEngine(t.deps);
      await engine.run();
      const [first] = await contactsOf(personId);
      assert.equal(first.due_at.toISOString(), '2026-11-23T09:00:00.000Z');
      t.clock.set('2026-11-23T09:14:59Z');
      await engine.run();
      assert.equal((await incidentsOf(personId)).length, 0, 'nothing before the window closes');
      t.clock.set('2026-11-23T09:15:01Z');
      await engine.run();
      await engine.run();
      const incidents = await incidentsOf(personId);
      assert.equal(incidents.length, 1);
      assert.equal(incidents[0].protocol_version_id, protocolVersionId);
      assert.equal(incidents[0].stage, 1);
      assert.equal(incidents[0].source, 'missed_window');
      assert.equal(incidents[0].noticed_late_ms, 1000);
      assert.equal(incidents[0].stage_deadline_at.toISOString(), '2026-11-23T09:20:01.000Z'); // high risk, stage 1: 5 min
      const contacts = await contactsOf(personId);
      assert.deepEqual(contacts.map((c) => c.status), ['missed', 'due']);
      assert.equal(contacts[1].due_at.toISOString(), '2026-11-24T09:00:00.000Z', 'the next instance, and only that one');
      // A new protocol version does not change the version the incident opened under.
      await seedProtocolVersion(t.db, t.orgA, personId, 2, [{ key: 'morning-visit', times: ['10:00'] }], t.clock.now());
      await engine.run();
      assert.equal((await incidentsOf(personId))[0].protocol_version_id, protocolVersionId);
      const [opened] = await t.db.query<{ n: number }>(
        `select count(*)::int as n from events where type = 'incident.opened' and entity_id = $1`, [incidents[0].id]);
      assert.equal(opened.n, 1);
    });

    test('a check-in inside the window opens none; replay, changed body and missing key are handled', async () => {
      t.clock.set('2026-11-23T12:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'lunch-visit', times: ['13:00'] }] }, t.clock.now());
      const engine = testEngine(t.deps);
      await engine.run();
      t.clock.set('2026-11-23T13:05:00Z');
      const s = await t.signIn('support_worker');
      const k = key();
      const body = { personId, source: 'staff', outcome: 'responded' };
      const res = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': k }, payload: body });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().contactStatus, 'responded');
      const again = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': k }, payload: body });
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      assert.deepEqual(again.json(), res.json());
      const changed = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': k }, payload: { ...body, note: 'different' } });
      assert.equal(changed.statusCode, 422);
      assert.equal(changed.json().error.field, 'Idempotency-Key');
      const noKey = await t.call(s, { method: 'POST', url: '/api/check-ins', payload: body });
      assert.equal(noKey.statusCode, 400);
      const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from check_ins where person_id = $1', [personId]);
      assert.equal(n, 1, 'the replay recorded nothing twice');
      t.clock.set('2026-11-23T13:30:00Z');
      await engine.run();
      assert.equal((await incidentsOf(personId)).length, 0);
      assert.deepEqual((await contactsOf(personId)).map((c) => c.status), ['responded', 'due']);
    });

    test("a check-in for another organisation's person, or outside the worker's services, is 404 and changes nothing", async () => {
      const { personId: other } = await seedPerson(t.db, t.orgB, { contacts: [] }, t.clock.now());
      const { personId: community } = await seedPerson(t.db, t.orgA, { contacts: [], service: 'community' }, t.clock.now());
      const s = await t.signIn('support_worker');
      for (const personId of [other, community]) {
        const res = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key() }, payload: { personId, source: 'staff', outcome: 'responded' } });
        assert.equal(res.statusCode, 404, res.body);
      }
      const [{ n }] = await t.db.query<{ n: number }>('select count(*)::int as n from check_ins where person_id = any($1::uuid[])', [[other, community]]);
      assert.equal(n, 0);
    });

    test('a late check-in after the incident opened is recorded on the incident', async () => {
      t.clock.set('2026-11-23T14:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'tea-visit', times: ['15:00'] }] }, t.clock.now());
      const engine = testEngine(t.deps);
      await engine.run();
      t.clock.set('2026-11-23T15:20:00Z');
      await engine.run();
      const [incident] = await incidentsOf(personId);
      assert.ok(incident);
      const s = await t.signIn('support_worker');
      const res = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key() }, payload: { personId, source: 'phone_call', outcome: 'responded' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().incidentId, incident.id);
      assert.equal(res.json().isLate, true);
      const [ev] = await t.db.query<{ data: { checkInId: string } }>(
        `select data from events where entity_type = 'incident' and entity_id = $1 and type = 'incident.check_in_received'`, [incident.id]);
      assert.equal(ev.data.checkInId, res.json().id);
      assert.equal((await incidentsOf(personId)).length, 1);
    });

    test('a check-in after the window closed but before the engine noticed decides the window first, then records on it', async () => {
      t.clock.set('2026-11-23T16:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'evening-call', kind: 'phone_check', times: ['17:00'] }] }, t.clock.now());
      await testEngine(t.deps).run();
      t.clock.set('2026-11-23T17:16:00Z'); // engine not run: it is behind
      const s = await t.signIn('team_leader');
      const res = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key() }, payload: { personId, source: 'staff', outcome: 'responded' } });
      assert.equal(res.statusCode, 201, res.body);
      const incidents = await incidentsOf(personId);
      assert.equal(incidents.length, 1);
      assert.equal(res.json().incidentId, incidents[0].id);
      await testEngine(t.deps).run();
      assert.equal((await incidentsOf(personId)).length, 1, 'the engine finds nothing left to decide');
    });

    test('"responded, but with concern" opens an incident at stage 1 at once; a reason is required', async () => {
      t.clock.set('2026-11-23T18:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [] }, t.clock.now());
      const s = await t.signIn('support_worker');
      const missing = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key() }, payload: { personId, source: 'staff', outcome: 'responded_with_concern' } });
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().error.field, 'concern');
      const res = await t.call(s, { method: 'POST', url: '/api/check-ins', headers: { 'idempotency-key': key() }, payload: { personId, source: 'staff', outcome: 'responded_with_concern', concern: 'Slurred speech, confused about the day' } });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().incidentOpened, true);
      const [incident] = await incidentsOf(personId);
      assert.equal(incident.source, 'concern_checkin');
      assert.equal(incident.stage, 1);
    });

    test('a medication-carrying contact of a medication-critical person is marked for immediate escalation (stage 3)', async () => {
      t.clock.set('2026-11-24T07:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, {
        medicationCritical: true, risk: 'medium',
        contacts: [{ key: 'insulin-visit', times: ['08:00'], carriesMedication: true }, { key: 'evening-visit', times: ['19:00'] }],
      }, t.clock.now());
      const engine = testEngine(t.deps);
      await engine.run();
      t.clock.set('2026-11-24T08:15:30Z');
      await engine.run();
      const [incident] = await incidentsOf(personId);
      assert.equal(incident.stage, 3);
      assert.equal(incident.stage_reason, 'medication_critical');
      assert.equal(incident.is_medication_critical, true);
      assert.equal(incident.stage_deadline_at.toISOString(), '2026-11-24T08:45:30.000Z'); // medium risk, stage 3: 30 min
    });

    test('a known absence suspends contacts, saying why; when its expected end passes unchanged they resume the next day', async () => {
      // Monday 23/11/2026; admitted to hospital Monday 10:00, discharge expected Thursday 26/11.
      t.clock.set('2026-11-23T08:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'morning-visit', times: ['11:00'] }] }, t.clock.now());
      await seedAbsence(t.db, t.orgA, personId, 'hospital_admission', new Date('2026-11-23T10:00:00Z'), new Date('2026-11-26T12:00:00Z'), t.clock.now());
      const engine = testEngine(t.deps);
      await engine.run();
      const s = await t.signIn('team_leader');
      const screen = await t.call(s, { method: 'GET', url: `/api/people/${personId}/schedule` });
      assert.equal(screen.statusCode, 200, screen.body);
      const next = screen.json().contacts.find((c: { id: string | null }) => c.id);
      assert.equal(next.status, 'suspended');
      assert.match(next.suspendedReason, /^Hospital admission from 23\/11\/2026 \(expected to end 26\/11\/2026\)/);
      assert.equal(screen.json().absences[0].suspendsUntil, '2026-11-27T00:00:00.000Z'); // Friday 00:00
      t.clock.set('2026-11-27T11:16:00Z'); // Friday, after Friday's window
      await engine.run();
      const contacts = await contactsOf(personId);
      assert.deepEqual(contacts.map((c) => [c.local_date, c.status]), [
        ['2026-11-23', 'suspended'], ['2026-11-24', 'suspended'], ['2026-11-25', 'suspended'], ['2026-11-26', 'suspended'],
        ['2026-11-27', 'missed'], ['2026-11-28', 'due'],
      ]);
      assert.match(contacts[0].suspended_reason!, /Hospital admission/);
      const incidents = await incidentsOf(personId);
      assert.equal(incidents.length, 1);
      assert.equal(incidents[0].scheduled_contact_id, contacts[4].id);
      // The absence is there for the incident's record review.
      const [absence] = await t.db.query<{ kind: string }>('select kind from known_absences where person_id = $1', [personId]);
      assert.equal(absence.kind, 'hospital_admission');
    });

    test('catch-up after downtime: every window that closed is decided, oldest first, with how late it was noticed', async () => {
      t.clock.set('2026-11-25T05:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'checks', kind: 'welfare_check', times: ['06:00', '12:00', '18:00'] }] }, t.clock.now());
      const engine = testEngine(t.deps);
      await engine.run();
      t.clock.set('2026-11-26T07:00:00Z'); // down for a day
      await engine.run();
      const contacts = await contactsOf(personId);
      assert.deepEqual(contacts.map((c) => c.status), ['missed', 'missed', 'missed', 'missed', 'due']);
      const [incident] = await incidentsOf(personId);
      assert.equal(incident.scheduled_contact_id, contacts[0].id, 'the oldest window opened the incident');
      assert.equal(incident.noticed_late_ms, (24 * 60 + 45) * 60_000); // 06:15 yesterday → 07:00 today
      assert.ok(contacts.slice(1, 4).every((c) => c.incident_id === incident.id), 'later misses are added to the open incident');
    });

    test('the watchdog alerts once when an open incident has no future deadline', async () => {
      t.clock.set('2026-11-27T13:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { contacts: [{ key: 'watch', times: ['14:00'] }] }, t.clock.now());
      const logs: string[] = [];
      const engine = testEngine(t.deps, logs);
      await engine.run();
      t.clock.set('2026-11-27T14:15:01Z');
      await engine.run();
      const [incident] = await incidentsOf(personId);
      t.clock.set(new Date(incident.stage_deadline_at.getTime() + 61_000));
      await engine.run();
      t.clock.advance(30_000);
      await engine.run();
      const alerts = await t.db.query(`select 1 from events where type = 'engine.watchdog_alert' and entity_id = $1`, [incident.id]);
      assert.equal(alerts.length, 1);
      assert.ok(logs.some((l) => l.includes(incident.id)));
    });
  });
}
