import { formatDate, formatDateTime } from '../api.ts';
import { Link } from '../link.tsx';
import { OUTCOME_LABELS, type Detail } from './types.ts';

const ABSENCE_LABELS: Record<string, string> = { hospital_admission: 'Hospital admission', holiday: 'Holiday', respite: 'Respite', staying_with_family: 'Staying with family', other: 'Away' };

/**
 * What management must review at internal escalation (no-response policy §20.1): the person's
 * protocol, risks, known routines (those covering this time first), recent changes, hospital
 * admissions, holidays, and earlier non-response with how each ended.
 */
export function IncidentContext({ d }: { d: Detail }) {
  const m = d.management;
  return (
    <div className="wc-context">
      <h2>{d.person.name}</h2>
      <p>{d.person.address}</p>
      {d.person.isMedicationCritical && <p className="wc-flag"><strong>Time-critical medication:</strong> {d.person.medicationCriticalDetail}</p>}
      {d.person.healthConditions && <p><strong>Health:</strong> {d.person.healthConditions}</p>}
      {d.person.accessArrangements && <p><strong>Access:</strong> {d.person.accessArrangements}</p>}
      {d.protocol && (
        <>
          <h3>Protocol</h3>
          <p><strong>Risk:</strong> {d.protocol.risk.overrideLevel ?? d.protocol.risk.assessedLevel}{d.protocol.risk.factors.length ? ` — ${d.protocol.risk.factors.join('; ')}` : ''}</p>
          {d.protocol.specificRisks.length > 0 && <ul>{d.protocol.specificRisks.map((r) => <li key={r.risk}><strong>{r.risk}:</strong> look for {r.lookFor}</li>)}</ul>}
          <p><strong>Their wishes:</strong> {d.protocol.involvement.wishes || '—'}</p>
        </>
      )}
      <h3>Known routines</h3>
      {m.knownRoutines.length === 0 ? <p>None recorded.</p> : (
        <ul>{m.knownRoutines.map((r, i) => <li key={i}>{r.coversThisTime && <strong>Covers this time: </strong>}{r.days.join(', ')} {r.from}–{r.to}: {r.place}</li>)}</ul>
      )}
      <h3>Hospital admissions, holidays and other absences</h3>
      {m.absences.length === 0 ? <p>None in the last 90 days.</p> : (
        <ul>{m.absences.map((a, i) => <li key={i}>{ABSENCE_LABELS[a.kind] ?? a.kind} from {formatDate(a.startsAt)}{a.endedAt ? ` to ${formatDate(a.endedAt)}` : a.expectedEndAt ? `, expected back ${formatDate(a.expectedEndAt)}` : ''}{a.isCurrent ? ' (now)' : ''}{a.note ? ` — ${a.note}` : ''}</li>)}</ul>
      )}
      <h3>Recent changes</h3>
      {m.recentChanges.length === 0 ? <p>None in the last 30 days.</p> : (
        <ul>{m.recentChanges.map((c, i) => <li key={i}>{formatDateTime(c.at)}: {c.type.replace(/[._]/g, ' ')}{c.reason ? ` — ${c.reason}` : ''}</li>)}</ul>
      )}
      <h3>Earlier non-response</h3>
      {m.earlierIncidents.length === 0 ? <p>None before.</p> : (
        <ul>{m.earlierIncidents.map((e) => <li key={e.id}><Link href={`/incidents/${e.id}`}>{formatDateTime(e.openedAt)}</Link>: {e.status === 'open' ? 'still open' : OUTCOME_LABELS[e.outcome ?? ''] ?? e.outcome}{e.rationale ? ` — ${e.rationale}` : ''}</li>)}</ul>
      )}
    </div>
  );
}
