/** Shapes returned by the people API (src/http/routes/people-schemas.ts). */
export type Person = {
  id: string; serviceId: string; externalRef: string | null; givenName: string; familyName: string; preferredName: string | null;
  displayName: string; dateOfBirth: string | null; nhsNumber: string | null; address: string; postcode: string | null;
  supportTypes: string[]; communicationCategories: string[]; communicationNeeds: string; healthConditions: string;
  isMedicationCritical: boolean; medicationCriticalDetail: string | null; fallsRisk: string; selfNeglectRisk: string;
  hasHistoryOfDisengagement: boolean; disengagementNote: string; culturalRoutines: string; gp: string;
  careCoordinatorId: string | null; housingProvider: string; accessArrangements: string; version: number;
  serviceName?: string; careCoordinatorName?: string | null;
};
export type Contact = {
  id: string; personId: string; kind: string; name: string; relationship: string; phone: string | null; email: string | null;
  rank: number; hasConsent: boolean; contactableFromStage: number; notes: string; version: number;
};
export type Device = {
  id: string; personId: string; kind: string; purpose: string; limitations: string; monitoredBy: string; failureMeaning: string;
  externalDeviceId: string | null; version: number;
};
export type Absence = {
  id: string; personId: string; kind: string; startsAt: string; expectedEndAt: string | null; endedAt: string | null; note: string; version: number;
};
export type ReviewFlag = { id: string; reason: string; sourceId: string | null; note: string; raisedAt: string };
export type VersionSummary = { id: string; version: number; reason: string; createdAt: string; createdBy: string | null; createdByName: string | null };
export type PersonRecord = {
  person: Person & { serviceName: string; careCoordinatorName: string | null };
  protocol: { id: string; version: number; content: unknown } | null;
  versions: VersionSummary[];
  contacts: Contact[];
  devices: Device[];
  absences: Absence[];
  reviewFlags: ReviewFlag[];
};
export type PersonListItem = {
  id: string; displayName: string; dateOfBirth: string | null; serviceId: string; serviceName: string; isMedicationCritical: boolean;
  protocolVersion: number | null; risk: string | null; nextReviewDate: string | null; reviewDue: boolean; reviewReasons: string[]; absentNow: string | null;
};
export type HistoryEvent = {
  id: string; seq: number; at: string; type: string; reason: string | null; data: Record<string, unknown>;
  actor: { kind: string; id: string | null; name: string | null };
};
export type Service = { id: string; name: string; kind: string; isActive: boolean };
