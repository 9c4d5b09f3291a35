import type { Queryable } from '../../db/port.ts';
import { findVisibleIncident, type IncidentRow } from '../../db/repos/incident-workflow.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { conflict, notFound } from '../../domain/errors.ts';

/** The incident locked for change, if the actor may see it; a closed one cannot be changed. */
export async function incidentForChange(tx: Queryable, actor: Actor, id: string, opts: { allowClosed?: boolean } = {}): Promise<IncidentRow> {
  const inc = await findVisibleIncident(tx, actor, id, { forUpdate: true });
  if (!inc) throw notFound('Incident');
  if (inc.status === 'closed' && !opts.allowClosed) throw conflict('This incident is already closed', 'status');
  return inc;
}

/** The answer of every write: enough for a screen to carry on (plain JSON: it may be replayed). */
export type IncidentSnapshot = { incidentId: string; stage: number; version: number; status: string };

export async function snapshot(tx: Queryable, id: string): Promise<IncidentSnapshot> {
  const [r] = await tx.query<{ id: string; stage: number; version: number; status: string }>('select id, stage, version, status from incidents where id = $1', [id]);
  return { incidentId: r.id, stage: r.stage, version: r.version, status: r.status };
}
