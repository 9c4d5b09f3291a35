import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCycle, runUntilIdle, type EngineDeps, type EngineModule } from './engine.ts';

// The cycle itself, with modules that touch no database.
const deps = (at: number) => ({ clock: { now: () => new Date(at) } }) as unknown as EngineDeps;

test('a cycle reads the clock once and gives every module that time', async () => {
  const seen: number[] = [];
  let t = 1000;
  const d = { clock: { now: () => new Date(t++) } } as unknown as EngineDeps;
  const m = (name: string): EngineModule => ({ name, runOnce: async (_d, now) => (seen.push(now.getTime()), 0), nextDueAt: async () => null });
  await runCycle(d, [m('a'), m('b'), m('c')]);
  assert.deepEqual(seen, [1000, 1000, 1000]);
});

test('a failing module does not stop the others; the failure is reported after the cycle', async () => {
  const ran: string[] = [];
  const broken: EngineModule = { name: 'outbox', runOnce: async () => { throw new Error('smtp down'); }, nextDueAt: async () => null };
  const windows: EngineModule = { name: 'missed-window', runOnce: async () => (ran.push('missed-window'), 3), nextDueAt: async () => null };
  await assert.rejects(runCycle(deps(0), [broken, windows]), /outbox: smtp down/);
  assert.deepEqual(ran, ['missed-window']);
});

test('runUntilIdle cycles until nothing is handled', async () => {
  let left = 5;
  const m: EngineModule = { name: 'n', runOnce: async () => (left > 0 ? (left--, 1) : 0), nextDueAt: async () => null };
  assert.equal(await runUntilIdle(deps(0), [m]), 5);
});
