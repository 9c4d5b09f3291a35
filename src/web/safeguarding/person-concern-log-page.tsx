import './safeguarding.css';
import { api, formatDateTime } from '../api.ts';
import { Link } from '../link.tsx';
import { useLoad } from '../use-load.ts';
import { OUTCOME_WORDS, STATUS_WORDS } from './labels.ts';
import type { ConcernSummary } from './types.ts';

type Log = {
  person: { id: string; name: string };
  accumulation: { count: number; windowDays: number; lowerLevelInWindow: number; isThresholdReached: boolean };
  concerns: (ConcernSummary & { isLowerLevel: boolean; isInWindow: boolean })[];
};

/**
 * A person's lower-level concern log for the safeguarding lead: every concern about them, which
 * ones count towards the accumulation window, and whether the organisation's count is reached
 * (thresholds guidance: "a number of low-level incidents").
 */
export function PersonConcernLogPage({ id }: { id: string }) {
  const log = useLoad(() => api<Log>('GET', `/api/safeguarding/people/${id}/concerns`), id);
  if (log.error) return <p role="alert">{log.error.status === 404 ? 'Person not found.' : log.error.message}</p>;
  if (!log.data) return <p>Loading…</p>;
  const { person, accumulation: a, concerns } = log.data;
  return (
    <div className="wc-safeguarding">
      <p><Link className="nhsuk-link" href="/safeguarding">Safeguarding concerns</Link></p>
      <h1>Concern log: {person.name}</h1>
      <div className={a.isThresholdReached ? 'nhsuk-warning-callout' : 'nhsuk-inset-text'} data-testid="accumulation-summary">
        <p>
          <strong>{a.lowerLevelInWindow} lower-level concern{a.lowerLevelInWindow === 1 ? '' : 's'}</strong> in the last {a.windowDays} days
          (the organisation asks for reconsideration at {a.count}).
          {a.isThresholdReached ? ' Consider whether together they now meet the threshold for a section 42 enquiry.' : ' Below the reconsideration count.'}
        </p>
      </div>
      <p><Link className="nhsuk-link" href={`/safeguarding/raise?personId=${person.id}`}>Raise a concern about {person.name}</Link></p>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">All concerns about {person.name}, newest first</caption>
        <thead className="nhsuk-table__head">
          <tr><th scope="col">Raised</th><th scope="col">Suggestion</th><th scope="col">Status</th><th scope="col">Lower-level</th><th scope="col">In the window</th></tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {concerns.map((c) => (
            <tr key={c.id}>
              <td><Link className="nhsuk-link" href={`/safeguarding/concerns/${c.id}`}>{formatDateTime(c.raisedAt)}</Link></td>
              <td>{OUTCOME_WORDS[c.suggestedOutcome]}</td>
              <td>{STATUS_WORDS[c.status]}</td>
              <td>{c.isLowerLevel ? 'Yes' : 'No'}</td>
              <td>{c.isInWindow ? 'Yes — counts' : 'No'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
