import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveChain, swapOverrides, type Override, type Shift } from './rota.ts';

const d = (s: string) => new Date(`2026-11-23T${s}:00Z`);
const shift = (id: string, staffId: string, level: number, from: string, to: string, serviceId: string | null = 'svc'): Shift =>
  ({ id, serviceId, staffId, level, startsAt: d(from), endsAt: d(to) });

const shifts = [
  shift('day1', 'anna', 1, '08:00', '20:00'),
  shift('night1', 'bob', 1, '20:00', '23:59'),
  shift('day2', 'carl', 2, '08:00', '20:00'),
  shift('org', 'dina', 1, '00:00', '23:59', null),
  shift('other', 'erin', 1, '00:00', '23:59', 'other-svc'),
];

test('the chain: service shifts by level, then organisation-wide, then the fallback; handover at shift end', () => {
  const rows: [string, Override[], string[]][] = [
    ['10:00', [], ['anna', 'carl', 'dina', 'fallback']],
    ['19:59', [], ['anna', 'carl', 'dina', 'fallback']],
    ['20:00', [], ['bob', 'dina', 'fallback']],
    ['10:00', [{ id: 'o', serviceId: 'svc', originalStaffId: 'anna', replacementStaffId: 'zoe', startsAt: d('09:00'), endsAt: d('12:00') }], ['zoe', 'carl', 'dina', 'fallback']],
    ['12:00', [{ id: 'o', serviceId: 'svc', originalStaffId: 'anna', replacementStaffId: 'zoe', startsAt: d('09:00'), endsAt: d('12:00') }], ['anna', 'carl', 'dina', 'fallback']],
    ['10:00', [{ id: 'c', serviceId: null, originalStaffId: null, replacementStaffId: 'carl', startsAt: d('09:00'), endsAt: d('12:00') }], ['carl', 'anna', 'dina', 'fallback']],
  ];
  for (const [at, overrides, chain] of rows) {
    assert.deepEqual(resolveChain({ serviceId: 'svc', at: d(at), shifts, overrides, fallbackStaffIds: ['fallback'] }), chain, at);
  }
  assert.deepEqual(resolveChain({ serviceId: 'svc', at: d('10:00'), shifts: [], overrides: [], fallbackStaffIds: [] }), []);
});

test('a swap exchanges two shifts for their hours', () => {
  const overrides = swapOverrides(shifts[0], shifts[1]).map((o, i) => ({ ...o, id: `s${i}` }));
  assert.equal(resolveChain({ serviceId: 'svc', at: d('10:00'), shifts, overrides, fallbackStaffIds: [] })[0], 'bob');
  assert.equal(resolveChain({ serviceId: 'svc', at: d('21:00'), shifts, overrides, fallbackStaffIds: [] })[0], 'anna');
});
