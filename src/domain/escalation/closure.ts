import { z } from 'zod';

/** How a no-response incident ended (DESIGN.md "Closure"). */
export const OUTCOMES = [
  { key: 'safe_and_well', label: 'Safe and well' },
  { key: 'unwell_medical_help', label: 'Unwell, medical help sought' },
  { key: 'emergency_services', label: 'Emergency services attended' },
  { key: 'not_at_home_whereabouts_confirmed', label: 'Not at home, whereabouts confirmed' },
  { key: 'missing_reported_to_police', label: 'Missing, reported to police' },
  { key: 'died', label: 'Died' },
  { key: 'became_refusal', label: 'Became a refusal of support' },
] as const;
export type Outcome = (typeof OUTCOMES)[number]['key'];
export const OUTCOME_KEYS = OUTCOMES.map((o) => o.key) as [Outcome, ...Outcome[]];

export const closureSchema = z.object({
  outcome: z.enum(OUTCOME_KEYS),
  rationale: z.string().trim().min(10, 'Explain the decision in a sentence or two').max(4000),
  /** Who confirmed where the person is (required for "not at home"). */
  whereaboutsConfirmedBy: z.string().trim().max(200).optional(),
});
export type Closure = z.infer<typeof closureSchema>;

export type ClosureCheck = { ok: true } | { ok: false; field: string; message: string };

/**
 * Rules beyond the shape: "not at home" without who confirmed the whereabouts is not a
 * closure (the person is still unaccounted for); "missing" needs the police reference.
 */
export function checkClosure(c: Closure, policeReferences: string[]): ClosureCheck {
  if (c.outcome === 'not_at_home_whereabouts_confirmed' && !c.whereaboutsConfirmedBy?.trim()) {
    return { ok: false, field: 'whereaboutsConfirmedBy', message: 'Say who confirmed where the person is; without it the person is still unaccounted for' };
  }
  if (c.outcome === 'missing_reported_to_police' && policeReferences.length === 0) {
    return { ok: false, field: 'outcome', message: 'Record the police referral with its reference number before closing as missing' };
  }
  return { ok: true };
}

/** Management review after closure (§20.5): each decision needs its reason either way. */
export const reviewSchema = z.object({
  protocolReview: z.object({ isNeeded: z.boolean(), reason: z.string().trim().min(5).max(2000) }),
  safeguarding: z.object({ raiseConcern: z.boolean(), reason: z.string().trim().min(5).max(2000) }),
  learning: z.string().trim().min(5).max(4000),
});
export type Review = z.infer<typeof reviewSchema>;
