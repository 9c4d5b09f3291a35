import type { NewEvent } from '../db/events.ts';
import { appendEvents } from '../db/events.ts';
import type { Queryable } from '../db/port.ts';
import { systemActor } from '../db/repos/incident-opening.ts';
import '../app/schedules/event-types.ts';
import type { EngineModule } from './engine.ts';

/**
 * The watchdog (CONVENTIONS "The engine"): an open incident must always have a future
 * deadline, or nobody will be told when it stalls. Any open incident with no deadline, or
 * one that passed more than GRACE_MS ago without being acted on, raises an alert: an event
 * 'engine.watchdog_alert', a log line, and the hooks below (the incident workflow adds its
 * alert rows). One alert per incident state (id, version), not one per cycle.
 */
const GRACE_MS = 60_000;
const EVERY_MS = 15_000;

export type WatchdogFinding = { incidentId: string; orgId: string; stage: number; stageDeadlineAt: Date | null; version: number; problem: string };
export const WATCHDOG_ALERT_HOOKS: ((tx: Queryable, findings: readonly WatchdogFinding[]) => Promise<void>)[] = [];

/** Finds and alerts stalled incidents at `now`; returns how many alerts it raised. */
export async function checkDeadlines(tx: Queryable, now: Date, log: (line: string) => void): Promise<number> {
  const rows = await tx.query<{ id: string; org_id: string; stage: number; stage_deadline_at: Date | null; version: number }>(
    `select i.id, i.org_id, i.stage, i.stage_deadline_at, i.version from incidents i
      where i.status = 'open' and (i.stage_deadline_at is null or i.stage_deadline_at < $1)
        and not exists (select 1 from watchdog_alerts w where w.incident_id = i.id and w.incident_version = i.version)
      order by i.stage_deadline_at nulls first limit 500`,
    [new Date(now.getTime() - GRACE_MS)],
  );
  if (rows.length === 0) return 0;
  const findings: WatchdogFinding[] = rows.map((r) => ({
    incidentId: r.id, orgId: r.org_id, stage: r.stage, stageDeadlineAt: r.stage_deadline_at, version: r.version,
    problem: r.stage_deadline_at
      ? `stage ${r.stage} deadline passed at ${r.stage_deadline_at.toISOString()} and nothing moved it`
      : `open at stage ${r.stage} with no deadline`,
  }));
  await tx.query(
    `insert into watchdog_alerts (incident_id, incident_version, raised_at)
     select x.id, x.version, $2 from jsonb_to_recordset($1::jsonb) as x(id uuid, version int) on conflict do nothing`,
    [JSON.stringify(findings.map((f) => ({ id: f.incidentId, version: f.version }))), now],
  );
  const events: NewEvent[] = findings.map((f) => ({
    actor: systemActor(f.orgId), type: 'engine.watchdog_alert', entityType: 'incident', entityId: f.incidentId, at: now,
    data: { incidentId: f.incidentId, stage: f.stage, stageDeadlineAt: f.stageDeadlineAt?.toISOString() ?? null, problem: f.problem },
  }));
  await appendEvents(tx, events);
  for (const hook of WATCHDOG_ALERT_HOOKS) await hook(tx, findings);
  for (const f of findings) log(`engine watchdog: incident ${f.incidentId} ${f.problem}`);
  return findings.length;
}

/** A watchdog per engine: it keeps when it last looked, so it runs every EVERY_MS, not every cycle. */
export function watchdogModule(): EngineModule {
  let lastAt = -Infinity;
  return {
    name: 'watchdog',
    async runOnce(deps, now) {
      if (now.getTime() - lastAt < EVERY_MS) return 0;
      lastAt = now.getTime();
      const raised = await deps.db.transaction((tx) => checkDeadlines(tx, now, deps.log));
      // Raised alerts are not "work to repeat at once": report 0 so the cycle can go idle.
      void raised;
      return 0;
    },
    async nextDueAt() {
      return Number.isFinite(lastAt) ? new Date(lastAt + EVERY_MS) : new Date(0);
    },
  };
}
