import type { Queryable } from '../../db/port.ts';
import type { Observations } from '../../domain/escalation/observations.ts';
import type { ContactAttemptOutcome, IncidentEvidence } from '../../domain/escalation/stages.ts';

/** The evidence recorded on an incident so far, in the shape the stage rules read. */
export async function loadEvidence(db: Queryable, incidentId: string): Promise<IncidentEvidence> {
  const obs = await db.query<{ items: Observations }>('select items from incident_observations where incident_id = $1 order by recorded_at', [incidentId]);
  const attempts = await db.query<{ method: string; outcome: ContactAttemptOutcome }>('select method, outcome from incident_contact_attempts where incident_id = $1 order by attempted_at', [incidentId]);
  const [inc] = await db.query<{ acknowledged_at: Date | null }>('select acknowledged_at from incidents where id = $1', [incidentId]);
  const [{ n }] = await db.query<{ n: number }>('select count(*)::int as n from incident_wider_contacts where incident_id = $1', [incidentId]);
  const refs = await db.query<{ agency: string; reference: string | null }>('select agency, reference from incident_external_escalations where incident_id = $1', [incidentId]);
  return {
    observations: obs.map((o) => (typeof o.items === 'string' ? JSON.parse(o.items) : o.items)),
    contactAttempts: attempts,
    acknowledged: !!inc?.acknowledged_at,
    widerContacts: n,
    externalReferrals: refs,
  };
}
