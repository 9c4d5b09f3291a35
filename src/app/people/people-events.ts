import { z } from 'zod';
import { registerEventTypes } from '../../domain/audit/event-types.ts';
import { REVIEW_REASONS } from '../../db/repos/protocol-review-flags.ts';

/**
 * Event types of people supported and their protocols. Every one is recorded against the person
 * (entityType 'person', entityId = person id) so a person's history is one query; the changed
 * contact, device, absence or protocol version is named inside `data`.
 */
const id = z.string().uuid();
const changes = z.record(z.string(), z.unknown());

export const PEOPLE_EVENT_TYPES = {
  'person.created': z.object({ serviceId: id, name: z.string(), externalRef: z.string().nullable(), viaImport: z.boolean() }),
  /** Field → new value, for the fields that changed. */
  'person.updated': z.object({ changes, viaImport: z.boolean().optional() }),
  'person.contact_added': z.object({
    contactId: id, kind: z.string(), name: z.string(), rank: z.number(), hasConsent: z.boolean(), contactableFromStage: z.number(),
  }),
  'person.contact_updated': z.object({ contactId: id, changes }),
  /** A change of consent always carries a reason (no-response policy §14). */
  'person.contact_consent_changed': z.object({ contactId: id, name: z.string(), hasConsent: z.boolean(), previous: z.boolean() }),
  'person.contact_removed': z.object({ contactId: id, name: z.string() }),
  'person.device_added': z.object({ deviceId: id, kind: z.string(), externalDeviceId: z.string().nullable() }),
  'person.device_updated': z.object({ deviceId: id, changes }),
  'person.device_removed': z.object({ deviceId: id, kind: z.string() }),
  'person.absence_recorded': z.object({
    absenceId: id, kind: z.string(), startsAt: z.string(), expectedEndAt: z.string().nullable(),
  }),
  'person.absence_updated': z.object({ absenceId: id, changes }),
  'person.absence_ended': z.object({ absenceId: id, endedAt: z.string() }),
  /** A new protocol version; the reason is on the event. `sections` lists what changed from the previous one. */
  'protocol.version_created': z.object({ protocolVersionId: id, version: z.number().int(), sections: z.array(z.string()) }),
  'protocol.review_flagged': z.object({ flagId: id, reason: z.enum(REVIEW_REASONS), sourceId: id.nullable(), note: z.string() }),
  'protocol.review_cleared': z.object({ version: z.number().int(), reasons: z.array(z.enum(REVIEW_REASONS)) }),
  'people.imported': z.object({
    file: z.string(), rows: z.number().int(), created: z.number().int(), updated: z.number().int(),
    unchanged: z.number().int(), skippedLines: z.array(z.number().int()),
  }),
} satisfies Record<string, z.ZodType>;

registerEventTypes(PEOPLE_EVENT_TYPES);
