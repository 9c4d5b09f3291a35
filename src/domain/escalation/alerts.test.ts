import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decideAlertStep, type AlertState } from './alerts.ts';

const policy = { repeatIntervalMinutes: 5, repeatsBeforeNext: 2 };
const t = (m: number) => new Date(Date.UTC(2026, 10, 23, 9, m));
const chain = ['oncall', 'second', 'fallback'];

test('an unacknowledged alert repeats, then moves along the chain, then keeps repeating at the end', () => {
  let a: AlertState = { isOpen: true, position: 0, repeats: 0, nextStepAt: t(5) };
  const seen: string[] = [];
  for (let m = 5; m <= 50; m += 5) {
    const s = decideAlertStep(a, chain, policy, t(m));
    assert.notEqual(s.kind, 'none');
    if (s.kind === 'repeat' || s.kind === 'next_in_chain') {
      seen.push(`${s.kind}:${s.to}`);
      a = { isOpen: true, position: s.position, repeats: s.repeats, nextStepAt: s.nextStepAt };
      assert.equal(s.nextStepAt.getTime(), t(m + 5).getTime());
    }
  }
  assert.deepEqual(seen, [
    'repeat:oncall', 'repeat:oncall', 'next_in_chain:second', 'repeat:second', 'repeat:second',
    'next_in_chain:fallback', 'repeat:fallback', 'repeat:fallback', 'repeat:fallback', 'repeat:fallback',
  ]);
});

test('nothing is due before the step time or once acknowledged; an empty chain is reported', () => {
  assert.equal(decideAlertStep({ isOpen: true, position: 0, repeats: 0, nextStepAt: t(5) }, chain, policy, t(4)).kind, 'none');
  assert.equal(decideAlertStep({ isOpen: false, position: 0, repeats: 0, nextStepAt: t(5) }, chain, policy, t(9)).kind, 'none');
  assert.equal(decideAlertStep({ isOpen: true, position: 0, repeats: 0, nextStepAt: t(5) }, [], policy, t(5)).kind, 'no_one');
  // the chain shrank at a handover: stay within it
  const s = decideAlertStep({ isOpen: true, position: 2, repeats: 0, nextStepAt: t(5) }, ['only'], policy, t(5));
  assert.deepEqual(s.kind === 'repeat' && s.to, 'only');
});
