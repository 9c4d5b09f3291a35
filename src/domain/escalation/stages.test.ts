import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StageDeadlines, StageNumber } from '../protocol/content.ts';
import { assessObservations } from './observations.ts';
import { decideDeadline, decideEmergency, decideEscalation, incompleteBefore, openingStage, requiredAttempts, stageProgress } from './stages.ts';

const high: StageDeadlines = { 1: 5, 2: 5, 3: 15, 4: 30 };
const at = (hhmm: string) => new Date(`2026-11-23T${hhmm}:00Z`);

test('a deadline passing moves one stage per passed deadline, each counted from the last', () => {
  const cases: { stage: StageNumber; due: string; now: string; stage2: StageNumber; next: string; alert: boolean; steps: number }[] = [
    { stage: 1, due: '09:20', now: '09:19', stage2: 1, next: '09:20', alert: false, steps: 0 },
    { stage: 1, due: '09:20', now: '09:20', stage2: 2, next: '09:25', alert: false, steps: 1 },
    { stage: 2, due: '09:25', now: '09:25', stage2: 3, next: '09:40', alert: true, steps: 1 },
    { stage: 3, due: '09:40', now: '09:41', stage2: 4, next: '10:10', alert: true, steps: 1 },
    { stage: 4, due: '10:10', now: '10:10', stage2: 5, next: '10:40', alert: true, steps: 1 },
    // stage 5 keeps a reminder deadline so an open incident is never without one
    { stage: 5, due: '10:40', now: '10:40', stage2: 5, next: '11:10', alert: true, steps: 1 },
    // a late cycle catches up: 09:20 → 2, 09:25 → 3, next due 09:40
    { stage: 1, due: '09:20', now: '09:30', stage2: 3, next: '09:40', alert: true, steps: 2 },
  ];
  for (const c of cases) {
    const d = decideDeadline(c.stage, at(c.due), high, at(c.now));
    assert.equal(d.stage, c.stage2, JSON.stringify(c));
    assert.equal(d.deadlineAt.toISOString(), at(c.next).toISOString(), JSON.stringify(c));
    assert.equal(d.alertChain, c.alert, JSON.stringify(c));
    assert.equal(d.steps.length, c.steps, JSON.stringify(c));
  }
});

test('escalating by hand goes one stage on and refuses beyond external escalation', () => {
  const d = decideEscalation(3, high, at('09:30'));
  assert.deepEqual(d, { stage: 4, deadlineAt: at('10:00') });
  assert.ok('refused' in decideEscalation(5, high, at('09:30')));
});

test('emergency always lands at stage 5; medication-critical opens at stage 3', () => {
  for (const _ of [1, 2, 3, 4, 5]) assert.equal(decideEmergency(high, at('09:00')).stage, 5);
  assert.equal(openingStage(true), 3);
  assert.equal(openingStage(false), 1);
});

test('required attempts come from the protocol and stage progress names what is missing', () => {
  const p = { contactMethods: [{ method: 'phone_call' as const, detail: '', attempts: 2, spacingMinutes: 2 }, { method: 'text_message' as const, detail: '', attempts: 1, spacingMinutes: 0 }] };
  assert.equal(requiredAttempts(p), 3);
  const base = { observations: [], contactAttempts: [], acknowledged: false, widerContacts: 0, externalReferrals: [] };
  let prog = stageProgress(base, p);
  assert.deepEqual(prog.map((s) => s.isDone), [false, false, false, false, false]);
  assert.match(prog[1].needs[0], /3 more contact attempt/);
  assert.deepEqual(incompleteBefore(prog, 3), [1, 2]);
  prog = stageProgress({ ...base, observations: [{ curtains_closed: 'yes' }], contactAttempts: [{ method: 'phone_call', outcome: 'no_answer' }, { method: 'phone_call', outcome: 'no_answer' }] }, p);
  assert.deepEqual(prog.map((s) => s.isDone), [true, false, false, false, false]);
  assert.match(prog[1].needs[0], /1 more/);
  prog = stageProgress({ ...base, contactAttempts: [{ method: 'phone_call', outcome: 'reached' }], externalReferrals: [{ agency: 'police', reference: null }] }, p);
  assert.equal(prog[1].isDone, true);
  assert.equal(prog[4].isDone, false);
  assert.match(prog[4].needs[0], /without a reference/);
});

test('the observation checklist: person seen not moving is an emergency', () => {
  const rows: [Parameters<typeof assessObservations>[0], boolean, string[]][] = [
    [{ person_visible_not_moving: 'yes' }, true, []],
    [{ person_visible_not_moving: 'unsure', odours: 'yes' }, false, ['odours']],
    [{ curtains_closed: 'yes', noise: 'no' }, false, []],
    [{ post_or_milk: 'yes', forced_entry: 'yes' }, false, ['forced_entry', 'post_or_milk']],
  ];
  for (const [obs, emergency, concerns] of rows) {
    const a = assessObservations(obs);
    assert.equal(a.isEmergency, emergency);
    assert.deepEqual(a.concerns, concerns);
  }
});
