import type { StageNumber } from '../protocol/content.ts';

/**
 * Stage 4 of §20.1 and §14: families, representatives, neighbours, key holders are contacted
 * only when the person's consent and the escalation stage allow it. A person with capacity has
 * their wishes respected "unless there is a significant and immediate risk" (§14), so the only
 * way past a missing consent or an earlier stage is to record that risk and the reason.
 * Every disclosure records its basis and reason.
 */

export type ContactPermission = { hasConsent: boolean; contactableFromStage: number | null };

export type DisclosureBasis = 'consent_and_stage' | 'significant_immediate_risk';

export type WiderContactDecision =
  | { isAllowed: true; basis: DisclosureBasis; overridden: ('no_consent' | 'before_stage' | 'not_a_listed_contact')[] }
  | { isAllowed: false; blockers: ('no_consent' | 'before_stage' | 'not_a_listed_contact')[]; message: string };

/**
 * @param contact the listed contact's permissions, or null for someone not on the person's list
 * @param riskReason the recorded "significant and immediate risk" reason, if any
 */
export function decideWiderContact(contact: ContactPermission | null, stage: StageNumber, riskReason: string | null | undefined): WiderContactDecision {
  const blockers: ('no_consent' | 'before_stage' | 'not_a_listed_contact')[] = [];
  if (!contact) blockers.push('not_a_listed_contact');
  else {
    if (!contact.hasConsent) blockers.push('no_consent');
    // A contact with no stage set may be contacted from wider contact (stage 4) onwards.
    if (stage < (contact.contactableFromStage ?? 4)) blockers.push('before_stage');
  }
  if (blockers.length === 0) return { isAllowed: true, basis: 'consent_and_stage', overridden: [] };
  if (riskReason && riskReason.trim().length >= 10) return { isAllowed: true, basis: 'significant_immediate_risk', overridden: blockers };
  const why = blockers.map((b) => (b === 'no_consent' ? 'the person has not consented' : b === 'before_stage' ? 'this contact is for a later stage' : 'this is not one of the person\'s contacts')).join(' and ');
  return { isAllowed: false, blockers, message: `Not allowed yet: ${why}. Record the significant and immediate risk to go ahead.` };
}

/** The contacts to offer on screen: those the person's consent and the stage allow (§14). */
export function offeredContacts<T extends ContactPermission>(contacts: T[], stage: StageNumber): T[] {
  return contacts.filter((c) => decideWiderContact(c, stage, null).isAllowed);
}
