import assert from 'node:assert/strict';
import { test } from 'node:test';
import { protocolContent, type ProtocolContent } from '../protocol/content.ts';
import { easyReadDocument } from './easy-read.ts';
import { columnForField, headerProblems, rowFields } from './import-row.ts';
import { changedSections, sideBySide } from './protocol-diff.ts';

const base: ProtocolContent = protocolContent.parse({
  risk: { assessedLevel: 'low', factors: ['Independent'] },
  expectedContacts: [{ key: 'sunday-checkin', kind: 'telecare_checkin', times: ['10:00'], recurrence: { type: 'weekdays', days: ['sun'] }, windowMinutes: 30 }],
  contactMethods: [{ method: 'phone_call', detail: 'mobile', attempts: 1, spacingMinutes: 0 }],
  knownRoutines: [{ days: ['sun'], from: '10:00', to: '12:00', place: 'church' }],
  specificRisks: [],
  involvement: { howInvolved: 'Chose the check-in herself', wishes: 'Ring my mobile' },
  nextReviewDate: '2027-05-01',
});

test('changed sections: what differs between versions, all of them for a first version', () => {
  assert.equal(changedSections(undefined, base).length, 8);
  assert.deepEqual(changedSections(base, base), []);
  const cases: [Partial<ProtocolContent>, string[]][] = [
    [{ nextReviewDate: '2027-06-01' }, ['nextReviewDate']],
    [{ risk: { ...base.risk, assessedLevel: 'medium' } }, ['risk', 'stageDeadlines']], // default deadlines follow the risk level
    [{ stageDeadlines: { 1: 15, 2: 30, 3: 60, 4: 120 } }, ['stageDeadlines']], // same numbers as the default, but now set for the person
    [{ knownRoutines: [] }, ['knownRoutines']],
  ];
  for (const [change, expected] of cases) assert.deepEqual(changedSections(base, { ...base, ...change }), expected, JSON.stringify(change));
  const rows = sideBySide(base, { ...base, nextReviewDate: '2027-06-01' });
  const review = rows.find((r) => r.key === 'nextReviewDate')!;
  assert.deepEqual([review.left, review.right, review.isChanged], [['01/05/2027'], ['01/06/2027'], true]);
  assert.equal(rows.filter((r) => r.isChanged).length, 1);
});

test('easy read: the routine, the check-in, and only consented contacts with their step', () => {
  const doc = easyReadDocument({
    name: 'Joan Bell', serviceName: 'Riverside Court', careCoordinatorName: null, medicationCriticalDetail: null, protocol: base,
    contacts: [
      { name: 'Ann Bell', relationship: 'Daughter', kind: 'family', contactableFromStage: 4, hasConsent: true },
      { name: 'Tom Bell', relationship: 'Son', kind: 'family', contactableFromStage: 3, hasConsent: false },
    ],
  });
  const lines = doc.sections.flatMap((s) => s.lines);
  assert.ok(lines.includes('On Sundays at 10:00: a check-in on your telecare. If we have not heard from you 30 minutes after that, we start to check.'), lines.join('\n'));
  assert.ok(lines.includes('On Sundays from 10:00 to 12:00 you are often at church.'));
  assert.ok(lines.includes('From step 4: Ann Bell (Daughter, family).'));
  assert.ok(!lines.some((l) => l.includes('Tom Bell')));
  assert.ok(!doc.sections.some((s) => s.heading === 'Your medicine'), 'no medicine section when nothing is time-critical');
  const none = easyReadDocument({ name: 'X', serviceName: 'S', careCoordinatorName: 'Ben Carter', medicationCriticalDetail: null, protocol: base, contacts: [] });
  const noneLines = none.sections.flatMap((s) => s.lines);
  assert.ok(noneLines.includes('You have not agreed to us contacting anyone.'));
  assert.ok(noneLines.includes('Tell any member of staff, or Ben Carter, who helps to plan your support.'));
});

test('import rows: header problems, values as spreadsheets write them, errors named by column', () => {
  assert.deepEqual(headerProblems(['given_name', 'family_name', 'service', 'reference']), []);
  assert.deepEqual(headerProblems(['given_name', 'family_name', 'service', 'nhs_number', 'shoe_size']).map((p) => p.field), ['shoe_size']);
  assert.deepEqual(headerProblems(['given_name', 'family_name', 'service']).map((p) => p.field), ['reference']);
  const services = new Map([['riverside court', 'svc-1']]);
  const ok = rowFields({ reference: 'P1', given_name: 'Joan', family_name: 'Bell', service: 'Riverside Court', medication_critical: 'Yes', support_types: 'Scheduled visits; sleep-in' }, 2, services);
  assert.deepEqual(ok.problems, []);
  assert.deepEqual([ok.fields.serviceId, ok.fields.isMedicationCritical, ok.fields.supportTypes], ['svc-1', true, ['scheduled_visits', 'sleep_in']]);
  const bad = rowFields({ given_name: 'Joan', family_name: 'Bell', service: 'Elsewhere', medication_critical: 'maybe', support_types: 'gardening' }, 7, services);
  assert.deepEqual(bad.problems.map((p) => `${p.line}:${p.field}`), ['7:service', '7:medication_critical', '7:support_types', '7:reference']);
  assert.equal(columnForField('dateOfBirth'), 'date_of_birth');
  assert.equal(columnForField('nhsNumber'), 'nhs_number');
});
