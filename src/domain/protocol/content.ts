import { z } from 'zod';

/**
 * The content of one No Response Protocol version (no-response policy §10, §20.1). Shared by
 * the protocol editor (people), the schedule engine (expected contacts) and the incident
 * workflow (stages, contact methods, routines). Stored as jsonb on each protocol version.
 */

export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The five stages of §20.1, in order. Emergency (§20.4) moves straight to stage 5. */
export const STAGES = [
  { number: 1, key: 'environmental_checks', label: 'Environmental and welfare checks' },
  { number: 2, key: 'direct_contact', label: 'Direct contact attempts' },
  { number: 3, key: 'internal_escalation', label: 'Internal escalation' },
  { number: 4, key: 'wider_contacts', label: 'Wider contact and agency checks' },
  { number: 5, key: 'external_escalation', label: 'External escalation' },
] as const;
export type StageNumber = 1 | 2 | 3 | 4 | 5;

export const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:30');
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-11-23')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a real date');
export const weekday = z.enum(WEEKDAYS);

export const CONTACT_KINDS = ['visit', 'welfare_check', 'phone_check', 'telecare_checkin', 'sleep_in_check'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];

/** How often an expected contact recurs, in Europe/London local dates. */
export const recurrence = z.discriminatedUnion('type', [
  z.object({ type: z.literal('once'), date: isoDate }),
  z.object({ type: z.literal('daily') }),
  z.object({ type: z.literal('weekdays'), days: z.array(weekday).min(1).max(7) }),
  z.object({ type: z.literal('every_n_days'), n: z.number().int().min(2).max(28), startDate: isoDate }),
]);
export type Recurrence = z.infer<typeof recurrence>;

/** One expected response: a visit, welfare check, phone check or telecare check-in. */
export const expectedContact = z.object({
  /** Stable key within the person's protocols, e.g. 'morning-visit'; schedules follow it across versions. */
  key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'Use lower-case letters, digits and dashes'),
  kind: z.enum(CONTACT_KINDS),
  /** Local times the response is expected (several a day allowed). */
  times: z.array(localTime).min(1).max(12),
  recurrence,
  /** How long after the expected time a response may come before it counts as missed. */
  windowMinutes: z.number().int().min(1).max(720),
  /** This contact carries time-critical medication (no-response policy §6). */
  carriesMedication: z.boolean().default(false),
  skipOnBankHolidays: z.boolean().default(false),
  note: z.string().max(500).optional(),
});
export type ExpectedContact = z.infer<typeof expectedContact>;

export const CONTACT_METHODS = ['phone_call', 'text_message', 'door_knock', 'intercom', 'telecare_call', 'video_call', 'email', 'letter'] as const;

/** Direct contact attempts, in the order to try them (§6, §20.1 stage 2). */
export const contactMethod = z.object({
  method: z.enum(CONTACT_METHODS),
  detail: z.string().max(200).default(''),
  attempts: z.number().int().min(1).max(10),
  spacingMinutes: z.number().int().min(0).max(120),
  adjustments: z.string().max(500).optional(),
});

/** A routine that explains absence, e.g. Friday 12:00–14:00 at the mosque (§18). */
export const knownRoutine = z.object({
  days: z.array(weekday).min(1).max(7),
  from: localTime,
  to: localTime,
  place: z.string().min(1).max(200),
  note: z.string().max(500).optional(),
});

/** Minutes allowed in each of stages 1–4 before the next is due ("guided by risk, not time alone"). */
export const stageDeadlines = z.object({
  1: z.number().int().min(1).max(24 * 60),
  2: z.number().int().min(1).max(24 * 60),
  3: z.number().int().min(1).max(24 * 60),
  4: z.number().int().min(1).max(24 * 60),
});
export type StageDeadlines = z.infer<typeof stageDeadlines>;

/** Organisation defaults by risk level, used where a protocol does not override them. */
export const DEFAULT_STAGE_DEADLINES: Record<RiskLevel, StageDeadlines> = {
  high: { 1: 5, 2: 5, 3: 15, 4: 30 },
  medium: { 1: 10, 2: 15, 3: 30, 4: 60 },
  low: { 1: 15, 2: 30, 3: 60, 4: 120 },
};

export const protocolContent = z
  .object({
    risk: z.object({
      assessedLevel: z.enum(RISK_LEVELS),
      factors: z.array(z.string().min(1).max(200)).max(30),
      /** Professional-judgement override; needs a reason. */
      overrideLevel: z.enum(RISK_LEVELS).optional(),
      overrideReason: z.string().max(1000).optional(),
    }),
    expectedContacts: z.array(expectedContact).max(30),
    contactMethods: z.array(contactMethod).min(1).max(10),
    /** Per-person stage deadlines; absent means the organisation's default for the risk level. */
    stageDeadlines: stageDeadlines.optional(),
    knownRoutines: z.array(knownRoutine).max(30),
    specificRisks: z.array(z.object({ risk: z.string().min(1).max(200), lookFor: z.string().max(1000) })).max(30),
    involvement: z.object({
      howInvolved: z.string().max(2000),
      wishes: z.string().max(2000),
      /** The person asked for no response; recorded beside the duty of care that remains. */
      wishesNoResponse: z.boolean().default(false),
      dutyThatRemains: z.string().max(2000).optional(),
    }),
    nextReviewDate: isoDate,
  })
  .superRefine((p, ctx) => {
    if (p.risk.overrideLevel && !p.risk.overrideReason?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['risk', 'overrideReason'], message: 'Give the reason for overriding the risk level' });
    }
    if (p.involvement.wishesNoResponse && !p.involvement.dutyThatRemains?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['involvement', 'dutyThatRemains'], message: 'Record the duty of care that remains' });
    }
    const keys = new Set<string>();
    p.expectedContacts.forEach((c, i) => {
      if (keys.has(c.key)) ctx.addIssue({ code: 'custom', path: ['expectedContacts', i, 'key'], message: 'Each expected contact needs its own key' });
      keys.add(c.key);
    });
    p.knownRoutines.forEach((r, i) => {
      if (r.to <= r.from) ctx.addIssue({ code: 'custom', path: ['knownRoutines', i, 'to'], message: 'The end time must be after the start time' });
    });
  });
export type ProtocolContent = z.infer<typeof protocolContent>;

/** The risk level that governs: the override where there is one. */
export const effectiveRisk = (p: Pick<ProtocolContent, 'risk'>): RiskLevel => p.risk.overrideLevel ?? p.risk.assessedLevel;

/** The deadlines that govern this protocol: its own, or the organisation's default for its risk. */
export function stageDeadlinesFor(p: Pick<ProtocolContent, 'risk' | 'stageDeadlines'>, orgDefaults = DEFAULT_STAGE_DEADLINES): StageDeadlines {
  return p.stageDeadlines ?? orgDefaults[effectiveRisk(p)];
}
