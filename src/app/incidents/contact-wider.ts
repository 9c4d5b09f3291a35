import { appendEvent } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import { findContact } from '../../db/repos/person-contacts.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction } from '../../domain/access/actor.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { decideWiderContact } from '../../domain/escalation/wider-contacts.ts';
import type { Deps } from '../deps.ts';
import { idempotentWrite } from './idempotent-write.ts';
import { incidentForChange, snapshot, type IncidentSnapshot } from './incident-access.ts';
import { incidentChanged, incidentContext, recordDecision } from './workflow-context.ts';

export type WiderContactInput = {
  /** One of the person's listed contacts … */
  contactId?: string | null;
  /** … or someone else (housing provider, GP surgery, a neighbour not on the list). */
  partyName?: string | null;
  relationship?: string | null;
  /** "Significant and immediate risk" and why: required to go past consent or stage (§14). */
  riskReason?: string | null;
  informationShared: string;
  outcome?: string | null;
};

/**
 * Stage 4 (§20.1, §14): contacting family, neighbours, key holders or agencies. Allowed when
 * the person consented and the stage has come; otherwise only with significant and immediate
 * risk recorded. A refusal is itself recorded (its own commit) before the 422 is returned, so
 * both paths are in the record; every disclosure is logged with its basis and reason.
 */
export async function contactWider(deps: Deps, actor: Actor, incidentId: string, input: WiderContactInput, idempotencyKey?: string): Promise<IncidentSnapshot & { basis: string }> {
  requireAction(actor, 'incident.manage');
  if (!input.contactId && !input.partyName?.trim()) throw invalid('contactId', 'Choose a contact or name who you contacted');
  const refusal = await idempotentWrite<(IncidentSnapshot & { basis: string }) | { refused: string }>(deps, actor, idempotencyKey, { incidentId, ...input }, async (tx) => {
    const at = deps.clock.now();
    const inc = await incidentForChange(tx, actor, incidentId);
    const contact = input.contactId ? await findContact(tx, actor.orgId, inc.person_id, input.contactId) : undefined;
    if (input.contactId && !contact) throw invalid('contactId', 'That contact is not one of this person\'s');
    const partyName = contact?.name ?? input.partyName!.trim();
    const d = decideWiderContact(contact ? { hasConsent: contact.has_consent, contactableFromStage: contact.contactable_from_stage } : null, inc.stage, input.riskReason);
    if (!d.isAllowed) {
      await appendEvent(tx, {
        actor, type: 'incident.wider_contact_refused', entityType: 'incident', entityId: inc.id, at,
        data: { contactId: contact?.id ?? null, partyName, stage: inc.stage, blockers: d.blockers }, reason: input.riskReason || null,
      });
      return { refused: d.message };
    }
    const id = newId(at.getTime());
    await tx.query(
      `insert into incident_wider_contacts (id, org_id, incident_id, contact_id, party_name, relationship, stage, basis, risk_reason, information_shared, outcome, recorded_by, recorded_at)
       values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
      [id, inc.org_id, inc.id, contact?.id ?? null, partyName, contact?.relationship ?? input.relationship ?? '', inc.stage, d.basis,
        d.basis === 'significant_immediate_risk' ? input.riskReason!.trim() : null, input.informationShared, input.outcome ?? '', actor.kind === 'staff' ? actor.id : null, at],
    );
    await appendEvent(tx, {
      actor, type: 'incident.wider_contact_made', entityType: 'incident', entityId: inc.id, at,
      data: { widerContactId: id, contactId: contact?.id ?? null, partyName, stage: inc.stage, basis: d.basis, overridden: d.overridden, informationShared: input.informationShared },
      reason: d.basis === 'significant_immediate_risk' ? input.riskReason!.trim() : 'Consented contact at their stage',
    });
    const ctx = await incidentContext(tx, inc);
    await recordDecision(tx, actor, inc, {
      kind: 'wider_contact', summary: `Contacted ${partyName}${d.basis === 'significant_immediate_risk' ? ' (significant and immediate risk)' : ''}`,
      rationale: input.riskReason ?? input.informationShared,
    }, ctx.settings, at);
    await tx.query('update incidents set version = version + 1 where id = $1', [inc.id]);
    await incidentChanged(tx, inc, at);
    return { ...(await snapshot(tx, inc.id)), basis: d.basis as string };
  });
  if ('refused' in refusal) throw new DomainError('unprocessable', refusal.refused, 'riskReason');
  return refusal as IncidentSnapshot & { basis: string };
}
