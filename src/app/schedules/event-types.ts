import { z } from 'zod';
import { registerEventTypes } from '../../domain/audit/event-types.ts';

/** Event types written by schedules, check-ins, telecare and the engine (issue 4). */
const id = z.string().uuid();
const iso = z.string();
registerEventTypes({
  'schedule.synced': z.object({ protocolVersionId: id, created: z.number().int(), cancelled: z.number().int() }),
  'scheduled_contact.suspended': z.object({ personId: id, contactKey: z.string(), dueAt: iso, absenceId: id }),
  'incident.opened': z.object({
    personId: id,
    kind: z.enum(['no_response', 'technology_failure']),
    source: z.enum(['missed_window', 'concern_checkin', 'telecare', 'staff_at_door', 'emergency']),
    stage: z.number().int().min(1).max(5),
    stageReason: z.string().nullable(),
    protocolVersionId: id.nullable(),
    scheduledContactId: id.nullable(),
    checkInId: id.nullable(),
    telecareEventId: id.nullable(),
    isMedicationCritical: z.boolean(),
    noticedLateMs: z.number().int(),
    stageDeadlineAt: iso.nullable(),
    summary: z.string(),
  }),
  'incident.contact_missed': z.object({ scheduledContactId: id, contactKey: z.string(), dueAt: iso }),
  'incident.check_in_received': z.object({ checkInId: id, source: z.string(), outcome: z.string(), occurredAt: iso, concern: z.string().nullable() }),
  'incident.telecare_event': z.object({ telecareEventId: id, kind: z.string(), occurredAt: iso }),
  'check_in.recorded': z.object({
    personId: id, source: z.enum(['staff', 'telecare', 'phone_call']), outcome: z.enum(['responded', 'responded_with_concern']),
    scheduledContactId: id.nullable(), incidentId: id.nullable(), isLate: z.boolean(), occurredAt: iso,
  }),
  'telecare.event_received': z.object({ personId: id, deviceId: id, kind: z.string(), externalEventId: z.string(), occurredAt: iso }),
  'telecare_sender.created': z.object({ name: z.string() }),
  'engine.watchdog_alert': z.object({ incidentId: id, stage: z.number().int(), stageDeadlineAt: iso.nullable(), problem: z.string() }),
});
