import { useState } from 'react';
import { api, formatDate, formatDateTime } from '../api.ts';
import { ErrorSummary, Notice, useSubmit } from '../forms.tsx';
import { OUTCOME_LABELS } from '../incidents/types.ts';
import { Link } from '../link.tsx';
import { useLoad } from '../use-load.ts';

type Queue = {
  date: string;
  closedIncidents: { incidentId: string; personName: string; closedAt: string; outcome: string; rationale: string; stage: number; closedBy: string | null }[];
  outOfHoursDecisions: { decisionId: string; incidentId: string; personName: string; kind: string; summary: string; rationale: string; decidedAt: string; decidedBy: string | null; reviewDueOn: string }[];
};

/** The senior review queue (no-response policy §12, §20.5): closed incidents and out-of-hours decisions. */
export function ReviewQueuePage() {
  const queue = useLoad(() => api<Queue>('GET', '/api/review-queue'));
  const [notice, setNotice] = useState('');
  if (queue.error) return <p role="alert">{queue.error.message}</p>;
  const q = queue.data;
  if (!q) return <p>Loading…</p>;
  return (
    <>
      <h1>Review</h1>
      <p>For {formatDate(`${q.date}T12:00:00Z`)}</p>
      {notice && <Notice>{notice}</Notice>}
      <h2>Closed incidents awaiting review</h2>
      {q.closedIncidents.length === 0 ? <p>None.</p> : (
        <ul className="nhsuk-list">
          {q.closedIncidents.map((c) => (
            <li key={c.incidentId}><Link href={`/incidents/${c.incidentId}`}>Review: {c.personName}</Link> — closed {formatDateTime(c.closedAt)}{c.closedBy ? ` by ${c.closedBy}` : ''}: {OUTCOME_LABELS[c.outcome] ?? c.outcome}</li>
          ))}
        </ul>
      )}
      <h2>Out-of-hours decisions</h2>
      {q.outOfHoursDecisions.length === 0 ? <p>None due.</p> : (
        <ul className="nhsuk-list">
          {q.outOfHoursDecisions.map((d) => <DecisionItem key={d.decisionId} d={d} onDone={(m) => { setNotice(m); queue.reload(); }} />)}
        </ul>
      )}
    </>
  );
}

function DecisionItem({ d, onDone }: { d: Queue['outOfHoursDecisions'][number]; onDone: (m: string) => void }) {
  const [note, setNote] = useState('');
  const { busy, error, run } = useSubmit();
  const id = `note-${d.decisionId}`;
  return (
    <li className="wc-action">
      <p><Link href={`/incidents/${d.incidentId}`}>{d.personName}</Link>: <strong>{d.summary}</strong> — {d.decidedBy ?? 'someone'}, {formatDateTime(d.decidedAt)}</p>
      {d.rationale && <p>Why: {d.rationale}</p>}
      <ErrorSummary error={error} fieldIds={{ note: id }} />
      <div className="nhsuk-form-group">
        <label className="nhsuk-label" htmlFor={id}>Your review note</label>
        <input className="nhsuk-input" id={id} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="button" className="nhsuk-button nhsuk-button--secondary" disabled={busy}
        onClick={() => run(async () => { await api('POST', `/api/incident-decisions/${d.decisionId}/review`, { note }); onDone('Decision reviewed'); })}>
        Mark reviewed
      </button>
    </li>
  );
}
