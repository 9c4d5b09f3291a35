import type { EngineModule } from './engine.ts';
import { missedWindowModule } from './missed-window.ts';
import { scheduleSyncModule } from './schedule-sync.ts';
import { watchdogModule } from './watchdog.ts';
import { stageDeadlinesModule } from './stage-deadlines.ts';
import { alertStepsModule } from './alert-steps.ts';
import { notificationOutboxModule } from './notification-outbox.ts';
import { liveFeedPruningModule } from './live-feed-pruning.ts';

/**
 * The engine's modules, run in this order every cycle. An entry is a module, or a function
 * that makes one when the module keeps state of its own (one per running engine, never a
 * module-level singleton). The incident workflow adds stage escalation, alert repeats and
 * outbox delivery here.
 */
export const ENGINE_MODULES: (EngineModule | (() => EngineModule))[] = [
  scheduleSyncModule,
  missedWindowModule,
  watchdogModule,
  stageDeadlinesModule,
  alertStepsModule,
  notificationOutboxModule,
  liveFeedPruningModule,
];

export const resolveModules = (entries: readonly (EngineModule | (() => EngineModule))[] = ENGINE_MODULES): EngineModule[] =>
  entries.map((e) => (typeof e === 'function' ? e() : e));
