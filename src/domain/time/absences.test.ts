import assert from 'node:assert/strict';
import { test } from 'node:test';
import { absenceCovering, suspensionEndsAt, suspensionReason, type Absence } from './absences.ts';

const hospital: Absence = {
  id: 'a1', kind: 'hospital_admission', startsAt: new Date('2026-11-23T10:00:00Z'),
  expectedEndAt: new Date('2026-11-26T12:00:00Z'), endedAt: null, // Thursday
};

test('an absence with a passed expected end stops suspending at the start of the next local day (SCENARIOS 3)', () => {
  assert.equal(suspensionEndsAt(hospital)?.toISOString(), '2026-11-27T00:00:00.000Z');
  assert.equal(absenceCovering([hospital], new Date('2026-11-26T18:00:00Z'))?.id, 'a1'); // Thursday evening
  assert.equal(absenceCovering([hospital], new Date('2026-11-27T09:00:00Z')), undefined); // Friday
  assert.equal(absenceCovering([hospital], new Date('2026-11-23T09:00:00Z')), undefined); // before it started
});

test('an ended absence stops at once; an open-ended one lasts until someone records the return', () => {
  const ended = { ...hospital, endedAt: new Date('2026-11-24T15:00:00Z') };
  assert.equal(absenceCovering([ended], new Date('2026-11-24T16:00:00Z')), undefined);
  const open = { ...hospital, expectedEndAt: null };
  assert.equal(absenceCovering([open], new Date('2027-01-01T09:00:00Z'))?.id, 'a1');
  assert.match(suspensionReason(hospital), /^Hospital admission from 23\/11\/2026 \(expected to end 26\/11\/2026\)$/);
});
