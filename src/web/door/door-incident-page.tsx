import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { tap } from '../incidents/tap.ts';
import { OBSERVATION_LABELS, type Detail, type Snapshot } from '../incidents/types.ts';
import { useLive } from '../incidents/live.ts';
import { Link } from '../link.tsx';
import { useLoad } from '../use-load.ts';
import { EmergencyButton } from './emergency-button.tsx';
import './door.css';

const METHOD_LABELS: Record<string, string> = { phone_call: 'Call', text_message: 'Text', door_knock: 'Knock', intercom: 'Intercom', telecare_call: 'Telecare call', video_call: 'Video call', email: 'Email', letter: 'Letter' };

/**
 * The guided "No answer" steps (no-response policy §20.1): look and listen, try to reach them,
 * tell on call. Large buttons, few words; every tap is idempotent; Emergency stays on top.
 */
export function DoorIncidentPage({ id }: { id: string }) {
  const detail = useLoad(() => api<Detail>('GET', `/api/incidents/${id}`), id);
  useLive(detail.reload);
  const [checks, setChecks] = useState<Record<string, string>>({});
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (fn: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError('');
    try {
      await fn();
      setMessage(done);
      detail.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not reach Wellcheck. Try again.');
    } finally {
      setBusy(false);
    }
  };
  if (detail.error) return <p role="alert">{detail.error.message}</p>;
  const d = detail.data;
  if (!d) return <p>Loading…</p>;
  const inc = d.incident;
  const made = d.attempts.length;
  const methods = d.protocol?.contactMethods ?? [{ method: 'phone_call', detail: '', attempts: 1, spacingMinutes: 0 }];
  const reached = d.attempts.some((a) => a.outcome === 'reached');
  return (
    <div className="wc-door">
      <EmergencyButton incidentId={inc.id} personName={inc.personName} onDone={detail.reload} />
      <h1>No answer: {inc.personName}</h1>
      <p className="wc-door__address">{d.person.address}</p>
      <p className="wc-door__stage">Stage {inc.stage} of 5: {inc.stageLabel}{inc.status === 'closed' ? ' (closed)' : ''}</p>
      {message && <p className="wc-door__ok" role="status">✓ {message}</p>}
      {error && <p className="nhsuk-error-message" role="alert">{error}</p>}
      {d.protocol && d.protocol.specificRisks.length > 0 && (
        <div className="wc-door__risks"><h2>Look out for</h2><ul>{d.protocol.specificRisks.map((r) => <li key={r.risk}><strong>{r.risk}:</strong> {r.lookFor}</li>)}</ul></div>
      )}

      <section aria-labelledby="checks-h">
        <h2 id="checks-h">1. Look and listen {d.observations.length > 0 && <span className="wc-done">(done)</span>}</h2>
        <p>Do not force entry.</p>
        {OBSERVATION_LABELS.map(([key, label]) => (
          <fieldset key={key} className="wc-obs">
            <legend className="wc-obs__legend">{label}</legend>
            {[['yes', 'Yes'], ['no', 'No'], ['unsure', 'Not sure']].map(([value, text]) => (
              <label key={value} className={`wc-obs__choice${checks[key] === value ? ' wc-obs__choice--on' : ''}`}>
                <input type="radio" name={`obs-${key}`} value={value} checked={checks[key] === value} onChange={() => setChecks({ ...checks, [key]: value })} />
                {text}
              </label>
            ))}
          </fieldset>
        ))}
        <button type="button" className="wc-big-button" disabled={busy || Object.keys(checks).length === 0}
          onClick={() => send(() => tap('POST', `/api/incidents/${inc.id}/observations`, { items: checks }), 'Checks saved')}>
          Save checks
        </button>
      </section>

      <section aria-labelledby="calls-h">
        <h2 id="calls-h">2. Try to reach them <span className="wc-count">({made} of {d.requiredAttempts} tries)</span></h2>
        {d.person.communicationNeeds && <p>{d.person.communicationNeeds}</p>}
        {methods.map((m) => (
          <div key={`${m.method}-${m.detail}`} className="wc-try">
            <p className="wc-try__what">{METHOD_LABELS[m.method] ?? m.method} {m.detail} {m.attempts > 1 ? `(${m.attempts} times)` : ''}{m.adjustments ? ` — ${m.adjustments}` : ''}</p>
            <button type="button" className="wc-big-button" disabled={busy}
              onClick={() => send(() => tap('POST', `/api/incidents/${inc.id}/contact-attempts`, { method: m.method, target: m.detail, outcome: 'no_answer' }), `${METHOD_LABELS[m.method] ?? 'Try'}: no answer`)}>
              {METHOD_LABELS[m.method] ?? 'Try'}: no answer
            </button>
            <button type="button" className="wc-big-button wc-big-button--secondary" disabled={busy}
              onClick={() => send(() => tap('POST', `/api/incidents/${inc.id}/contact-attempts`, { method: m.method, target: m.detail, outcome: 'reached' }), 'They answered')}>
              {METHOD_LABELS[m.method] ?? 'Try'}: they answered
            </button>
          </div>
        ))}
      </section>

      {reached && inc.status === 'open' && inc.stage < 3 && (
        <section aria-labelledby="safe-h">
          <h2 id="safe-h">They answered</h2>
          <button type="button" className="wc-big-button" disabled={busy}
            onClick={() => send(() => tap('POST', `/api/incidents/${inc.id}/close`, { outcome: 'safe_and_well', rationale: 'Answered a contact attempt and said they are safe and well.' }), 'Closed: safe and well')}>
            Safe and well: close
          </button>
        </section>
      )}

      <section aria-labelledby="tell-h">
        <h2 id="tell-h">3. Tell on call</h2>
        {inc.stage < 3 && inc.status === 'open' ? (
          <button type="button" className="wc-big-button" disabled={busy}
            onClick={() => send(() => escalateTo3(inc.id, inc.version, inc.stage, made), 'On call has been told')}>
            Tell on call now
          </button>
        ) : (
          <p>{inc.acknowledgedBy ? `${inc.acknowledgedBy} has it in hand.` : 'On call has been alerted and must acknowledge.'}</p>
        )}
      </section>
      <p><Link href="/door">Back to today’s visits</Link></p>
    </div>
  );
}

/** Escalates step by step to internal escalation (each step compare-and-set on the version seen). */
async function escalateTo3(id: string, version: number, stage: number, attempts: number) {
  let v = version;
  for (let s = stage; s < 3; s++) {
    const r = await tap<Snapshot>('POST', `/api/incidents/${id}/escalate`, { version: v, reason: `No answer at the door after checks and ${attempts} contact attempt(s)` });
    v = r.version;
  }
}
