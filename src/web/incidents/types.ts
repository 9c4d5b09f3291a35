/** The shapes the incident API returns (see src/app/incidents/incident-views.ts). */
export type BoardRow = {
  id: string; personId: string; personName: string; stage: number; stageLabel: string; version: number; source: string; stageReason: string | null;
  openedAt: string; deadlineAt: string | null; msToDeadline: number | null; isOverdue: boolean; isEmergency: boolean; isMedicationCritical: boolean;
  acknowledgedAt: string | null; acknowledgedBy: string | null; hasOpenAlert: boolean; alertHolder: string | null;
};

export type Contact = { id: string; name: string; kind: string; relationship: string; phone: string | null; hasConsent: boolean; contactableFromStage: number; isOffered: boolean };

export type Detail = {
  incident: {
    id: string; personId: string; personName: string; stage: number; stageLabel: string; status: 'open' | 'closed'; version: number; source: string;
    stageReason: string | null; openedAt: string; openedBy: string | null; deadlineAt: string | null; isMedicationCritical: boolean;
    acknowledgedAt: string | null; acknowledgedBy: string | null; emergencyAt: string | null; emergencyBy: string | null;
    closedAt: string | null; closedBy: string | null; outcome: string | null; outcomeRationale: string | null; whereaboutsConfirmedBy: string | null;
    reviewStatus: 'not_due' | 'awaiting' | 'done'; reviewedAt: string | null; reviewedBy: string | null;
  };
  progress: { stage: number; label: string; isDone: boolean; needs: string[] }[];
  requiredAttempts: number;
  person: { name: string; address: string; healthConditions: string; communicationNeeds: string; accessArrangements: string; isMedicationCritical: boolean; medicationCriticalDetail: string | null; culturalRoutines: string; gp: string; housingProvider: string };
  protocol: null | {
    risk: { assessedLevel: string; overrideLevel?: string; factors: string[] };
    knownRoutines: { days: string[]; from: string; to: string; place: string; note?: string }[];
    specificRisks: { risk: string; lookFor: string }[];
    contactMethods: { method: string; detail: string; attempts: number; spacingMinutes: number; adjustments?: string }[];
    involvement: { howInvolved: string; wishes: string };
  };
  contacts: Contact[];
  management: {
    knownRoutines: { days: string[]; from: string; to: string; place: string; coversThisTime: boolean }[];
    absences: { kind: string; startsAt: string; expectedEndAt: string | null; endedAt: string | null; note: string; isCurrent: boolean }[];
    earlierIncidents: { id: string; openedAt: string; outcome: string | null; rationale: string | null; stage: number; status: string }[];
    recentChanges: { at: string; type: string; reason: string | null }[];
  };
  observations: { id: string; items: Record<string, string>; note: string; recorded_at: string; by_name: string | null }[];
  attempts: { id: string; method: string; target: string; outcome: string; attempted_at: string; by_name: string | null }[];
  widerContacts: { id: string; party_name: string; basis: string; risk_reason: string | null; information_shared: string; recorded_at: string; by_name: string | null }[];
  external: { id: string; agency: string; reference: string | null; note: string; recorded_at: string; by_name: string | null }[];
  decisions: { id: string; kind: string; summary: string; rationale: string; decided_at: string; by_name: string | null; is_out_of_hours: boolean; review_due_on: string | null; reviewed_at: string | null }[];
  alerts: { id: string; status: string; stage: number; holder_name: string | null; repeats: number; raised_at: string; acknowledged_by_name: string | null }[];
  notifications: { id: string; channel: string; status: string; attempts: number; subject: string; last_error: string | null; created_at: string; recipient_name: string | null; cancelled_reason: string | null }[];
  events: { seq: number; at: string; type: string; data: Record<string, unknown>; reason: string | null; actor_kind: string; actor_name: string | null }[];
  review: null | { protocol_review_needed: boolean; protocol_review_reason: string; safeguarding_raised: boolean; safeguarding_reason: string; learning: string; reviewed_by_name: string | null; reviewed_at: string };
};

export type Snapshot = { incidentId: string; stage: number; version: number; status: string };

export const OUTCOME_LABELS: Record<string, string> = {
  safe_and_well: 'Safe and well',
  unwell_medical_help: 'Unwell, medical help sought',
  emergency_services: 'Emergency services attended',
  not_at_home_whereabouts_confirmed: 'Not at home, whereabouts confirmed',
  missing_reported_to_police: 'Missing, reported to police',
  died: 'Died',
  became_refusal: 'Became a refusal of support',
};

export const OBSERVATION_LABELS: [string, string][] = [
  ['noise', 'Noise inside'], ['lights', 'Lights on'], ['tv_or_radio', 'TV or radio on'], ['water_running', 'Water running'],
  ['post_or_milk', 'Post or milk piling up'], ['odours', 'Unusual smell'], ['curtains_closed', 'Curtains closed'],
  ['forced_entry', 'Signs of forced entry'], ['person_visible_not_moving', 'Person seen, not moving'],
];

/** "in 4 min", "2 min overdue" — never colour alone. */
export function timeToDeadline(deadlineAt: string | null, now: number): string {
  if (!deadlineAt) return 'no deadline';
  const ms = new Date(deadlineAt).getTime() - now;
  const mins = Math.round(Math.abs(ms) / 60_000);
  const s = mins >= 60 ? `${Math.floor(mins / 60)} h ${mins % 60} min` : `${mins} min`;
  return ms <= 0 ? `${s} overdue` : `in ${s}`;
}
