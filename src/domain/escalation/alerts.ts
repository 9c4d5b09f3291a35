import { z } from 'zod';

/**
 * An escalation alert goes to whoever is on call, repeats at a set interval until someone
 * acknowledges, and after the set number of repeats moves to the next person in the chain;
 * at the end of the chain it keeps repeating to the last person (never silently stops).
 * Acknowledging closes the alert, so nothing further is due (SCENARIOS 6).
 */
export const alertPolicySchema = z.object({
  repeatIntervalMinutes: z.number().int().min(1).max(60).default(5),
  repeatsBeforeNext: z.number().int().min(0).max(10).default(2),
});
export type AlertPolicy = z.infer<typeof alertPolicySchema>;
export const DEFAULT_ALERT_POLICY: AlertPolicy = { repeatIntervalMinutes: 5, repeatsBeforeNext: 2 };

export type AlertState = {
  isOpen: boolean;
  /** Index into the chain of the person currently being alerted. */
  position: number;
  /** Repeats already sent to the current person (the first notice is not a repeat). */
  repeats: number;
  nextStepAt: Date | null;
};

export type AlertStep =
  | { kind: 'none' }
  | { kind: 'repeat'; to: string; position: number; repeats: number; nextStepAt: Date }
  | { kind: 'next_in_chain'; to: string; from: string | null; position: number; repeats: 0; nextStepAt: Date }
  | { kind: 'no_one'; nextStepAt: Date };

/**
 * The next step of an open alert whose time has come. `chain` is resolved at `now` (so a
 * handover between shifts is followed); an empty chain is reported, never ignored.
 */
export function decideAlertStep(a: AlertState, chain: string[], policy: AlertPolicy, now: Date): AlertStep {
  if (!a.isOpen || !a.nextStepAt || a.nextStepAt.getTime() > now.getTime()) return { kind: 'none' };
  const nextStepAt = new Date(now.getTime() + policy.repeatIntervalMinutes * 60_000);
  if (chain.length === 0) return { kind: 'no_one', nextStepAt };
  const last = chain.length - 1;
  const position = Math.min(a.position, last);
  if (a.repeats < policy.repeatsBeforeNext || position === last) {
    return { kind: 'repeat', to: chain[position], position, repeats: a.repeats + 1, nextStepAt };
  }
  return { kind: 'next_in_chain', to: chain[position + 1], from: chain[position] ?? null, position: position + 1, repeats: 0, nextStepAt };
}

/** The first notice of a new alert: the head of the chain, first step one interval later. */
export function firstNotice(chain: string[], policy: AlertPolicy, now: Date): { to: string | null; nextStepAt: Date } {
  return { to: chain[0] ?? null, nextStepAt: new Date(now.getTime() + policy.repeatIntervalMinutes * 60_000) };
}
