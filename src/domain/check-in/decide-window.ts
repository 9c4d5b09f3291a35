import type { ProtocolContent, StageNumber } from '../protocol/content.ts';
import { stageDeadlinesFor } from '../protocol/content.ts';
import { absenceCovering, suspensionReason, type Absence } from '../time/absences.ts';

/**
 * What happens when a contact's response window closes with no check-in: pure, so the
 * engine and the check-in use-case decide the same way (CONVENTIONS "The engine", step 2).
 */
export type ClosedWindow = {
  dueAt: Date;
  closesAt: Date;
  carriesMedication: boolean;
};

export type WindowDecision =
  | { outcome: 'suspended'; absenceId: string; reason: string }
  /** An open no-response incident already exists for the person: the miss is added to it. */
  | { outcome: 'missed_joined'; incidentId: string }
  | {
      outcome: 'missed_opened';
      stage: StageNumber;
      /** Why the incident starts beyond stage 1 ('medication_critical'), or null. */
      stageReason: string | null;
      isMedicationCritical: boolean;
      stageDeadlineAt: Date;
      noticedLateMs: number;
    };

export type WindowFacts = {
  window: ClosedWindow;
  personIsMedicationCritical: boolean;
  protocol: Pick<ProtocolContent, 'risk' | 'stageDeadlines'>;
  absences: readonly Absence[];
  openNoResponseIncidentId: string | null;
  now: Date;
};

const MINUTE = 60_000;

/** Deadline of `stage` for an incident opened (or moved into the stage) at `from`. */
export function stageDeadline(protocol: Pick<ProtocolContent, 'risk' | 'stageDeadlines'>, stage: StageNumber, from: Date): Date {
  const d = stageDeadlinesFor(protocol);
  // Stage 5 has no next stage; it keeps stage 4's spacing as a reminder so that an open
  // incident always has a future deadline (the watchdog's invariant).
  const minutes = stage === 5 ? d[4] : d[stage];
  return new Date(from.getTime() + minutes * MINUTE);
}

export function decideClosedWindow(f: WindowFacts): WindowDecision {
  const absence = absenceCovering(f.absences, f.window.dueAt);
  if (absence) return { outcome: 'suspended', absenceId: absence.id, reason: suspensionReason(absence) };
  if (f.openNoResponseIncidentId) return { outcome: 'missed_joined', incidentId: f.openNoResponseIncidentId };
  // no-response policy §6: where medication may have been missed, escalate immediately —
  // a medication-critical person's missed medication contact starts at internal escalation.
  const medication = f.personIsMedicationCritical && f.window.carriesMedication;
  const stage: StageNumber = medication ? 3 : 1;
  return {
    outcome: 'missed_opened',
    stage,
    stageReason: medication ? 'medication_critical' : null,
    isMedicationCritical: medication,
    stageDeadlineAt: stageDeadline(f.protocol, stage, f.now),
    noticedLateMs: Math.max(0, f.now.getTime() - f.window.closesAt.getTime()),
  };
}
