import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { flagOverdueReviews } from '../../src/app/people/flag-overdue-reviews.ts';
import { flagProtocolReview } from '../../src/app/people/flag-protocol-review.ts';
import { findAbsencesOverlapping } from '../../src/db/repos/known-absences.ts';
import { makeTestApp, type Session, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { sampleProtocol, samplePerson } from '../support/people.ts';

for (const kind of dbKinds()) {
  describe(`people supported [${kind}]`, () => {
    let t: TestApp;
    let leader: Session;
    let personId: string;
    before(async () => {
      t = await makeTestApp(kind);
      leader = await t.signIn('team_leader');
      const res = await t.call(leader, { method: 'POST', url: '/api/people', payload: samplePerson(t.orgA.serviceIds.scheme) });
      assert.equal(res.statusCode, 201, res.body);
      personId = res.json().id;
    });
    after(async () => t?.close());

    const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

    test('a new person is stored normalised and visible only within their service', async () => {
      const sw = await t.signIn('support_worker');
      const read = await t.call(sw, { method: 'GET', url: `/api/people/${personId}` });
      assert.equal(read.statusCode, 200);
      assert.equal(read.json().person.nhsNumber, '9434765919');
      assert.equal(read.json().person.postcode, 'LS1 4AP');
      assert.equal(read.json().person.dateOfBirth, '1988-04-12');
      const logged = await t.db.query('select * from access_log where entity_id = $1 and actor_id = $2', [personId, t.orgA.staffIds.support_worker]);
      assert.equal(logged.length, 1, 'the read is in the access log');

      const coordinator = await t.signIn('care_coordinator'); // community team, not the scheme
      assert.equal((await t.call(coordinator, { method: 'GET', url: `/api/people/${personId}` })).statusCode, 404);
      const list = await t.call(coordinator, { method: 'GET', url: '/api/people' });
      assert.ok(!list.json().people.some((p: { id: string }) => p.id === personId));
      const manager = await t.signIn('registered_manager');
      const all = await t.call(manager, { method: 'GET', url: '/api/people?q=haddad' });
      assert.deepEqual(all.json().people.map((p: { id: string }) => p.id), [personId]);
      // A team leader cannot put someone in a service that is not theirs.
      const other = await t.call(leader, { method: 'POST', url: '/api/people', payload: samplePerson(t.orgA.serviceIds.community, { nhsNumber: null }) });
      assert.equal(other.statusCode, 400);
      assert.equal(other.json().error.field, 'serviceId');
    });

    test('invalid NHS number, postcode, date, stage or key-safe code: 400 naming the field, nothing stored', async () => {
      const people = await count('people');
      const bad: [Record<string, unknown>, string][] = [
        [{ nhsNumber: '943 476 5918' }, 'nhsNumber'],
        [{ postcode: 'LS1 4A' }, 'postcode'],
        [{ dateOfBirth: '31/02/1988' }, 'dateOfBirth'],
        [{ dateOfBirth: '2030-01-01' }, 'dateOfBirth'], // in the future (checked against the clock)
        [{ accessArrangements: 'Key safe by the door, code 4821' }, 'accessArrangements'],
      ];
      for (const [change, field] of bad) {
        const res = await t.call(leader, { method: 'POST', url: '/api/people', payload: samplePerson(t.orgA.serviceIds.scheme, { nhsNumber: null, ...change }) });
        assert.equal(res.statusCode, 400, `${JSON.stringify(change)}: ${res.body}`);
        assert.equal(res.json().error.field, field);
      }
      assert.equal(await count('people'), people);
      const contacts = await count('person_contacts');
      for (const stage of [0, 6]) {
        const res = await t.call(leader, {
          method: 'POST', url: `/api/people/${personId}/contacts`,
          payload: { kind: 'family', name: 'Nadia', phone: '07700 900301', rank: 2, hasConsent: true, contactableFromStage: stage },
        });
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().error.field, 'contactableFromStage');
      }
      assert.equal(await count('person_contacts'), contacts);
      const dup = await t.call(leader, { method: 'POST', url: '/api/people', payload: samplePerson(t.orgA.serviceIds.scheme) });
      assert.equal(dup.statusCode, 409);
      assert.equal(dup.json().error.field, 'nhsNumber');
    });

    test('updates are compare-and-set on the version', async () => {
      const body = { ...samplePerson(t.orgA.serviceIds.scheme), preferredName: 'Am', version: 1 };
      const first = await t.call(leader, { method: 'PUT', url: `/api/people/${personId}`, payload: body });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().version, 2);
      assert.equal(first.json().displayName, 'Am Haddad');
      const stale = await t.call(leader, { method: 'PUT', url: `/api/people/${personId}`, payload: { ...body, preferredName: 'A' } });
      assert.equal(stale.statusCode, 409);
      const [ev] = await t.db.query<{ data: { changes: Record<string, unknown> } }>(
        "select data from events where entity_id = $1 and type = 'person.updated'", [personId]);
      assert.deepEqual(ev.data.changes, { preferredName: 'Am' });
    });

    test('consent changes need a reason and are recorded with actor and reason', async () => {
      const add = await t.call(leader, {
        method: 'POST', url: `/api/people/${personId}/contacts`,
        payload: { kind: 'family', name: 'Leila Haddad', relationship: 'Sister', phone: '07700 900302', rank: 2, hasConsent: false, contactableFromStage: 4 },
      });
      assert.equal(add.statusCode, 201, add.body);
      const contact = add.json();
      const url = `/api/people/${personId}/contacts/${contact.id}`;
      const noReason = await t.call(leader, { method: 'PUT', url, payload: { ...contact, hasConsent: true } });
      assert.equal(noReason.statusCode, 400);
      assert.equal(noReason.json().error.field, 'consentReason');
      assert.equal((await t.db.query('select has_consent from person_contacts where id = $1', [contact.id]))[0].has_consent, false);
      const withReason = await t.call(leader, {
        method: 'PUT', url, payload: { ...contact, hasConsent: true, consentReason: 'Amir agreed at his review on 23/11/2026' },
      });
      assert.equal(withReason.statusCode, 200, withReason.body);
      assert.equal(withReason.json().hasConsent, true);
      const events = await t.db.query<{ actor_id: string; reason: string; data: Record<string, unknown> }>(
        "select actor_id, reason, data from events where entity_id = $1 and type = 'person.contact_consent_changed'", [personId]);
      assert.equal(events.length, 1);
      assert.equal(events[0].actor_id, t.orgA.staffIds.team_leader);
      assert.equal(events[0].reason, 'Amir agreed at his review on 23/11/2026');
      assert.deepEqual(events[0].data, { contactId: contact.id, name: 'Leila Haddad', hasConsent: true, previous: false });
      const stale = await t.call(leader, { method: 'PUT', url, payload: { ...contact, hasConsent: true, name: 'L Haddad' } });
      assert.equal(stale.statusCode, 409, 'version 1 is stale after the consent change');
    });

    test('every protocol version is in the record with actor and reason; stale and invalid versions are refused', async () => {
      const url = `/api/people/${personId}/protocol`;
      const invalid = await t.call(leader, {
        method: 'POST', url,
        payload: { baseVersion: 0, reason: 'First', content: sampleProtocol({ expectedContacts: [{ ...sampleProtocol().expectedContacts[0], windowMinutes: 0 }] }) },
      });
      assert.equal(invalid.statusCode, 400);
      assert.equal(invalid.json().error.field, 'content.expectedContacts.0.windowMinutes');
      const noReason = await t.call(leader, { method: 'POST', url, payload: { baseVersion: 0, reason: ' ', content: sampleProtocol() } });
      assert.equal(noReason.json().error.field, 'reason');
      const v1 = await t.call(leader, { method: 'POST', url, payload: { baseVersion: 0, reason: 'First protocol, written with Amir', content: sampleProtocol() } });
      assert.equal(v1.statusCode, 201, v1.body);
      const v2 = await t.call(leader, {
        method: 'POST', url,
        payload: { baseVersion: 1, reason: 'Seizures more frequent: shorter window', content: sampleProtocol({ expectedContacts: [{ ...sampleProtocol().expectedContacts[0], windowMinutes: 10 }] }) },
      });
      assert.equal(v2.json().version, 2);
      const stale = await t.call(leader, { method: 'POST', url, payload: { baseVersion: 1, reason: 'Late', content: sampleProtocol() } });
      assert.equal(stale.statusCode, 409);
      const events = await t.db.query<{ actor_id: string; reason: string; data: { version: number; sections: string[] } }>(
        "select actor_id, reason, data from events where entity_id = $1 and type = 'protocol.version_created' order by seq", [personId]);
      assert.deepEqual(events.map((e) => [e.data.version, e.reason, e.actor_id]), [
        [1, 'First protocol, written with Amir', t.orgA.staffIds.team_leader],
        [2, 'Seizures more frequent: shorter window', t.orgA.staffIds.team_leader],
      ]);
      assert.deepEqual(events[1].data.sections, ['expectedContacts']);
      const cmp = await t.call(leader, { method: 'GET', url: `${url}/compare?left=1&right=2` });
      assert.equal(cmp.json().left.content.expectedContacts[0].windowMinutes, 15);
      assert.equal(cmp.json().right.content.expectedContacts[0].windowMinutes, 10);
    });

    test('review due: the date trigger and other triggers flag once; a new version clears them', async () => {
      const manager = await t.signIn('registered_manager');
      const due = async () => (await t.call(manager, { method: 'GET', url: '/api/people?reviewDue=true' })).json().people.map((p: { id: string }) => p.id);
      assert.deepEqual(await due(), []);
      const write = (baseVersion: number, nextReviewDate: string, reason: string) => t.call(leader, {
        method: 'POST', url: `/api/people/${personId}/protocol`, payload: { baseVersion, reason, content: sampleProtocol({ nextReviewDate }) },
      });
      // A protocol carried over with a review date already behind today (23/11/2026) is due at once.
      assert.equal((await write(2, '2026-11-22', 'Carried over from the paper plan')).statusCode, 201);
      assert.deepEqual(await due(), [personId]);
      await due();
      const open = async () => (await t.db.query<{ reason: string }>(
        'select reason from protocol_review_flags where person_id = $1 and cleared_at is null order by reason', [personId])).map((f) => f.reason);
      assert.deepEqual(await open(), ['date_passed'], 'raised once however often the list is read');
      // Other modules raise triggers inside their own transaction; the same source twice is one flag.
      const incidentId = '0190f1a0-0000-7000-8000-00000000abcd';
      const system = { kind: 'system' as const, orgId: t.orgA.orgId };
      const first = await t.db.transaction((tx) => flagProtocolReview(tx, system, personId, 'significant_incident', incidentId, t.clock.now()));
      const second = await t.db.transaction((tx) => flagProtocolReview(tx, system, personId, 'significant_incident', incidentId, t.clock.now()));
      assert.deepEqual([first.flagged, second.flagged], [true, false]);
      const raise = await t.call(leader, { method: 'POST', url: `/api/people/${personId}/protocol/review-flags`, payload: { reason: 'change_in_needs', note: 'New medication' } });
      assert.equal(raise.json().flagged, true);
      assert.deepEqual(await open(), ['change_in_needs', 'date_passed', 'significant_incident']);
      assert.equal((await write(3, '2027-05-01', 'Reviewed with Amir')).statusCode, 201);
      assert.deepEqual(await due(), []);
      const [cleared] = await t.db.query<{ data: { version: number; reasons: string[] } }>(
        "select data from events where entity_id = $1 and type = 'protocol.review_cleared'", [personId]);
      assert.deepEqual([cleared.data.version, cleared.data.reasons.sort()], [4, ['change_in_needs', 'date_passed', 'significant_incident']]);
      // The engine's call: the day after the review date, once.
      assert.equal(await flagOverdueReviews(t.db, new Date('2027-05-01T22:30:00Z'), { orgId: t.orgA.orgId }), 0, '23:30 on 01/05 in London: not yet');
      assert.equal(await flagOverdueReviews(t.db, new Date('2027-05-01T23:30:00Z'), { orgId: t.orgA.orgId }), 1);
      assert.equal(await flagOverdueReviews(t.db, new Date('2027-05-03T09:00:00Z'), { orgId: t.orgA.orgId }), 0);
      assert.deepEqual(await due(), [personId]);
    });

    test('known absences are found by the period they overlap', async () => {
      const res = await t.call(leader, {
        method: 'POST', url: `/api/people/${personId}/absences`,
        payload: { kind: 'hospital_admission', startsAt: '2026-11-23T11:00:00Z', expectedEndAt: '2026-11-26T12:00:00Z', note: 'St James’s, ward 12' },
      });
      assert.equal(res.statusCode, 201, res.body);
      const backwards = await t.call(leader, {
        method: 'POST', url: `/api/people/${personId}/absences`, payload: { kind: 'holiday', startsAt: '2026-12-10T10:00:00Z', expectedEndAt: '2026-12-01T10:00:00Z' },
      });
      assert.equal(backwards.json().error.field, 'expectedEndAt');
      const during = await findAbsencesOverlapping(t.db, personId, new Date('2026-11-25T08:00:00Z'), new Date('2026-11-25T09:00:00Z'));
      assert.deepEqual(during.map((a) => a.kind), ['hospital_admission']);
      const afterwards = await findAbsencesOverlapping(t.db, personId, new Date('2026-11-27T08:00:00Z'), new Date('2026-11-27T09:00:00Z'));
      assert.equal(afterwards.length, 0, 'the expected discharge ends it even when nobody records the return');
      const end = await t.call(leader, { method: 'POST', url: `/api/people/${personId}/absences/${res.json().id}/end`, payload: { version: 1, endedAt: '2026-11-23T08:00:00Z' } });
      assert.equal(end.statusCode, 400, 'cannot end before it started');
    });

    test('devices: the telecare id is unique in the organisation', async () => {
      const device = { kind: 'checkin_device', purpose: 'Daily check-in button', monitoredBy: 'Telecare team', failureMeaning: 'We do not know he is up', externalDeviceId: 'TC-001' };
      assert.equal((await t.call(leader, { method: 'POST', url: `/api/people/${personId}/devices`, payload: device })).statusCode, 201);
      const again = await t.call(leader, { method: 'POST', url: `/api/people/${personId}/devices`, payload: device });
      assert.equal(again.statusCode, 409);
      assert.equal(again.json().error.field, 'externalDeviceId');
    });

    test("the person's history lists each change with who made it and why", async () => {
      const res = await t.call(leader, { method: 'GET', url: `/api/people/${personId}/history` });
      const types = res.json().map((e: { type: string }) => e.type);
      for (const type of ['person.created', 'person.updated', 'person.contact_added', 'person.contact_consent_changed', 'protocol.version_created', 'protocol.review_flagged']) {
        assert.ok(types.includes(type), type);
      }
      const v1 = res.json().find((e: { type: string; data: { version?: number } }) => e.type === 'protocol.version_created' && e.data.version === 1);
      assert.equal(v1.actor.name, 'Tom Barker');
    });
  });
}
