import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { StageNumber } from '../protocol/content.ts';
import { decideWiderContact, offeredContacts } from './wider-contacts.ts';

test('consent and stage decide who may be contacted; a recorded significant risk overrides (§14)', () => {
  const reason = 'No response for two hours, insulin missed, seizure risk';
  const rows: { c: { hasConsent: boolean; contactableFromStage: number | null } | null; stage: StageNumber; reason?: string; allowed: boolean; basis?: string; blockers?: string[] }[] = [
    { c: { hasConsent: true, contactableFromStage: 4 }, stage: 4, allowed: true, basis: 'consent_and_stage' },
    { c: { hasConsent: true, contactableFromStage: 4 }, stage: 3, allowed: false, blockers: ['before_stage'] },
    { c: { hasConsent: true, contactableFromStage: 3 }, stage: 3, allowed: true, basis: 'consent_and_stage' },
    { c: { hasConsent: true, contactableFromStage: null }, stage: 3, allowed: false, blockers: ['before_stage'] },
    { c: { hasConsent: false, contactableFromStage: 4 }, stage: 4, allowed: false, blockers: ['no_consent'] },
    { c: { hasConsent: false, contactableFromStage: 5 }, stage: 4, allowed: false, blockers: ['no_consent', 'before_stage'] },
    { c: { hasConsent: false, contactableFromStage: 5 }, stage: 4, reason, allowed: true, basis: 'significant_immediate_risk' },
    { c: { hasConsent: false, contactableFromStage: 4 }, stage: 4, reason: 'worried', allowed: false, blockers: ['no_consent'] },
    { c: null, stage: 5, allowed: false, blockers: ['not_a_listed_contact'] },
    { c: null, stage: 5, reason, allowed: true, basis: 'significant_immediate_risk' },
  ];
  for (const r of rows) {
    const d = decideWiderContact(r.c, r.stage, r.reason);
    assert.equal(d.isAllowed, r.allowed, JSON.stringify(r));
    if (d.isAllowed) assert.equal(d.basis, r.basis);
    else assert.deepEqual(d.blockers, r.blockers);
  }
});

test('the screen offers only consented contacts whose stage has come', () => {
  const contacts = [
    { name: 'neighbour', hasConsent: true, contactableFromStage: 4 },
    { name: 'sister', hasConsent: false, contactableFromStage: 4 },
    { name: 'advocate', hasConsent: true, contactableFromStage: 5 },
  ];
  assert.deepEqual(offeredContacts(contacts, 4).map((c) => c.name), ['neighbour']);
  assert.deepEqual(offeredContacts(contacts, 5).map((c) => c.name), ['neighbour', 'advocate']);
  assert.deepEqual(offeredContacts(contacts, 3), []);
});
