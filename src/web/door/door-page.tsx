import { useState } from 'react';
import { api, ApiError } from '../api.ts';
import { tap } from '../incidents/tap.ts';
import { Link } from '../link.tsx';
import { navigate } from '../router.ts';
import { useLoad } from '../use-load.ts';
import { EmergencyButton } from './emergency-button.tsx';
import './door.css';

type Visit = {
  personId: string; name: string; address: string; isMedicationCritical: boolean; scheduledContactId: string | null; time: string | null;
  kind: string | null; status: string | null; openIncident: { id: string; stage: number; version: number } | null;
};

/** "At the door" for a support worker on a phone: today's visits, "No answer", Emergency. */
export function DoorPage() {
  const visits = useLoad(() => api<Visit[]>('GET', '/api/door/visits'));
  const [error, setError] = useState('');
  const noAnswer = async (v: Visit) => {
    setError('');
    try {
      const r = await tap<{ incidentId: string }>('POST', '/api/incidents', { personId: v.personId, scheduledContactId: v.scheduledContactId });
      navigate(`/door/incidents/${r.incidentId}`);
    } catch (err) {
      setError(err instanceof ApiError ? err.message : 'Could not reach Wellcheck. Try again; if anyone is in danger call 999.');
    }
  };
  if (visits.error) return <p role="alert">{visits.error.message}</p>;
  if (!visits.data) return <p>Loading…</p>;
  return (
    <div className="wc-door">
      <h1>At the door</h1>
      {error && <p className="nhsuk-error-message" role="alert">{error}</p>}
      {visits.data.length === 0 && <p>No visits for your services today.</p>}
      <ul className="wc-door__list">
        {visits.data.map((v) => (
          <li key={`${v.personId}-${v.scheduledContactId ?? 'none'}`} className="wc-door__card">
            <h2 className="wc-door__name">{v.time ? `${v.time} ` : ''}{v.name}</h2>
            <p className="wc-door__address">{v.address}{v.isMedicationCritical ? ' · Time-critical medication' : ''}</p>
            {v.openIncident ? (
              <Link className="wc-big-button" href={`/door/incidents/${v.openIncident.id}`}>Continue: no answer, stage {v.openIncident.stage}<span className="nhsuk-u-visually-hidden"> for {v.name}</span></Link>
            ) : (
              <button type="button" className="wc-big-button" onClick={() => noAnswer(v)}>No answer<span className="nhsuk-u-visually-hidden"> from {v.name}</span></button>
            )}
            <EmergencyButton personId={v.personId} personName={v.name} onDone={visits.reload} />
          </li>
        ))}
      </ul>
    </div>
  );
}
