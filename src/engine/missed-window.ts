import { decideWindows } from '../app/schedules/decide-windows.ts';
import { claimClosedWindows } from '../db/repos/scheduled-contacts.ts';
import type { EngineModule } from './engine.ts';

/**
 * Missed windows: a due contact whose window has closed is decided (suspended by a known
 * absence, or missed → incident) and its next instance created, in one transaction per batch.
 * 500 per batch keeps a transaction short (tens of milliseconds) while a morning burst of
 * tens of thousands of windows is still a few hundred statements, not hundreds of thousands.
 */
const BATCH = 500;

export const missedWindowModule: EngineModule = {
  name: 'missed-window',
  runOnce: (deps, now) =>
    deps.db.transaction(async (tx) => {
      const rows = await claimClosedWindows(tx, now, BATCH);
      await decideWindows(tx, rows, now, deps.holidays);
      return rows.length;
    }),
  async nextDueAt(deps) {
    const [row] = await deps.db.query<{ at: Date | null }>(
      `select min(window_closes_at) as at from scheduled_contacts where status = 'due'`,
    );
    return row?.at ?? null;
  },
};
