import type { ProtocolContent, StageDeadlines, StageNumber } from '../protocol/content.ts';
import { STAGES, stageDeadlinesFor } from '../protocol/content.ts';
import type { Observations } from './observations.ts';

/**
 * The stages of the no-response policy §20.1 as rules over an incident's evidence and its
 * protocol's deadlines. Deadlines come from the person's protocol and risk, never a global
 * constant ("escalation decisions are guided by risk, not time alone", §6).
 */

const MINUTE = 60_000;

/** Internal escalation (stage 3) is where management must be told and must acknowledge. */
export const FIRST_ALERTED_STAGE: StageNumber = 3;

export const stageLabel = (s: number) => STAGES.find((x) => x.number === s)?.label ?? `Stage ${s}`;

/**
 * Minutes allowed in `stage`. Stage 5 has no next stage: its "deadline" is a reminder that
 * the incident is still open at external escalation, spaced like stage 4, so an open
 * incident always has a future deadline (the watchdog's invariant).
 */
export function minutesInStage(deadlines: StageDeadlines, stage: StageNumber): number {
  return stage === 5 ? deadlines[4] : deadlines[stage];
}

export const deadlineFor = (deadlines: StageDeadlines, stage: StageNumber, from: Date): Date =>
  new Date(from.getTime() + minutesInStage(deadlines, stage) * MINUTE);

export type DeadlineStep = { from: StageNumber; to: StageNumber; at: Date };
export type DeadlineDecision = {
  stage: StageNumber;
  deadlineAt: Date;
  /** Every stage boundary passed, each at its own deadline (several when the engine was late). */
  steps: DeadlineStep[];
  /** The on-call chain must be alerted: a deadline passed at or beyond internal escalation. */
  alertChain: boolean;
};

/**
 * What happens when the current stage's deadline has passed: move on one stage per passed
 * deadline, each next deadline counted from the one before (not from `now`), so a late engine
 * cycle catches up exactly. Deadlines keep the incident moving even when nobody acts.
 */
export function decideDeadline(stage: StageNumber, deadlineAt: Date, deadlines: StageDeadlines, now: Date): DeadlineDecision {
  let current = stage;
  let due = deadlineAt;
  const steps: DeadlineStep[] = [];
  while (due.getTime() <= now.getTime()) {
    const next = (current < 5 ? current + 1 : 5) as StageNumber;
    steps.push({ from: current, to: next, at: due });
    current = next;
    due = deadlineFor(deadlines, current, due);
    if (steps.length > 50) break; // a stage-5 reminder loop after a very long outage: catch up later
  }
  return { stage: current, deadlineAt: due, steps, alertChain: steps.some((s) => s.to >= FIRST_ALERTED_STAGE) };
}

/** A person pressing "escalate": one stage on from the one they saw, with a fresh deadline. */
export function decideEscalation(seenStage: StageNumber, deadlines: StageDeadlines, now: Date): { stage: StageNumber; deadlineAt: Date } | { refused: string } {
  if (seenStage >= 5) return { refused: 'This incident is already at external escalation' };
  const stage = (seenStage + 1) as StageNumber;
  return { stage, deadlineAt: deadlineFor(deadlines, stage, now) };
}

/** Emergency (§20.4) always lands at external escalation, whatever stage it was at. */
export function decideEmergency(deadlines: StageDeadlines, now: Date): { stage: StageNumber; deadlineAt: Date } {
  return { stage: 5, deadlineAt: deadlineFor(deadlines, 5, now) };
}

/** Where an incident opens: medication-critical contacts go straight to internal escalation (§6). */
export function openingStage(isMedicationCritical: boolean): StageNumber {
  return isMedicationCritical ? 3 : 1;
}

export { stageDeadlinesFor };

export type ContactAttemptOutcome = 'no_answer' | 'voicemail' | 'engaged' | 'reached' | 'failed';

export type IncidentEvidence = {
  observations: Observations[];
  contactAttempts: { method: string; outcome: ContactAttemptOutcome }[];
  acknowledged: boolean;
  widerContacts: number;
  externalReferrals: { agency: string; reference: string | null }[];
};

/** The attempts the protocol asks for: each agreed method, as many times as it says (§20.1 stage 2). */
export function requiredAttempts(p: Pick<ProtocolContent, 'contactMethods'>): number {
  return p.contactMethods.reduce((n, m) => n + m.attempts, 0);
}

export type StageProgress = { stage: StageNumber; label: string; isDone: boolean; needs: string[] };

/**
 * What each stage still needs, for the screens and for the escalation event (which records
 * what was incomplete: escalation is never blocked by missing evidence — §6 "staff must not
 * delay escalation due to uncertainty").
 */
export function stageProgress(e: IncidentEvidence, p: Pick<ProtocolContent, 'contactMethods'>): StageProgress[] {
  const required = requiredAttempts(p);
  const made = e.contactAttempts.length;
  const reached = e.contactAttempts.some((a) => a.outcome === 'reached');
  const missingRefs = e.externalReferrals.filter((r) => !r.reference).length;
  const rows: [StageNumber, boolean, string[]][] = [
    [1, e.observations.length > 0, e.observations.length > 0 ? [] : ['Record the checks at the door']],
    [2, reached || made >= required, reached || made >= required ? [] : [`${required - made} more contact attempt(s) of ${required}`]],
    [3, e.acknowledged, e.acknowledged ? [] : ['A senior or on-call manager must acknowledge']],
    [4, e.widerContacts > 0, e.widerContacts > 0 ? [] : ['Contact the people the person agreed to']],
    [5, e.externalReferrals.length > 0 && missingRefs === 0,
      e.externalReferrals.length === 0 ? ['Refer to adult social care, the emergency duty team, police or ambulance']
        : missingRefs ? [`${missingRefs} referral(s) without a reference number`] : []],
  ];
  return rows.map(([stage, isDone, needs]) => ({ stage, label: stageLabel(stage), isDone, needs }));
}

/** Stages before `stage` whose evidence is incomplete, recorded when someone escalates past them. */
export function incompleteBefore(progress: StageProgress[], stage: StageNumber): StageNumber[] {
  return progress.filter((s) => s.stage < stage && !s.isDone).map((s) => s.stage);
}
