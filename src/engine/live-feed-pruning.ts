import type { EngineModule } from './engine.ts';

/**
 * The live feed (live_messages) only serves screens that reconnect after a short gap
 * (Last-Event-ID); the record of what happened is the event log and the outbox. Messages older
 * than a day are removed, at most every ten minutes per engine.
 */
const KEEP_MS = 86_400_000;
const EVERY_MS = 600_000;

export function liveFeedPruningModule(): EngineModule {
  let lastAt = -Infinity;
  return {
    name: 'live-feed-pruning',
    async runOnce(deps, now) {
      if (now.getTime() - lastAt < EVERY_MS) return 0;
      lastAt = now.getTime();
      await deps.db.query('delete from live_messages where created_at < $1', [new Date(now.getTime() - KEEP_MS)]);
      return 0; // housekeeping never keeps the cycle busy
    },
    async nextDueAt() {
      return null;
    },
  };
}
