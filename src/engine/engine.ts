import type { Deps } from '../app/deps.ts';
import type { BankHolidays } from '../domain/time/bank-holidays.ts';

/**
 * The background engine (CONVENTIONS "The engine"): a cycle reads the clock once, gives each
 * module that time, and each module claims its due rows with SKIP LOCKED, decides in pure
 * domain code and commits state, next deadline, events and outbox rows in one transaction.
 * It wakes at once on NOTIFY (a write), on a timer set for the earliest next deadline any
 * module reports, and at least every POLL_MS as a safety net — not only by polling, which
 * is what keeps lateness low (issue 4: spread-load p99 ≤ 100 ms).
 */
export type EngineDeps = Deps & {
  holidays: BankHolidays;
  /** One line per notable happening (watchdog alerts, errors); never personal data. */
  log: (line: string) => void;
};

export type EngineModule = {
  name: string;
  /** Handles one batch of due rows at `now`; returns how many it handled (0 = nothing due). */
  runOnce(deps: EngineDeps, now: Date): Promise<number>;
  /** The earliest time this module will have something to do, or null for "nothing known". */
  nextDueAt(deps: EngineDeps): Promise<Date | null>;
};

/** The NOTIFY channel that wakes every engine (see the notify_engine trigger in 0003). */
export const ENGINE_CHANNEL = 'wellcheck_engine';
const POLL_MS = 5_000;
const ERROR_BACKOFF_MS = 1_000;

/**
 * One cycle: the clock is read once and every module runs one batch at that time.
 * Returns the rows handled (tests on a manual clock call this directly).
 */
export async function runCycle(deps: EngineDeps, modules: readonly EngineModule[]): Promise<number> {
  const now = deps.clock.now();
  let handled = 0;
  const failures: Error[] = [];
  for (const m of modules) {
    // One failing module must not stop the others (a broken outbox must never delay a missed
    // window): each is run, and the first failure is rethrown after the cycle.
    try {
      handled += await m.runOnce(deps, now);
    } catch (err) {
      failures.push(new Error(`${m.name}: ${(err as Error).message}`, { cause: err }));
    }
  }
  if (failures.length) throw Object.assign(failures[0], { handled });
  return handled;
}

/** Cycles until nothing is due at the clock's time (tests; catch-up). */
export async function runUntilIdle(deps: EngineDeps, modules: readonly EngineModule[], maxCycles = 10_000): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxCycles; i++) {
    const n = await runCycle(deps, modules);
    total += n;
    if (n === 0) return total;
  }
  throw new Error(`engine did not become idle after ${maxCycles} cycles`);
}

export type RunningEngine = { stop(): Promise<void>; kick(): void; readonly cycles: number; readonly handled: number };

/** Starts the loop: runs until idle, then sleeps until the next deadline, a NOTIFY or the poll. */
export async function runEngine(deps: EngineDeps, modules: readonly EngineModule[]): Promise<RunningEngine> {
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const stats = { cycles: 0, handled: 0 };

  const arm = async () => {
    if (stopped) return;
    let delay = POLL_MS;
    try {
      const now = deps.clock.now().getTime();
      for (const m of modules) {
        const next = await m.nextDueAt(deps);
        if (next) delay = Math.min(delay, Math.max(0, next.getTime() - now));
      }
    } catch (err) {
      deps.log(`engine: could not read next deadlines: ${(err as Error).message}`);
      delay = ERROR_BACKOFF_MS;
    }
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(kick, delay);
  };

  const loop = async () => {
    do {
      again = false;
      try {
        for (;;) {
          if (stopped) return;
          const n = await runCycle(deps, modules);
          stats.cycles++;
          stats.handled += n;
          if (n === 0) break;
        }
      } catch (err) {
        deps.log(`engine: cycle failed, retrying: ${(err as Error).message}`);
        await new Promise((r) => setTimeout(r, ERROR_BACKOFF_MS));
        again = true;
      }
    } while (again && !stopped);
    await arm();
  };

  function kick() {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = loop().finally(() => {
      running = null;
      if (again && !stopped) kick();
    });
  }

  const unlisten = await deps.db.listen(ENGINE_CHANNEL, () => kick());
  kick();
  return {
    kick,
    get cycles() { return stats.cycles; },
    get handled() { return stats.handled; },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await unlisten().catch(() => undefined);
      await running;
    },
  };
}
