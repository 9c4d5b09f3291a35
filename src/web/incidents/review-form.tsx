import { useId, useState } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, FieldError, errorFor, useSubmit } from '../forms.tsx';

/** The registered manager's review of a closed incident (no-response policy §20.5). */
export function ReviewForm({ incidentId, onDone }: { incidentId: string; onDone: (message: string) => void }) {
  const uid = useId().replace(/:/g, '');
  const { busy, error, run } = useSubmit();
  const [protocol, setProtocol] = useState<boolean | null>(null);
  const [protocolReason, setProtocolReason] = useState('');
  const [concern, setConcern] = useState<boolean | null>(null);
  const [concernReason, setConcernReason] = useState('');
  const [learning, setLearning] = useState('');
  const ids = { 'protocolReview.reason': `${uid}-pr`, 'safeguarding.reason': `${uid}-sg`, learning: `${uid}-learn`, protocolReview: `${uid}-pr-yes`, safeguarding: `${uid}-sg-yes` };
  const yesNo = (name: string, value: boolean | null, set: (v: boolean) => void, legend: string, first: string) => (
    <fieldset className="nhsuk-fieldset nhsuk-form-group">
      <legend className="nhsuk-fieldset__legend">{legend}</legend>
      <div className="nhsuk-radios nhsuk-radios--inline">
        {[true, false].map((v) => (
          <div className="nhsuk-radios__item" key={String(v)}>
            <input className="nhsuk-radios__input" id={v ? first : `${first}-no`} type="radio" name={`${uid}-${name}`} checked={value === v} onChange={() => set(v)} />
            <label className="nhsuk-label nhsuk-radios__label" htmlFor={v ? first : `${first}-no`}>{v ? 'Yes' : 'No'}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
  const area = (id: string, field: string, label: string, value: string, set: (v: string) => void) => (
    <div className={`nhsuk-form-group${errorFor(error, field) ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      <FieldError id={id} message={errorFor(error, field)} />
      <textarea className="nhsuk-textarea" id={id} rows={2} value={value} onChange={(e) => set(e.target.value)} aria-describedby={errorFor(error, field) ? `${id}-error` : undefined} />
    </div>
  );
  return (
    <section aria-labelledby={`${uid}-h`} className="wc-action">
      <h2 id={`${uid}-h`}>Management review</h2>
      <ErrorSummary error={error} fieldIds={ids} />
      {yesNo('protocol', protocol, setProtocol, 'Does the protocol need reviewing?', ids.protocolReview)}
      {area(ids['protocolReview.reason'], 'protocolReview.reason', 'Why (either way)', protocolReason, setProtocolReason)}
      {yesNo('concern', concern, setConcern, 'Raise a safeguarding concern?', ids.safeguarding)}
      {area(ids['safeguarding.reason'], 'safeguarding.reason', 'Reason (either way)', concernReason, setConcernReason)}
      {area(ids.learning, 'learning', 'Learning', learning, setLearning)}
      <button type="button" className="nhsuk-button" disabled={busy} onClick={() => run(async () => {
        await api('POST', `/api/incidents/${incidentId}/review`, {
          protocolReview: { isNeeded: protocol ?? undefined, reason: protocolReason },
          safeguarding: { raiseConcern: concern ?? undefined, reason: concernReason },
          learning,
        });
        onDone('Review completed');
      })}>Complete review</button>
    </section>
  );
}
