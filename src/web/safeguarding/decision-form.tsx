import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, errorFor, TextField, useSubmit } from '../forms.tsx';
import { RadioGroup, SelectField, TextArea } from './fields.tsx';
import { DECISION_WORDS, FOLLOWS, METHOD_WORDS, OUTCOME_WORDS } from './labels.ts';
import type { Concern, StaffOption } from './types.ts';

/** dd/mm/yyyy as typed → yyyy-mm-dd for the API; anything else goes as typed (the server names the field). */
export function toIsoDate(s: string): string {
  const m = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(s);
  return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : s.trim();
}
export const todayUk = () => new Date().toLocaleDateString('en-GB', { timeZone: 'Europe/London' });

const FIELD_IDS = {
  outcome: 'decision-outcome', rationale: 'rationale', departureReason: 'departure-reason',
  'referral.referredOn': 'referred-on', 'referral.localAuthority': 'local-authority', 'referral.method': 'referral-method',
  'referral.reference': 'referral-reference', 'referral.personWanted': 'person-wanted', referral: 'local-authority',
  actions: 'action-description', 'actions.0.ownerId': 'action-owner', 'actions.0.dueOn': 'action-due',
};

/**
 * The safeguarding lead's decision: refer to the local authority (with the referral), handle as
 * lower-level with an action, or no further action — with a rationale, and a reason of its own
 * when it departs from the suggestion.
 */
export function DecisionForm({ concern, staff, onDone }: { concern: Concern; staff: StaffOption[]; onDone: () => void }) {
  const suggested = concern.suggestion.outcome;
  const [outcome, setOutcome] = useState('');
  const [rationale, setRationale] = useState('');
  const [departureReason, setDeparture] = useState('');
  const [referredOn, setReferredOn] = useState(todayUk());
  const [localAuthority, setLa] = useState('');
  const [method, setMethod] = useState('phone');
  const [reference, setReference] = useState('');
  const [personWanted, setPersonWanted] = useState(concern.personWishes);
  const [actionText, setActionText] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const { busy, error, run } = useSubmit();
  const departs = outcome !== '' && !FOLLOWS[suggested].includes(outcome);

  async function submit(e: FormEvent) {
    e.preventDefault();
    await run(async () => {
      await api('POST', `/api/concerns/${concern.id}/decision`, {
        version: concern.version, outcome: outcome || 'unset', rationale,
        departureReason: departs ? departureReason : null,
        ...(outcome === 'refer' ? { referral: { referredOn: toIsoDate(referredOn), localAuthority, method, reference: reference.trim() || null, personWanted } } : {}),
        ...(outcome === 'lower_level' ? { actions: [{ description: actionText, ownerId: owner, dueOn: toIsoDate(due) }] } : {}),
      });
      onDone();
    });
  }

  return (
    <section aria-labelledby="decide-title">
      <h2 id="decide-title">Your decision</h2>
      <p>The suggestion is <strong>{OUTCOME_WORDS[suggested]}</strong>. You decide; if you depart from it, say why.</p>
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <RadioGroup id="decision-outcome" legend="Decision" value={outcome} options={DECISION_WORDS} onChange={setOutcome} error={errorFor(error, 'outcome')} />
        {outcome && <p data-testid="departure-note">{departs ? 'This departs from the suggestion: give your reason below.' : 'This follows the suggestion.'}</p>}
        <TextArea id="rationale" label="Rationale" value={rationale} onChange={setRationale} error={errorFor(error, 'rationale')}
          hint="What you weighed up, including what the person wants." />
        {departs && (
          <TextArea id="departure-reason" label="Why you are departing from the suggestion" value={departureReason} onChange={setDeparture}
            error={errorFor(error, 'departureReason')} />
        )}
        {outcome === 'refer' && (
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Referral to the local authority</legend>
            <TextField id="referred-on" label="Date referred" hint="dd/mm/yyyy" value={referredOn} onChange={setReferredOn} width={10} error={errorFor(error, 'referral.referredOn')} />
            <TextField id="local-authority" label="Local authority" value={localAuthority} onChange={setLa} error={errorFor(error, 'referral.localAuthority') ?? errorFor(error, 'referral')} />
            <SelectField id="referral-method" label="How it was made" value={method} options={METHOD_WORDS} onChange={setMethod} error={errorFor(error, 'referral.method')} />
            <TextField id="referral-reference" label="Their reference (if given already)" value={reference} onChange={setReference} width={20} error={errorFor(error, 'referral.reference')} />
            <TextArea id="person-wanted" label="What the person wanted to happen" value={personWanted} onChange={setPersonWanted} error={errorFor(error, 'referral.personWanted')} />
          </fieldset>
        )}
        {outcome === 'lower_level' && (
          <fieldset className="nhsuk-fieldset">
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">First action</legend>
            <TextArea id="action-description" label="Action" value={actionText} onChange={setActionText} rows={2} error={errorFor(error, 'actions')} />
            <SelectField id="action-owner" label="Owner" value={owner} options={Object.fromEntries(staff.map((s) => [s.id, s.name]))} onChange={setOwner}
              placeholder="Choose…" error={errorFor(error, 'actions.0.ownerId')} />
            <TextField id="action-due" label="Due date" hint="dd/mm/yyyy" value={due} onChange={setDue} width={10} error={errorFor(error, 'actions.0.dueOn')} />
          </fieldset>
        )}
        <button className="nhsuk-button" type="submit" disabled={busy}>Record the decision</button>
      </form>
    </section>
  );
}
