import assert from 'node:assert/strict';
import { test } from 'node:test';
import { effectiveRisk, protocolContent, stageDeadlinesFor } from './content.ts';

const base = {
  risk: { assessedLevel: 'high', factors: ['epilepsy'] },
  expectedContacts: [{ key: 'morning-visit', kind: 'visit', times: ['09:00'], recurrence: { type: 'daily' }, windowMinutes: 15 }],
  contactMethods: [{ method: 'phone_call', detail: 'mobile', attempts: 2, spacingMinutes: 2 }],
  knownRoutines: [],
  specificRisks: [],
  involvement: { howInvolved: 'Wrote it with Amir', wishes: 'Call before knocking' },
  nextReviewDate: '2027-05-01',
};

test('a complete protocol parses, with the risk default deadlines', () => {
  const p = protocolContent.parse(base);
  assert.equal(effectiveRisk(p), 'high');
  assert.deepEqual(stageDeadlinesFor(p), { 1: 5, 2: 5, 3: 15, 4: 30 });
});

test('an override without a reason names risk.overrideReason', () => {
  const r = protocolContent.safeParse({ ...base, risk: { ...base.risk, overrideLevel: 'low' } });
  assert.equal(r.success, false);
  assert.deepEqual(r.error?.issues[0].path, ['risk', 'overrideReason']);
});

test('a wish for no response needs the duty that remains', () => {
  const r = protocolContent.safeParse({ ...base, involvement: { ...base.involvement, wishesNoResponse: true } });
  assert.deepEqual(r.error?.issues[0].path, ['involvement', 'dutyThatRemains']);
});

test('impossible dates and times are refused', () => {
  assert.equal(protocolContent.safeParse({ ...base, nextReviewDate: '2027-02-30' }).success, false);
  const badTime = { ...base, expectedContacts: [{ ...base.expectedContacts[0], times: ['25:00'] }] };
  assert.deepEqual(protocolContent.safeParse(badTime).error?.issues[0].path, ['expectedContacts', 0, 'times', 0]);
});

test('a per-person override replaces the default deadlines', () => {
  const p = protocolContent.parse({ ...base, stageDeadlines: { 1: 2, 2: 3, 3: 4, 4: 5 } });
  assert.deepEqual(stageDeadlinesFor(p), { 1: 2, 2: 3, 3: 4, 4: 5 });
});
