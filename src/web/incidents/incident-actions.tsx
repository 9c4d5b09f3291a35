import { useId, useState, type ReactNode } from 'react';
import { ErrorSummary, FieldError, errorFor, useSubmit } from '../forms.tsx';
import { tap } from './tap.ts';
import { OUTCOME_LABELS, type Contact, type Detail } from './types.ts';

/** A labelled textarea with its error beside it. */
function Area({ id, label, value, onChange, error, hint }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint && <div className="nhsuk-hint" id={`${id}-hint`}>{hint}</div>}
      <FieldError id={id} message={error} />
      <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} id={id} rows={2} value={value} onChange={(e) => onChange(e.target.value)}
        aria-describedby={[hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined} />
    </div>
  );
}

function Panel({ title, children }: { title: string; children: ReactNode }) {
  return <section className="wc-action"><h3>{title}</h3>{children}</section>;
}

/** The on-call manager's actions on an open incident: acknowledge, decide, escalate, contact, refer, close. */
export function IncidentActions({ d, onDone }: { d: Detail; onDone: (message: string) => void }) {
  const uid = useId().replace(/:/g, '');
  const inc = d.incident;
  const url = `/api/incidents/${inc.id}`;
  const { busy, error, run } = useSubmit();
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState({ kind: 'no_further_action_until', summary: '', rationale: '' });
  const [agency, setAgency] = useState({ agency: 'adult_social_care', reference: '', note: '' });
  const [closure, setClosure] = useState({ outcome: '', rationale: '', whereaboutsConfirmedBy: '' });
  const ids = {
    reason: `${uid}-reason`, summary: `${uid}-summary`, rationale: `${uid}-rationale`, reference: `${uid}-reference`,
    outcome: `${uid}-outcome`, closeRationale: `${uid}-close-rationale`, whereaboutsConfirmedBy: `${uid}-whereabouts`,
  };
  const hasOpenAlert = d.alerts.some((a) => a.status === 'open');
  const act = (fn: () => Promise<unknown>, message: string, reset?: () => void) => run(async () => { await fn(); reset?.(); onDone(message); });
  return (
    <div className="wc-actions">
      <ErrorSummary error={error} fieldIds={{ reason: ids.reason, summary: ids.summary, rationale: ids.rationale, reference: ids.reference, outcome: ids.outcome, whereaboutsConfirmedBy: ids.whereaboutsConfirmedBy }} />
      {(hasOpenAlert || !inc.acknowledgedAt) && (
        <button type="button" className="nhsuk-button" disabled={busy} onClick={() => act(() => tap('POST', `${url}/acknowledge`), 'Acknowledged: repeats stopped')}>
          Acknowledge<span className="nhsuk-u-visually-hidden">: {inc.personName}</span>
        </button>
      )}
      {inc.stage < 5 && (
        <Panel title={`Escalate to stage ${inc.stage + 1}`}>
          <Area id={ids.reason} label="Why escalate now?" value={reason} onChange={setReason} error={errorFor(error, 'reason')} />
          <button type="button" className="nhsuk-button" disabled={busy}
            onClick={() => act(() => tap('POST', `${url}/escalate`, { version: inc.version, reason }), `Escalated to stage ${inc.stage + 1}`, () => setReason(''))}>
            Escalate to stage {inc.stage + 1}
          </button>
        </Panel>
      )}
      {inc.stage >= 3 && <WiderContacts d={d} onDone={onDone} />}
      <Panel title="Refer outside (stage 5)">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${uid}-agency`}>Who</label>
          <select className="nhsuk-select" id={`${uid}-agency`} value={agency.agency} onChange={(e) => setAgency({ ...agency, agency: e.target.value })}>
            <option value="adult_social_care">Adult social care</option><option value="emergency_duty_team">Emergency duty team</option>
            <option value="police">Police</option><option value="ambulance">Ambulance</option><option value="fire">Fire service</option><option value="other">Other</option>
          </select>
        </div>
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={ids.reference}>Reference number</label>
          <FieldError id={ids.reference} message={errorFor(error, 'reference')} />
          <input className="nhsuk-input nhsuk-input--width-20" id={ids.reference} value={agency.reference} onChange={(e) => setAgency({ ...agency, reference: e.target.value })} />
        </div>
        <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy}
          onClick={() => act(() => tap('POST', `${url}/external-escalations`, agency), 'Referral recorded', () => setAgency({ ...agency, reference: '', note: '' }))}>
          Record referral
        </button>
      </Panel>
      <Panel title="Record a decision">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor={`${uid}-kind`}>Decision</label>
          <select className="nhsuk-select" id={`${uid}-kind`} value={decision.kind} onChange={(e) => setDecision({ ...decision, kind: e.target.value })}>
            <option value="no_further_action_until">No further action until…</option><option value="continue_monitoring">Continue monitoring</option>
            <option value="welfare_visit_arranged">Welfare visit arranged</option><option value="other">Other</option>
          </select>
        </div>
        <Area id={ids.summary} label="What you decided" value={decision.summary} onChange={(v) => setDecision({ ...decision, summary: v })} error={errorFor(error, 'summary')} />
        <Area id={ids.rationale} label="Why" value={decision.rationale} onChange={(v) => setDecision({ ...decision, rationale: v })} error={errorFor(error, 'rationale')} />
        <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy}
          onClick={() => act(() => tap('POST', `${url}/decisions`, decision), 'Decision recorded', () => setDecision({ ...decision, summary: '', rationale: '' }))}>
          Record decision
        </button>
      </Panel>
      <Panel title="Close">
        <fieldset className={`nhsuk-fieldset nhsuk-form-group${errorFor(error, 'outcome') ? ' nhsuk-form-group--error' : ''}`} id={ids.outcome}>
          <legend className="nhsuk-fieldset__legend">Outcome</legend>
          <FieldError id={ids.outcome} message={errorFor(error, 'outcome')} />
          <div className="nhsuk-radios">
            {Object.entries(OUTCOME_LABELS).map(([k, label]) => (
              <div className="nhsuk-radios__item" key={k}>
                <input className="nhsuk-radios__input" id={`${uid}-o-${k}`} type="radio" name={`${uid}-outcome`} value={k} checked={closure.outcome === k} onChange={() => setClosure({ ...closure, outcome: k })} />
                <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${uid}-o-${k}`}>{label}</label>
              </div>
            ))}
          </div>
        </fieldset>
        {closure.outcome === 'not_at_home_whereabouts_confirmed' && (
          <div className={`nhsuk-form-group${errorFor(error, 'whereaboutsConfirmedBy') ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={ids.whereaboutsConfirmedBy}>Who confirmed where they are?</label>
            <FieldError id={ids.whereaboutsConfirmedBy} message={errorFor(error, 'whereaboutsConfirmedBy')} />
            <input className="nhsuk-input" id={ids.whereaboutsConfirmedBy} value={closure.whereaboutsConfirmedBy} onChange={(e) => setClosure({ ...closure, whereaboutsConfirmedBy: e.target.value })} />
          </div>
        )}
        <Area id={ids.closeRationale} label="Rationale" value={closure.rationale} onChange={(v) => setClosure({ ...closure, rationale: v })} error={errorFor(error, 'rationale')} />
        <button type="button" className="nhsuk-button" disabled={busy}
          onClick={() => act(() => tap('POST', `${url}/close`, { outcome: closure.outcome || undefined, rationale: closure.rationale, whereaboutsConfirmedBy: closure.whereaboutsConfirmedBy || undefined }), 'Incident closed')}>
          Close incident
        </button>
      </Panel>
    </div>
  );
}

/** Stage 4 contacts: those the person's consent and the stage allow are offered; anyone else needs the risk recorded (§14). */
function WiderContacts({ d, onDone }: { d: Detail; onDone: (message: string) => void }) {
  const uid = useId().replace(/:/g, '');
  const { busy, error, run } = useSubmit();
  const [chosen, setChosen] = useState<Contact | null>(null);
  const [shared, setShared] = useState('');
  const [risk, setRisk] = useState('');
  const offered = d.contacts.filter((c) => c.isOffered);
  const others = d.contacts.filter((c) => !c.isOffered);
  const send = () => run(async () => {
    await tap('POST', `/api/incidents/${d.incident.id}/wider-contacts`, { contactId: chosen!.id, informationShared: shared, riskReason: chosen!.isOffered ? null : risk });
    setChosen(null); setShared(''); setRisk('');
    onDone(`Contact with ${chosen!.name} recorded`);
  });
  return (
    <Panel title="Wider contacts (stage 4)">
      <ErrorSummary error={error} fieldIds={{ informationShared: `${uid}-shared`, riskReason: `${uid}-risk` }} />
      {offered.length === 0 && <p>No one the person agreed to can be contacted at this stage.</p>}
      <ul className="nhsuk-list">
        {offered.map((c) => (
          <li key={c.id}><button type="button" className="wc-link-button" onClick={() => setChosen(c)}>Contact {c.name}</button> ({c.relationship || c.kind.replace(/_/g, ' ')}{c.phone ? `, ${c.phone}` : ''})</li>
        ))}
      </ul>
      {others.length > 0 && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary"><span className="nhsuk-details__summary-text">Others (no consent, or a later stage)</span></summary>
          <div className="nhsuk-details__text"><ul className="nhsuk-list">
            {others.map((c) => <li key={c.id}><button type="button" className="wc-link-button" onClick={() => setChosen(c)}>{c.name}: contact only for significant and immediate risk</button> ({c.hasConsent ? `from stage ${c.contactableFromStage}` : 'has not consented'})</li>)}
          </ul></div>
        </details>
      )}
      {chosen && (
        <div className="wc-action__form">
          <p><strong>Contacting {chosen.name}</strong></p>
          {!chosen.isOffered && (
            <div className={`nhsuk-form-group${errorFor(error, 'riskReason') ? ' nhsuk-form-group--error' : ''}`}>
              <label className="nhsuk-label" htmlFor={`${uid}-risk`}>The significant and immediate risk, and why contacting {chosen.name} is necessary</label>
              <FieldError id={`${uid}-risk`} message={errorFor(error, 'riskReason')} />
              <textarea className="nhsuk-textarea" id={`${uid}-risk`} rows={2} value={risk} onChange={(e) => setRisk(e.target.value)} />
            </div>
          )}
          <div className={`nhsuk-form-group${errorFor(error, 'informationShared') ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label" htmlFor={`${uid}-shared`}>What you shared</label>
            <FieldError id={`${uid}-shared`} message={errorFor(error, 'informationShared')} />
            <textarea className="nhsuk-textarea" id={`${uid}-shared`} rows={2} value={shared} onChange={(e) => setShared(e.target.value)} />
          </div>
          <button type="button" className="nhsuk-button" disabled={busy} onClick={send}>Record contact with {chosen.name}</button>
        </div>
      )}
    </Panel>
  );
}
