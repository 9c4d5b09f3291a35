import type { Deps } from '../app/deps.ts';
import { shippedBankHolidays } from '../domain/time/bank-holidays.ts';
import { runEngine, type EngineDeps } from './engine.ts';
import { resolveModules } from './modules.ts';

/**
 * Starts the background engine over `deps` (its own loop, LISTEN and timer) and returns a
 * function that stops it after the cycle in progress. Several processes may run it against
 * one PostgreSQL: every module claims with SKIP LOCKED.
 */
export async function startEngine(deps: Deps, log: (line: string) => void = (l) => console.log(l)): Promise<() => Promise<void>> {
  const engineDeps: EngineDeps = { ...deps, holidays: shippedBankHolidays(), log };
  const engine = await runEngine(engineDeps, resolveModules());
  log(`Wellcheck engine started (${resolveModules().map((m) => m.name).join(', ')}).`);
  return () => engine.stop();
}
