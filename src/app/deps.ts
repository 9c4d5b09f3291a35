import type { Config } from '../config.ts';
import type { Db } from '../db/port.ts';
import type { Clock } from '../domain/time/clock.ts';

/** What every use-case receives: passed in, never imported as a singleton. */
export type Deps = {
  db: Db;
  clock: Clock;
  config: Pick<Config, 'SECURE_COOKIES'> & Partial<Config>;
  /** Wakes the engine and live screens after a write (LISTEN/NOTIFY or in-process). */
  wake?: (topic: string) => void;
};
