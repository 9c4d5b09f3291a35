import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { findAbsencesOverlapping } from '../../src/db/repos/known-absences.ts';
import { listCurrentProtocols } from '../../src/db/repos/people.ts';
import { listConsentedContactsForStage } from '../../src/db/repos/person-contacts.ts';
import { loadDemoPeople } from '../../src/demo/people.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';

for (const kind of dbKinds()) {
  describe(`demo people [${kind}]`, () => {
    let t: TestApp;
    before(async () => {
      t = await makeTestApp(kind);
      await loadDemoPeople(t.deps, t.orgA);
    });
    after(async () => t?.close());

    test('six people from the scenarios, each with a protocol', async () => {
      const people = await t.db.query<{ id: string; given_name: string; service_id: string; is_medication_critical: boolean }>(
        'select id, given_name, service_id, is_medication_critical from people where org_id = $1 order by given_name', [t.orgA.orgId]);
      assert.deepEqual(people.map((p) => p.given_name), ['Amir', 'Devendra', 'Joan', 'Lena', 'Maya', 'Pete']);
      const protocols = await listCurrentProtocols(t.db, { orgId: t.orgA.orgId });
      assert.equal(protocols.length, 6);
      const by = (name: string) => people.find((p) => p.given_name === name)!;
      assert.equal(by('Maya').service_id, t.orgA.serviceIds.community);
      assert.equal(by('Lena').is_medication_critical, true);
      const amir = protocols.find((p) => p.personId === by('Amir').id)!;
      assert.equal(amir.protocol.content.risk.assessedLevel, 'high');
      assert.equal(amir.protocol.content.expectedContacts[0].windowMinutes, 15);
      const lena = protocols.find((p) => p.personId === by('Lena').id)!;
      assert.equal(lena.protocol.content.expectedContacts[0].carriesMedication, true);
      // Amir's neighbour may be contacted from stage 4, not before; Dev's sister never without an override.
      assert.equal((await listConsentedContactsForStage(t.db, t.orgA.orgId, by('Amir').id, 3)).length, 0);
      assert.deepEqual((await listConsentedContactsForStage(t.db, t.orgA.orgId, by('Amir').id, 4)).map((c) => c.name), ['Sam Jones']);
      assert.deepEqual((await listConsentedContactsForStage(t.db, t.orgA.orgId, by('Devendra').id, 5)).map((c) => c.name), ['Chris Taylor']);
      const now = t.clock.now();
      const absences = await findAbsencesOverlapping(t.db, by('Pete').id, now, new Date(now.getTime() + 3600_000));
      assert.deepEqual(absences.map((a) => a.kind), ['hospital_admission']);
      assert.equal(absences[0].expected_end_at!.getUTCDay(), 4, 'expected discharge on a Thursday');
    });
  });
}
