import { useState, type FormEvent } from 'react';
import { api, formatDate } from '../api.ts';
import { ErrorSummary, errorFor, Notice, TextField, useSubmit } from '../forms.tsx';
import { toIsoDate } from './decision-form.tsx';
import { RadioGroup, SelectField, TextArea } from './fields.tsx';
import { ENQUIRY_WORDS, METHOD_WORDS } from './labels.ts';
import type { Concern, StaffOption } from './types.ts';

const ukDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('/') : '');

/** The referral as recorded, and (for the lead) its tracking to the local authority's outcome. */
export function ReferralTracking({ concern, canEdit, onDone }: { concern: Concern; canEdit: boolean; onDone: () => void }) {
  const r = concern.referral!;
  const [reference, setReference] = useState(r.reference ?? '');
  const [enquiryOpened, setEnquiry] = useState(r.enquiryOpened);
  const [outcome, setOutcome] = useState(r.outcome ?? '');
  const [outcomeOn, setOutcomeOn] = useState(ukDate(r.outcomeOn));
  const [personWanted, setPersonWanted] = useState(r.personWanted);
  const [saved, setSaved] = useState(false);
  const { busy, error, run } = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    const ok = await run(async () => {
      await api('PATCH', `/api/concerns/${concern.id}/referral`, {
        version: r.version, reference: reference.trim() || null, enquiryOpened, outcome: outcome.trim() || null,
        outcomeOn: outcomeOn.trim() ? toIsoDate(outcomeOn) : null, personWanted,
      });
    });
    if (ok) {
      setSaved(true);
      onDone();
    }
  }

  return (
    <section aria-labelledby="referral-title">
      <h2 id="referral-title">Referral to the local authority</h2>
      <dl className="nhsuk-summary-list" data-testid="referral">
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Referred</dt><dd className="nhsuk-summary-list__value">{formatDate(r.referredOn)} to {r.localAuthority} by {METHOD_WORDS[r.method] ?? r.method}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Reference</dt><dd className="nhsuk-summary-list__value" data-testid="referral-reference">{r.reference ?? 'Not received yet'}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Enquiry opened</dt><dd className="nhsuk-summary-list__value">{ENQUIRY_WORDS[r.enquiryOpened]}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Outcome</dt><dd className="nhsuk-summary-list__value">{r.outcome ? `${r.outcome}${r.outcomeOn ? ` (${formatDate(r.outcomeOn)})` : ''}` : 'Awaited'}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">What the person wanted</dt><dd className="nhsuk-summary-list__value">{r.personWanted}</dd></div>
      </dl>
      {saved && <Notice>Referral updated.</Notice>}
      {canEdit && (
        <form onSubmit={submit} noValidate>
          <h3>Update the referral</h3>
          <ErrorSummary error={error} fieldIds={{ reference: 'track-reference', outcome: 'track-outcome', outcomeOn: 'track-outcome-on', personWanted: 'track-wanted', version: 'track-reference' }} />
          <TextField id="track-reference" label="Local authority's reference" value={reference} onChange={setReference} width={20} error={errorFor(error, 'reference')} />
          <RadioGroup id="track-enquiry" legend="Did they open a section 42 enquiry?" value={enquiryOpened} options={ENQUIRY_WORDS} onChange={setEnquiry} />
          <TextArea id="track-outcome" label="Outcome" value={outcome} onChange={setOutcome} rows={2} error={errorFor(error, 'outcome')} />
          <TextField id="track-outcome-on" label="Date of the outcome" hint="dd/mm/yyyy" value={outcomeOn} onChange={setOutcomeOn} width={10} error={errorFor(error, 'outcomeOn')} />
          <TextArea id="track-wanted" label="What the person wanted to happen" value={personWanted} onChange={setPersonWanted} rows={2} error={errorFor(error, 'personWanted')} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>Save the referral</button>
        </form>
      )}
    </section>
  );
}

/** Actions from lower-level handling: owner, due date, done; the lead adds and completes them. */
export function ConcernActions({ concern, staff, canEdit, onDone }: { concern: Concern; staff: StaffOption[]; canEdit: boolean; onDone: () => void }) {
  const [description, setDescription] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [notes, setNotes] = useState<Record<string, string>>({});
  const add = useSubmit();
  const complete = useSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await add.run(async () => {
      await api('POST', `/api/concerns/${concern.id}/actions`, { description, ownerId: owner, dueOn: toIsoDate(due) });
    });
    if (ok) {
      setDescription('');
      onDone();
    }
  }

  return (
    <section aria-labelledby="actions-title">
      <h2 id="actions-title">Actions</h2>
      <ErrorSummary error={complete.error} fieldIds={{}} />
      {concern.actions.length === 0 ? <p>No actions.</p> : (
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Actions</caption>
          <thead className="nhsuk-table__head"><tr><th scope="col">Action</th><th scope="col">Owner</th><th scope="col">Due</th><th scope="col">Done</th></tr></thead>
          <tbody className="nhsuk-table__body">
            {concern.actions.map((a) => (
              <tr key={a.id}>
                <td>{a.description}</td><td>{a.owner.name}</td><td>{formatDate(a.dueOn)}</td>
                <td>
                  {a.completedAt ? `Done ${formatDate(a.completedAt)}: ${a.completionNote}` : canEdit ? (
                    <>
                      <label className="nhsuk-label" htmlFor={`note-${a.id}`}>What was done</label>
                      <input className="nhsuk-input" id={`note-${a.id}`} value={notes[a.id] ?? ''} onChange={(e) => setNotes({ ...notes, [a.id]: e.target.value })} />
                      <button type="button" className="wc-link-button" disabled={complete.busy}
                        onClick={() => complete.run(async () => {
                          await api('POST', `/api/concerns/${concern.id}/actions/${a.id}/complete`, { note: notes[a.id] ?? '' });
                          onDone();
                        })}>Mark done</button>
                    </>
                  ) : 'Open'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate>
          <h3>Add an action</h3>
          <ErrorSummary error={add.error} fieldIds={{ description: 'new-action', ownerId: 'new-action-owner', dueOn: 'new-action-due', action: 'new-action' }} />
          <TextArea id="new-action" label="Action" value={description} onChange={setDescription} rows={2} error={errorFor(add.error, 'description') ?? errorFor(add.error, 'action.0.description')} />
          <SelectField id="new-action-owner" label="Owner" value={owner} options={Object.fromEntries(staff.map((s) => [s.id, s.name]))} onChange={setOwner}
            placeholder="Choose…" error={errorFor(add.error, 'ownerId') ?? errorFor(add.error, 'action.0.ownerId')} />
          <TextField id="new-action-due" label="Due date" hint="dd/mm/yyyy" value={due} onChange={setDue} width={10} error={errorFor(add.error, 'dueOn')} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={add.busy}>Add the action</button>
        </form>
      )}
    </section>
  );
}
