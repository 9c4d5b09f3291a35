import { z } from 'zod';
import { registerEventTypes } from '../../domain/audit/event-types.ts';

/**
 * Event types of safeguarding concerns, all recorded against the concern (entityType 'concern').
 * Imported by every safeguarding use-case so the types are registered whenever one is used.
 */
const id = z.string().uuid();
const tri = z.enum(['yes', 'no', 'unknown']);

export const SAFEGUARDING_EVENT_TYPES = {
  'concern.raised': z.object({
    personIds: z.array(id).min(1),
    frameworkId: z.string(),
    frameworkVersion: z.string(),
    indicatorIds: z.array(z.string()),
    description: z.string(),
    alleged: z.array(z.object({ kind: z.string(), staffId: id.nullable().optional(), detail: z.string().optional() })),
    childrenInvolved: tri,
    possibleCrime: tri,
    capacity: z.enum(['has', 'lacks', 'unknown']),
    risk: z.enum(['low', 'medium', 'high', 'unknown']),
    personWishes: z.string(),
    immediateActions: z.string(),
    suggestedOutcome: z.string(),
    routes: z.array(z.string()),
    accumulationPrompt: z.boolean(),
    sourceIncidentId: id.nullable(),
  }),
  'concern.decided': z.object({
    outcome: z.enum(['refer', 'lower_level', 'no_further_action']),
    rationale: z.string(),
    suggestedOutcome: z.string(),
    departureReason: z.string().nullable(),
  }),
  'concern.referral_recorded': z.object({
    referralId: id, referredOn: z.string(), localAuthority: z.string(), method: z.string(), reference: z.string().nullable(), personWanted: z.string(),
  }),
  /** Field → new value, for the fields that changed (reference, enquiry opened, outcome …). */
  'concern.referral_updated': z.object({ referralId: id, changes: z.record(z.string(), z.unknown()) }),
  'concern.action_added': z.object({ actionId: id, description: z.string(), ownerId: id, dueOn: z.string() }),
  'concern.action_completed': z.object({ actionId: id, note: z.string() }),
  'concern.access_granted': z.object({ staffId: id, reason: z.string() }),
} satisfies Record<string, z.ZodType>;

registerEventTypes(SAFEGUARDING_EVENT_TYPES);
