import { z } from 'zod';

/** Response shapes of the people routes (the serializer strips anything not named here). */
export const personOut = z.object({
  id: z.string(), serviceId: z.string(), externalRef: z.string().nullable(), givenName: z.string(), familyName: z.string(),
  preferredName: z.string().nullable(), displayName: z.string(), dateOfBirth: z.string().nullable(), nhsNumber: z.string().nullable(),
  address: z.string(), postcode: z.string().nullable(), supportTypes: z.array(z.string()), communicationCategories: z.array(z.string()),
  communicationNeeds: z.string(), healthConditions: z.string(), isMedicationCritical: z.boolean(),
  medicationCriticalDetail: z.string().nullable(), fallsRisk: z.string(), selfNeglectRisk: z.string(),
  hasHistoryOfDisengagement: z.boolean(), disengagementNote: z.string(), culturalRoutines: z.string(), gp: z.string(),
  careCoordinatorId: z.string().nullable(), housingProvider: z.string(), accessArrangements: z.string(), version: z.number(),
  createdAt: z.date(), updatedAt: z.date(),
});

export const contactOut = z.object({
  id: z.string(), personId: z.string(), kind: z.string(), name: z.string(), relationship: z.string(), phone: z.string().nullable(),
  email: z.string().nullable(), rank: z.number(), hasConsent: z.boolean(), contactableFromStage: z.number(), notes: z.string(), version: z.number(),
});

export const deviceOut = z.object({
  id: z.string(), personId: z.string(), kind: z.string(), purpose: z.string(), limitations: z.string(), monitoredBy: z.string(),
  failureMeaning: z.string(), externalDeviceId: z.string().nullable(), version: z.number(),
});

export const absenceOut = z.object({
  id: z.string(), personId: z.string(), kind: z.string(), startsAt: z.date(), expectedEndAt: z.date().nullable(),
  endedAt: z.date().nullable(), note: z.string(), version: z.number(),
});

export const reviewFlagOut = z.object({
  id: z.string(), reason: z.string(), sourceId: z.string().nullable(), note: z.string(), raisedAt: z.date(),
  clearedAt: z.date().nullable(), clearedByVersion: z.number().nullable(),
});

/** Protocol content is validated on the way in by protocolContent; on the way out it is passed as stored. */
export const protocolOut = z.object({ id: z.string(), version: z.number(), content: z.record(z.string(), z.unknown()) });

export const versionSummaryOut = z.object({
  id: z.string(), version: z.number(), reason: z.string(), createdAt: z.date(), createdBy: z.string().nullable(), createdByName: z.string().nullable(),
});

export const personRecordOut = z.object({
  person: personOut.extend({ serviceName: z.string(), careCoordinatorName: z.string().nullable() }),
  protocol: protocolOut.nullable(),
  versions: z.array(versionSummaryOut),
  contacts: z.array(contactOut),
  devices: z.array(deviceOut),
  absences: z.array(absenceOut),
  reviewFlags: z.array(reviewFlagOut),
});

export const personListOut = z.object({
  total: z.number(),
  people: z.array(z.object({
    id: z.string(), displayName: z.string(), givenName: z.string(), familyName: z.string(), dateOfBirth: z.string().nullable(),
    serviceId: z.string(), serviceName: z.string(), isMedicationCritical: z.boolean(), protocolVersion: z.number().nullable(),
    risk: z.string().nullable(), nextReviewDate: z.string().nullable(), reviewDue: z.boolean(), reviewReasons: z.array(z.string()),
    absentNow: z.string().nullable(),
  })),
});

export const historyOut = z.array(z.object({
  id: z.string(), seq: z.number(), at: z.date(), type: z.string(), reason: z.string().nullable(), data: z.record(z.string(), z.unknown()),
  actor: z.object({ kind: z.string(), id: z.string().nullable(), name: z.string().nullable() }),
}));

export const personParams = z.object({ id: z.string().uuid() });
export const version = z.number({ error: 'The version you loaded is needed' }).int().positive();
export const removal = z.object({ version, reason: z.string().trim().min(1, 'Say why').max(1000) });
