import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeTestApp, type Session, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { flatText } from '../support/pdf-text.ts';
import { sampleProtocol, samplePerson } from '../support/people.ts';

for (const kind of dbKinds()) {
  describe(`easy-read protocol [${kind}]`, () => {
    let t: TestApp;
    let leader: Session;
    let personId: string;
    before(async () => {
      t = await makeTestApp(kind);
      leader = await t.signIn('team_leader');
      const post = async (url: string, payload: unknown) => {
        const res = await t.call(leader, { method: 'POST', url, payload: payload as never });
        assert.equal(res.statusCode, 201, res.body);
        return res.json();
      };
      personId = (await post('/api/people', samplePerson(t.orgA.serviceIds.scheme, {
        givenName: 'Devendra', preferredName: 'Dev', familyName: 'Shah', nhsNumber: null,
        isMedicationCritical: true, medicationCriticalDetail: 'insulin with breakfast',
      }))).id;
      await post(`/api/people/${personId}/contacts`, {
        kind: 'neighbour', name: 'Sam Jones', relationship: 'Neighbour at flat 4', phone: '07700 900201', rank: 1, hasConsent: true, contactableFromStage: 4,
      });
      await post(`/api/people/${personId}/contacts`, {
        kind: 'family', name: 'Priya Shah', relationship: 'Sister', phone: '07700 900202', rank: 2, hasConsent: false, contactableFromStage: 4,
      });
      const base = sampleProtocol();
      await post(`/api/people/${personId}/protocol`, {
        baseVersion: 0, reason: 'First protocol',
        content: {
          ...base,
          expectedContacts: [{ ...base.expectedContacts[0], times: ['08:00'], carriesMedication: true }],
          knownRoutines: [{ days: ['fri'], from: '12:00', to: '14:00', place: 'the mosque' }],
        },
      });
    });
    after(async () => t?.close());

    test('the page has the plan in plain words, naming only contacts the person agreed to', async () => {
      const res = await t.call(leader, { method: 'GET', url: `/api/people/${personId}/easy-read` });
      assert.equal(res.statusCode, 200);
      assert.match(res.headers['content-type'] as string, /text\/html/);
      const html = res.body;
      assert.match(html, /<html lang="en-GB">/);
      assert.match(html, /What staff will do if you do not answer/);
      assert.match(html, /From step 4: Sam Jones/);
      assert.doesNotMatch(html, /Priya/, 'a contact without consent is not named');
      assert.match(html, /How to change this plan/);
      const logged = await t.db.query("select 1 from access_log where entity_id = $1 and purpose = 'easy-read protocol'", [personId]);
      assert.equal(logged.length, 1);
    });

    test('the PDF renders and its text carries the key sentences', async () => {
      const res = await t.call(leader, { method: 'GET', url: `/api/people/${personId}/easy-read.pdf?compress=false` });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/pdf');
      const pdf = res.rawPayload;
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.match(pdf.toString('latin1'), /\/Lang \(en-GB\)/);
      assert.match(pdf.toString('latin1'), /\/StructTreeRoot/, 'tagged PDF');
      const text = flatText(pdf);
      for (const sentence of [
        'What happens if you do not answer',
        'A plan for Dev Shah',
        'Every day at 08:00: a visit. If we have not heard from you 15 minutes after that, we start to check.',
        'Step 1. We look and listen outside your home. We do not break in.',
        'Step 2. We try to reach you. We will phone you twice.',
        'If we think your life is in danger, we call 999 straight away.',
        'Your medicine is very important: insulin with breakfast.',
        'If we cannot reach you at 08:00, we tell a manager straight away.',
        'On Fridays from 12:00 to 14:00 you are often at the mosque.',
        'From step 4: Sam Jones (Neighbour at flat 4, your neighbour).',
        'We will not contact anyone else unless we think you are in serious danger right now.',
        'This is your plan. You can ask to change it at any time.',
        'We will look at this plan with you again by 01/05/2027.',
      ]) {
        assert.ok(text.includes(sentence), `missing: ${sentence}\n---\n${text}`);
      }
      assert.ok(!text.includes('Priya'), 'a contact without consent is not in the PDF');
      const compressed = await t.call(leader, { method: 'GET', url: `/api/people/${personId}/easy-read.pdf` });
      assert.equal(compressed.statusCode, 200);
      assert.ok(compressed.rawPayload.length < pdf.length);
    });

    test('without a protocol there is nothing to show: 422', async () => {
      const res = await t.call(leader, { method: 'POST', url: '/api/people', payload: samplePerson(t.orgA.serviceIds.scheme, { nhsNumber: null, givenName: 'New' }) });
      const page = await t.call(leader, { method: 'GET', url: `/api/people/${res.json().id}/easy-read` });
      assert.equal(page.statusCode, 422);
    });
  });
}
