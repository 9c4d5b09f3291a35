import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type Session, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { eventsOf, incidentEngine } from '../support/incidents.ts';
import { seedPerson } from '../support/schedule-seed.ts';

// SCENARIOS 8 (out of hours → next working day's senior review queue) and §20.5 management review.
for (const kind of dbKinds()) {
  describe(`senior review [${kind}]`, () => {
    let t: TestApp;
    let worker: Session;
    let onCall: Session;
    let rm: Session;
    before(async () => {
      t = await makeTestApp(kind);
      incidentEngine(t.deps);
      worker = await t.signIn('support_worker');
      onCall = await t.signIn('team_leader');
      rm = await t.signIn('registered_manager');
    });
    after(async () => t?.close());

    async function decideAt(instant: string, name: string) {
      t.clock.set(instant);
      const { personId } = await seedPerson(t.db, t.orgA, { name, contacts: [] }, t.clock.now());
      const inc = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } })).json();
      const res = await t.call(onCall, {
        method: 'POST', url: `/api/incidents/${inc.incidentId}/decisions`,
        payload: { kind: 'no_further_action_until', summary: 'No further action until the morning visit', rationale: 'Known to sleep heavily after late shifts; lights off, no concerns seen' },
      });
      assert.equal(res.statusCode, 200, res.body);
      return inc.incidentId as string;
    }
    const queueOn = async (date: string) => (await t.call(rm, { method: 'GET', url: `/api/review-queue?date=${date}` })).json();
    const queued = async (date: string, incidentId: string) => (await queueOn(date)).outOfHoursDecisions.filter((d: { incidentId: string }) => d.incidentId === incidentId);

    test('a Saturday 23:10 on-call decision appears in Monday\'s queue, not Sunday\'s', async () => {
      const id = await decideAt('2026-11-21T23:10:00Z', 'Sat Night');
      assert.equal((await queued('2026-11-22', id)).length, 0);
      const monday = await queued('2026-11-23', id);
      assert.equal(monday.length, 1);
      assert.equal(monday[0].summary, 'No further action until the morning visit');
      assert.equal(monday[0].decidedBy, 'Tom Barker');
    });

    test('when Monday is a bank holiday it appears in Tuesday\'s queue', async () => {
      // Saturday 02/05/2026 23:10 BST; Monday 04/05/2026 is the Early May bank holiday.
      const id = await decideAt('2026-05-02T22:10:00Z', 'May Night');
      assert.equal((await queued('2026-05-04', id)).length, 0);
      assert.equal((await queued('2026-05-05', id)).length, 1);
    });

    test('an in-hours decision is recorded but not queued; a reviewed one leaves the queue', async () => {
      const inHours = await decideAt('2026-11-23T10:00:00Z', 'Day Time');
      assert.equal((await queued('2026-11-30', inHours)).length, 0);
      const id = await decideAt('2026-11-23T19:30:00Z', 'Monday Evening');
      const [d] = await queued('2026-11-24', id);
      const res = await t.call(rm, { method: 'POST', url: `/api/incident-decisions/${d.decisionId}/review`, payload: { note: 'Proportionate; routine documented' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal((await queued('2026-11-24', id)).length, 0);
    });

    test('closure then management review: protocol review flagged, safeguarding decided with a reason, learning noted', async () => {
      t.clock.set('2026-11-23T11:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { name: 'Amir Seizure', contacts: [] }, t.clock.now());
      const inc = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } })).json();
      const early = await t.call(rm, { method: 'POST', url: `/api/incidents/${inc.incidentId}/review`, payload: review });
      assert.equal(early.statusCode, 409, 'not before closure');
      const close = await t.call(onCall, { method: 'POST', url: `/api/incidents/${inc.incidentId}/close`, payload: { outcome: 'unwell_medical_help', rationale: 'Asleep after a seizure; GP called, now responsive.' } });
      assert.equal(close.statusCode, 200, close.body);
      const queue = await queueOn('2026-11-23');
      assert.ok(queue.closedIncidents.some((c: { incidentId: string }) => c.incidentId === inc.incidentId), 'closed incident awaits review');
      const bad = await t.call(rm, { method: 'POST', url: `/api/incidents/${inc.incidentId}/review`, payload: { ...review, safeguarding: { raiseConcern: false, reason: '' } } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.field, 'safeguarding.reason');
      const res = await t.call(rm, { method: 'POST', url: `/api/incidents/${inc.incidentId}/review`, payload: review });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().protocolReviewFlagged, true);
      const flags = await t.db.query<{ reason: string; source_id: string }>('select reason, source_id from protocol_review_flags where person_id = $1', [personId]);
      assert.deepEqual(flags.map((f) => [f.reason, f.source_id]), [['significant_incident', inc.incidentId]]);
      assert.ok(!(await queueOn('2026-11-23')).closedIncidents.some((c: { incidentId: string }) => c.incidentId === inc.incidentId));
      const reviewed = (await eventsOf(t.db, inc.incidentId)).find((e) => e.type === 'incident.reviewed');
      assert.equal(reviewed?.data.safeguardingRaised, false);
      assert.equal(reviewed?.reason, 'Medical cause, no indication of neglect or abuse');
      const again = await t.call(rm, { method: 'POST', url: `/api/incidents/${inc.incidentId}/review`, payload: review });
      assert.equal(again.statusCode, 409, 'one review per incident');
    });

    test('a review that raises a safeguarding concern creates it through the safeguarding workflow, linked to the incident', async () => {
      t.clock.set('2026-11-23T13:00:00Z');
      const { personId } = await seedPerson(t.db, t.orgA, { name: 'Joy Neglect', contacts: [] }, t.clock.now());
      const inc = (await t.call(worker, { method: 'POST', url: '/api/incidents', payload: { personId } })).json();
      await t.call(onCall, { method: 'POST', url: `/api/incidents/${inc.incidentId}/close`, payload: { outcome: 'became_refusal', rationale: 'Refused entry; home cold, little food.' } });
      const res = await t.call(rm, { method: 'POST', url: `/api/incidents/${inc.incidentId}/review`, payload: {
        ...review, protocolReview: { isNeeded: false, reason: 'Protocol was followed' },
        safeguarding: { raiseConcern: true, reason: 'Possible self-neglect: cold home, little food, refusing support' },
      } });
      assert.equal(res.statusCode, 200, res.body);
      const concernId = res.json().safeguardingConcernId;
      assert.ok(concernId);
      const [c] = await t.db.query<{ source_incident_id: string }>('select source_incident_id from safeguarding_concerns where id = $1', [concernId]);
      assert.equal(c.source_incident_id, inc.incidentId);
    });
  });
}

const review = {
  protocolReview: { isNeeded: true, reason: 'Add post-seizure sleep to known routines' },
  safeguarding: { raiseConcern: false, reason: 'Medical cause, no indication of neglect or abuse' },
  learning: 'Worker followed the checklist; on call acknowledged in two minutes.',
};
