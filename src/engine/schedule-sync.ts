import { syncQueuedSchedules } from '../app/schedules/sync-schedules.ts';
import type { EngineModule } from './engine.ts';

/** Schedules follow new protocol versions (queued by a trigger; woken by its NOTIFY). */
export const scheduleSyncModule: EngineModule = {
  name: 'schedule-sync',
  runOnce: (deps, now) => deps.db.transaction((tx) => syncQueuedSchedules(tx, now, deps.holidays)),
  async nextDueAt(deps) {
    const [row] = await deps.db.query<{ n: number }>('select count(*)::int as n from (select 1 from schedule_sync_queue limit 1) q');
    return row.n > 0 ? deps.clock.now() : null;
  },
};
