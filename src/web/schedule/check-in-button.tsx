import { useId, useState } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, FieldError, errorFor, useSubmit } from '../forms.tsx';

/**
 * "They responded" for one person (and one contact, when given): one large button, and a
 * second path for "responded, but with concern" that needs the reason. A retried tap carries
 * the same Idempotency-Key, so it is recorded once.
 */
export function CheckInButton({ personId, personName, scheduledContactId, onDone }: {
  personId: string; personName: string; scheduledContactId?: string | null; onDone: (message: string) => void;
}) {
  const id = useId().replace(/:/g, '');
  const [concernOpen, setConcernOpen] = useState(false);
  const [concern, setConcern] = useState('');
  const [key, setKey] = useState(() => crypto.randomUUID());
  const { busy, error, run } = useSubmit();
  const send = (outcome: 'responded' | 'responded_with_concern') =>
    run(async () => {
      const body = { personId, source: 'staff', outcome, scheduledContactId: scheduledContactId ?? null, ...(outcome === 'responded_with_concern' ? { concern } : {}) };
      const res = await api<{ incidentOpened: boolean; isLate: boolean }>('POST', '/api/check-ins', body, { 'Idempotency-Key': key });
      setKey(crypto.randomUUID());
      setConcernOpen(false);
      setConcern('');
      onDone(res.incidentOpened ? `${personName}: responded with concern — an incident is open` : res.isLate ? `${personName}: response recorded on the open incident` : `${personName}: response recorded`);
    });
  const concernError = errorFor(error, 'concern');
  return (
    <div className="wc-checkin">
      <ErrorSummary error={error} fieldIds={{ concern: `${id}-concern` }} />
      <button type="button" className="nhsuk-button wc-checkin__main" disabled={busy} onClick={() => send('responded')} aria-label={`Responded: ${personName}`}>
        Responded
      </button>{' '}
      <button type="button" className="nhsuk-button nhsuk-button--secondary" aria-expanded={concernOpen} disabled={busy} onClick={() => setConcernOpen((o) => !o)}
        aria-label={`Responded, but with concern: ${personName}`}>
        Responded, but with concern
      </button>
      {concernOpen && (
        <div className={`nhsuk-form-group${concernError ? ' nhsuk-form-group--error' : ''}`}>
          <label className="nhsuk-label" htmlFor={`${id}-concern`}>What gave you concern? (required)</label>
          <FieldError id={`${id}-concern`} message={concernError} />
          <textarea className="nhsuk-textarea" id={`${id}-concern`} rows={3} value={concern} onChange={(e) => setConcern(e.target.value)}
            aria-describedby={concernError ? `${id}-concern-error` : undefined} />
          <button type="button" className="nhsuk-button nhsuk-button--warning" disabled={busy} onClick={() => send('responded_with_concern')}>
            Record concern and open an incident
          </button>
        </div>
      )}
    </div>
  );
}
