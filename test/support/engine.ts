import { randomUUID } from 'node:crypto';
import type { Deps } from '../../src/app/deps.ts';
import { runUntilIdle, type EngineDeps, type EngineModule } from '../../src/engine/engine.ts';
import { missedWindowModule } from '../../src/engine/missed-window.ts';
import { scheduleSyncModule } from '../../src/engine/schedule-sync.ts';
import { watchdogModule } from '../../src/engine/watchdog.ts';
import { shippedBankHolidays } from '../../src/domain/time/bank-holidays.ts';

/**
 * The engine's own modules (not the whole ENGINE_MODULES list, which other workflows extend),
 * driven cycle by cycle on the test's manual clock.
 */
export function testEngine(deps: Deps, logs: string[] = []) {
  const engineDeps: EngineDeps = { ...deps, holidays: shippedBankHolidays(), log: (l) => logs.push(l) };
  const modules: EngineModule[] = [scheduleSyncModule, missedWindowModule, watchdogModule()];
  return { deps: engineDeps, modules, logs, run: () => runUntilIdle(engineDeps, modules) };
}

export const key = () => randomUUID();
