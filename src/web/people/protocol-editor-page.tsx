import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { DEFAULT_STAGE_DEADLINES, protocolContent, RISK_LEVELS, STAGES, type RiskLevel } from '../../domain/protocol/content.ts';
import { FieldError, useSubmit } from '../forms.tsx';
import { Link } from '../link.tsx';
import { navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { Checkbox, Input, SelectField, TextArea } from './fields.tsx';
import { RISK_LABELS } from './labels.ts';
import { ContactMethodsEditor, ExpectedContactsEditor, RisksEditor, RoutinesEditor } from './protocol-editor-lists.tsx';
import { contentFrom, draftFrom, fieldId, problemsOf, type Draft } from './protocol-draft.ts';
import type { PersonRecord } from './types.ts';
import './people.css';

/** Writes a new version of a person's No Response Protocol; every problem is shown beside its field. */
export function ProtocolEditorPage({ id }: { id: string }) {
  const record = useLoad(() => api<PersonRecord>('GET', `/api/people/${id}`), id);
  if (record.error) return <p role="alert">{record.error.status === 404 ? 'This person is not in your services.' : record.error.message}</p>;
  if (!record.data) return <p>Loading…</p>;
  return <Editor record={record.data} />;
}

function Editor({ record }: { record: PersonRecord }) {
  const current = record.protocol ? protocolContent.safeParse(record.protocol.content) : null;
  const [draft, setDraftState] = useState<Draft>(() => draftFrom(current?.success ? current.data : null));
  const [reason, setReason] = useState('');
  const [shown, setShown] = useState<Record<string, string>>({});
  const { busy, error, run } = useSubmit();
  const setDraft = (f: (d: Draft) => Draft) => setDraftState(f);
  const id = record.person.id;
  const baseVersion = record.protocol?.version ?? 0;
  // Problems are shown once the user has tried to save, then kept up to date as they type.
  const err = (field: string) => (Object.keys(shown).length ? problemsOf(draft)[field] : undefined)
    ?? (error?.field === field ? error.message.replace(/^[\w.]+: /, '') : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problems = problemsOf(draft);
    if (!reason.trim()) problems.reason = 'Say why the protocol is changing';
    setShown(problems);
    if (Object.keys(problems).length) {
      document.getElementById('protocol-problems')?.focus();
      return;
    }
    const ok = await run(async () => {
      await api('POST', `/api/people/${id}/protocol`, { baseVersion, content: contentFrom(draft), reason });
    });
    if (ok) navigate(`/people/${id}?saved=1`);
  }
  const problems = Object.keys(shown).length ? { ...problemsOf(draft), ...(reason.trim() ? {} : { reason: 'Say why the protocol is changing' }) } : {};
  const serverProblem = error && error.field ? { [error.field]: error.message } : {};
  const all = { ...problems, ...serverProblem };
  const defaults = DEFAULT_STAGE_DEADLINES[(draft.overrideLevel || draft.assessedLevel) as RiskLevel] ?? DEFAULT_STAGE_DEADLINES.medium;
  const set = <K extends keyof Draft>(k: K) => (v: Draft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const riskOptions = RISK_LEVELS.map((r) => ({ value: r, label: RISK_LABELS[r] }));

  return (
    <>
      <p><Link className="nhsuk-link" href={`/people/${id}`}>{record.person.displayName}</Link></p>
      <h1>{record.protocol ? `Edit protocol (now version ${record.protocol.version})` : 'Write protocol'}: {record.person.displayName}</h1>
      <p>Saving makes version {baseVersion + 1}. Earlier versions are kept and can be compared.</p>
      {(Object.keys(all).length > 0 || (error && !error.field)) && (
        <div className="nhsuk-error-summary" role="alert" tabIndex={-1} id="protocol-problems" aria-labelledby="protocol-problems-title">
          <h2 className="nhsuk-error-summary__title" id="protocol-problems-title">There is a problem</h2>
          <ul className="nhsuk-list nhsuk-error-summary__list">
            {Object.entries(all).map(([field, message]) => <li key={field}><a href={`#${field === 'reason' ? 'protocol-reason' : fieldId(field)}`}>{message}</a></li>)}
            {error && !error.field && <li>{error instanceof ApiError ? error.message : String(error)}</li>}
          </ul>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Risk level</legend>
          <SelectField id={fieldId('content.risk.assessedLevel')} label="Assessed risk level" value={draft.assessedLevel} onChange={set('assessedLevel')} options={riskOptions} error={err('content.risk.assessedLevel')} />
          <TextArea id={fieldId('content.risk.factors')} label="Factors behind it" hint="One per line" value={draft.factors} onChange={set('factors')} error={err('content.risk.factors')} />
          <SelectField id={fieldId('content.risk.overrideLevel')} label="Professional-judgement override (optional)" value={draft.overrideLevel} onChange={set('overrideLevel')} placeholder="No override" options={riskOptions} error={err('content.risk.overrideLevel')} />
          {draft.overrideLevel && <TextArea id={fieldId('content.risk.overrideReason')} label="Reason for the override" value={draft.overrideReason} onChange={set('overrideReason')} error={err('content.risk.overrideReason')} rows={2} />}
        </fieldset>
        <ExpectedContactsEditor draft={draft} setDraft={setDraft} err={err} />
        <ContactMethodsEditor draft={draft} setDraft={setDraft} err={err} />
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">Stage deadlines</legend>
          <p>Default for this risk level: {STAGES.slice(0, 4).map((s) => `stage ${s.number} ${defaults[s.number as 1 | 2 | 3 | 4]} min`).join(', ')}.</p>
          <Checkbox id="pe-custom-deadlines" label="Set different deadlines for this person" checked={draft.customDeadlines} onChange={set('customDeadlines')} />
          {draft.customDeadlines && (['1', '2', '3', '4'] as const).map((n) => (
            <Input key={n} id={fieldId(`content.stageDeadlines.${n}`)} label={`Stage ${n}: ${STAGES[Number(n) - 1].label} (minutes)`} value={draft.deadlines[n]}
              onChange={(v) => setDraft((d) => ({ ...d, deadlines: { ...d.deadlines, [n]: v } }))} error={err(`content.stageDeadlines.${n}`)} width={3} inputMode="numeric" />
          ))}
        </fieldset>
        <RoutinesEditor draft={draft} setDraft={setDraft} err={err} />
        <RisksEditor draft={draft} setDraft={setDraft} err={err} />
        <fieldset className="nhsuk-fieldset">
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">The person’s involvement</legend>
          <TextArea id={fieldId('content.involvement.howInvolved')} label="How they took part" value={draft.howInvolved} onChange={set('howInvolved')} error={err('content.involvement.howInvolved')} />
          <TextArea id={fieldId('content.involvement.wishes')} label="Their wishes" value={draft.wishes} onChange={set('wishes')} error={err('content.involvement.wishes')} />
          <Checkbox id={fieldId('content.involvement.wishesNoResponse')} label="They ask for no response" checked={draft.wishesNoResponse} onChange={set('wishesNoResponse')} />
          {draft.wishesNoResponse && <TextArea id={fieldId('content.involvement.dutyThatRemains')} label="The duty of care that remains" value={draft.dutyThatRemains} onChange={set('dutyThatRemains')} error={err('content.involvement.dutyThatRemains')} />}
        </fieldset>
        <Input id={fieldId('content.nextReviewDate')} label="Next review date" hint="For example 01/05/2027" value={draft.nextReviewDate} onChange={set('nextReviewDate')} error={err('content.nextReviewDate')} width={10} />
        <div className={`nhsuk-form-group${all.reason ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor="protocol-reason">Why is the protocol changing?</label>
          <div className="nhsuk-hint" id="protocol-reason-hint">Kept in the history beside your name.</div>
          <FieldError id="protocol-reason" message={all.reason} />
          <textarea className="nhsuk-textarea" id="protocol-reason" rows={2} value={reason} aria-describedby="protocol-reason-hint" onChange={(e) => setReason(e.target.value)} />
        </div>
        <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Saving…' : `Save as version ${baseVersion + 1}`}</button>
      </form>
    </>
  );
}
