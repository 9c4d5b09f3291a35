import { z } from 'zod';
import { isoDate } from '../protocol/content.ts';
import { accessArrangementsProblem } from './access-arrangements.ts';
import { parseDateInput } from './dates.ts';
import { isValidNhsNumber, normaliseNhsNumber } from './nhs-number.ts';
import { normalisePostcode } from './postcode.ts';

/**
 * What staff enter about a person, a contact, a device and an absence: one schema each, shared
 * by the HTTP routes (so a 400 names the field), the CSV import and the use-cases.
 */

export const SUPPORT_TYPES = ['scheduled_visits', 'welfare_checks', 'sleep_in', 'waking_night', 'outreach', 'on_call'] as const;
export const COMMUNICATION_CATEGORIES = ['sensory', 'neurodivergence', 'language', 'other'] as const;
export const RISK_GRADES = ['unknown', 'low', 'medium', 'high'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).optional();

export const nhsNumber = z
  .string()
  .trim()
  .refine((s) => normaliseNhsNumber(s) !== undefined, 'An NHS number has 10 digits')
  .refine((s) => isValidNhsNumber(s), 'This NHS number is not valid (its check digit does not match)')
  .transform((s) => normaliseNhsNumber(s)!);

export const postcode = z
  .string()
  .trim()
  .refine((s) => normalisePostcode(s) !== undefined, 'Enter a UK postcode, like SW1A 1AA')
  .transform((s) => normalisePostcode(s)!);

/** A date typed dd/mm/yyyy or sent yyyy-mm-dd; stored yyyy-mm-dd. */
export const dateInput = z
  .string()
  .trim()
  .refine((s) => parseDateInput(s) !== undefined, 'Enter a real date, like 23/11/1970')
  .transform((s) => parseDateInput(s)!)
  .pipe(isoDate);

export const accessArrangements = text(2000).superRefine((s, ctx) => {
  const problem = accessArrangementsProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

const uuid = z.string().uuid('Choose one from the list');

/** The person's record. Omitted optional fields mean "not known". */
export const personInput = z
  .object({
    serviceId: uuid,
    externalRef: text(100).min(1).nullable().optional(),
    givenName: text(100).min(1, 'Enter a given name'),
    familyName: text(100).min(1, 'Enter a family name'),
    preferredName: text(100).nullable().optional(),
    dateOfBirth: dateInput.nullable().optional(),
    nhsNumber: nhsNumber.nullable().optional(),
    address: text(500).default(''),
    postcode: postcode.nullable().optional(),
    supportTypes: z.array(z.enum(SUPPORT_TYPES)).max(6).default([]),
    communicationCategories: z.array(z.enum(COMMUNICATION_CATEGORIES)).max(4).default([]),
    communicationNeeds: text(2000).default(''),
    healthConditions: text(2000).default(''),
    isMedicationCritical: z.boolean().default(false),
    medicationCriticalDetail: text(1000).nullable().optional(),
    fallsRisk: z.enum(RISK_GRADES).default('unknown'),
    selfNeglectRisk: z.enum(RISK_GRADES).default('unknown'),
    hasHistoryOfDisengagement: z.boolean().default(false),
    disengagementNote: text(2000).default(''),
    culturalRoutines: text(2000).default(''),
    gp: text(500).default(''),
    careCoordinatorId: uuid.nullable().optional(),
    housingProvider: text(500).default(''),
    accessArrangements: accessArrangements.default(''),
  })
  .superRefine((p, ctx) => {
    // no-response policy §6: where missed support affects medication, escalation is immediate,
    // so staff must be told exactly what is time-critical.
    if (p.isMedicationCritical && !p.medicationCriticalDetail?.trim()) {
      ctx.addIssue({ code: 'custom', path: ['medicationCriticalDetail'], message: 'Say what medication is time-critical and when' });
    }
  });
export type PersonInput = z.infer<typeof personInput>;
export type PersonFields = z.input<typeof personInput>;

export const contactKind = z.enum(['family', 'advocate', 'neighbour', 'key_holder', 'attorney_health_welfare',
  'attorney_property_affairs', 'deputy', 'other']);

const phone = z
  .string()
  .trim()
  .refine((s) => /^\+?[\d\s()-]{10,20}$/.test(s) && s.replace(/\D/g, '').length >= 10, 'Enter a phone number with at least 10 digits');

/** The escalation stage (§20.1) from which a contact may be contacted. */
export const stageNumber = z.number({ error: 'Choose a stage from 1 to 5' }).int().min(1, 'Choose a stage from 1 to 5').max(5, 'Choose a stage from 1 to 5');

export const contactInput = z
  .object({
    kind: contactKind,
    name: text(200).min(1, 'Enter the contact’s name'),
    relationship: text(200).default(''),
    phone: phone.nullable().optional(),
    email: z.string().trim().email('Enter an email address like name@example.com').nullable().optional(),
    rank: z.number().int().min(1).max(99),
    hasConsent: z.boolean(),
    contactableFromStage: stageNumber,
    notes: text(1000).default(''),
  })
  .superRefine((c, ctx) => {
    if (!c.phone && !c.email) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Give a phone number or an email address' });
  });
export type ContactInput = z.infer<typeof contactInput>;

export const deviceInput = z.object({
  kind: z.enum(['pendant_alarm', 'inactivity_sensor', 'door_sensor', 'checkin_device', 'phone_app', 'other']),
  purpose: text(500).min(1, 'Say what the device is for'),
  limitations: text(1000).default(''),
  monitoredBy: text(200).min(1, 'Say who monitors its alerts'),
  failureMeaning: text(1000).min(1, 'Say what its silence or failure means for this person'),
  externalDeviceId: text(100).min(1).nullable().optional(),
});
export type DeviceInput = z.infer<typeof deviceInput>;

export const absenceInput = z
  .object({
    kind: z.enum(['hospital_admission', 'holiday', 'respite', 'staying_with_family', 'other']),
    startsAt: z.coerce.date({ error: 'Enter when the absence starts' }),
    expectedEndAt: z.coerce.date({ error: 'Enter a real date and time' }).nullable().optional(),
    note: text(1000).default(''),
  })
  .superRefine((a, ctx) => {
    if (a.expectedEndAt && a.expectedEndAt <= a.startsAt) {
      ctx.addIssue({ code: 'custom', path: ['expectedEndAt'], message: 'The expected end must be after the start' });
    }
  });
export type AbsenceInput = z.infer<typeof absenceInput>;

export { optionalText };
