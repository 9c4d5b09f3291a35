import { z } from 'zod';
import { registerEventTypes } from '../../domain/audit/event-types.ts';

/**
 * Event types of the no-response incident workflow, recorded against the incident
 * (entityType 'incident'); rota changes against 'oncall_rota'. Imported by every use-case and
 * engine module of the workflow so that the types are registered wherever they are written.
 */
const id = z.string().uuid();
const stage = z.number().int().min(1).max(5);

export const INCIDENT_EVENT_TYPES = {
  'incident.observations_recorded': z.object({ observationId: id, items: z.record(z.string(), z.string()), isEmergency: z.boolean(), concerns: z.array(z.string()) }),
  'incident.contact_attempted': z.object({ attemptId: id, method: z.string(), target: z.string(), outcome: z.string(), made: z.number().int(), required: z.number().int() }),
  'incident.stage_deadline_passed': z.object({ from: stage, to: stage, deadlineAt: z.string(), nextDeadlineAt: z.string() }),
  'incident.alert_raised': z.object({ alertId: id, stage, reason: z.string(), to: id.nullable(), chain: z.array(id) }),
  'incident.alert_repeated': z.object({ alertId: id, to: id, repeat: z.number().int() }),
  'incident.alert_moved_on': z.object({ alertId: id, from: id.nullable(), to: id, position: z.number().int() }),
  'incident.alert_unassigned': z.object({ alertId: id }),
  'incident.acknowledged': z.object({ alertIds: z.array(id), cancelledNotifications: z.number().int(), stage }),
  'incident.escalated': z.object({ from: stage, to: stage, incompleteStages: z.array(stage), deadlineAt: z.string() }),
  'incident.wider_contact_made': z.object({
    widerContactId: id, contactId: id.nullable(), partyName: z.string(), stage, basis: z.enum(['consent_and_stage', 'significant_immediate_risk']),
    overridden: z.array(z.string()), informationShared: z.string(),
  }),
  /** A refused attempt to contact someone is itself recorded (§14: every disclosure decision is auditable). */
  'incident.wider_contact_refused': z.object({ contactId: id.nullable(), partyName: z.string(), stage, blockers: z.array(z.string()) }),
  'incident.external_escalation': z.object({ referralId: id, agency: z.string(), reference: z.string().nullable(), from: stage, to: stage }),
  'incident.emergency': z.object({ from: stage.nullable(), opened: z.boolean(), what: z.string(), alertId: id.nullable() }),
  'incident.decision_recorded': z.object({ decisionId: id, kind: z.string(), summary: z.string(), isOutOfHours: z.boolean(), reviewDueOn: z.string().nullable() }),
  'incident.closed': z.object({ outcome: z.string(), whereaboutsConfirmedBy: z.string().nullable(), stage, cancelledAlerts: z.number().int() }),
  'incident.reviewed': z.object({
    protocolReviewNeeded: z.boolean(), protocolReviewFlagged: z.boolean(), safeguardingRaised: z.boolean(),
    safeguardingConcernId: id.nullable(), learning: z.string(),
  }),
  'incident.decision_reviewed': z.object({ decisionId: id, note: z.string() }),
  'notification.failed': z.object({ notificationId: id, channel: z.string(), attempts: z.number().int(), error: z.string() }),
  'rota.shift_added': z.object({ shiftId: id, serviceId: id.nullable(), staffId: id, level: z.number().int(), startsAt: z.string(), endsAt: z.string() }),
  'rota.shift_removed': z.object({ shiftId: id }),
  'rota.override_added': z.object({ overrideIds: z.array(id), kind: z.enum(['cover', 'swap']), replacementStaffId: id, originalStaffId: id.nullable() }),
  'rota.handover': z.object({ handoverId: id, fromStaffId: id.nullable(), toStaffId: id, openIncidentIds: z.array(id) }),
} satisfies Record<string, z.ZodType>;

registerEventTypes(INCIDENT_EVENT_TYPES);
