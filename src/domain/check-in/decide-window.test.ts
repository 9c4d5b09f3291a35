import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideClosedWindow, type WindowFacts } from './decide-window.ts';

const base: WindowFacts = {
  window: { dueAt: new Date('2026-11-23T09:00:00Z'), closesAt: new Date('2026-11-23T09:15:00Z'), carriesMedication: false },
  personIsMedicationCritical: false,
  protocol: { risk: { assessedLevel: 'high', factors: [] } },
  absences: [],
  openNoResponseIncidentId: null,
  now: new Date('2026-11-23T09:15:02Z'),
};

test('a missed window opens an incident at stage 1 with the protocol’s stage 1 deadline and how late it was noticed', () => {
  const d = decideClosedWindow(base);
  assert.equal(d.outcome, 'missed_opened');
  if (d.outcome !== 'missed_opened') return;
  assert.equal(d.stage, 1);
  assert.equal(d.stageReason, null);
  assert.equal(d.noticedLateMs, 2000);
  assert.equal(d.stageDeadlineAt.toISOString(), '2026-11-23T09:20:02.000Z'); // high risk: 5 minutes
});

test('medication-critical person, medication contact: straight to internal escalation (§6)', () => {
  const d = decideClosedWindow({ ...base, personIsMedicationCritical: true, window: { ...base.window, carriesMedication: true } });
  assert.ok(d.outcome === 'missed_opened' && d.stage === 3 && d.stageReason === 'medication_critical' && d.isMedicationCritical);
  const notMedication = decideClosedWindow({ ...base, personIsMedicationCritical: true });
  assert.ok(notMedication.outcome === 'missed_opened' && notMedication.stage === 1 && !notMedication.isMedicationCritical);
});

test('a known absence suspends, saying why; an open incident absorbs a further miss', () => {
  const absence = { id: 'abs', kind: 'holiday', startsAt: new Date('2026-11-20T00:00:00Z'), expectedEndAt: null, endedAt: null };
  const s = decideClosedWindow({ ...base, absences: [absence], openNoResponseIncidentId: 'inc' });
  assert.ok(s.outcome === 'suspended' && s.absenceId === 'abs' && /^Holiday from 20\/11\/2026/.test(s.reason));
  assert.deepEqual(decideClosedWindow({ ...base, openNoResponseIncidentId: 'inc' }), { outcome: 'missed_joined', incidentId: 'inc' });
});
