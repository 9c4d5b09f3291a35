import './safeguarding.css';
import { api, formatDateTime } from '../api.ts';
import { Link } from '../link.tsx';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { OUTCOME_WORDS, STATUS_WORDS } from './labels.ts';
import type { ConcernSummary } from './types.ts';

/**
 * The safeguarding lead's queue: concerns awaiting a decision (oldest first, accumulation prompts
 * marked in words), referrals waiting for the local authority's outcome, and lower-level concerns
 * with open actions. Other staff see the concerns they raised or were given access to.
 */
export function ConcernQueuePage() {
  const { me } = useSession();
  const list = useLoad(() => api<ConcernSummary[]>('GET', '/api/concerns'));
  const isLead = canDo(me, 'concern.read_all');
  if (list.error) return <p role="alert">{list.error.message}</p>;
  if (!list.data) return <p>Loading concerns…</p>;
  const all = list.data;
  const awaiting = all.filter((c) => c.status === 'awaiting_decision').sort((a, b) => a.raisedAt.localeCompare(b.raisedAt));
  const referrals = all.filter((c) => c.status === 'referred' && !c.referralOutcome);
  const withActions = all.filter((c) => c.status === 'lower_level' && c.openActions > 0);
  const rest = all.filter((c) => !awaiting.includes(c) && !referrals.includes(c) && !withActions.includes(c));

  return (
    <div className="wc-safeguarding">
      <h1>{isLead ? 'Safeguarding concerns' : 'Concerns you raised or can see'}</h1>
      <p><Link className="nhsuk-button" href="/safeguarding/raise">Raise a concern</Link></p>
      <ConcernTable caption={`Awaiting decision (${awaiting.length})`} rows={awaiting} testId="queue-awaiting" />
      {isLead && <ConcernTable caption={`Referrals awaiting the local authority's outcome (${referrals.length})`} rows={referrals} testId="queue-referrals" />}
      {isLead && <ConcernTable caption={`Lower-level concerns with open actions (${withActions.length})`} rows={withActions} testId="queue-actions" />}
      <ConcernTable caption={`Other concerns (${rest.length})`} rows={rest} testId="queue-other" />
    </div>
  );
}

function ConcernTable({ caption, rows, testId }: { caption: string; rows: ConcernSummary[]; testId: string }) {
  return (
    <table className="nhsuk-table" data-testid={testId}>
      <caption className="nhsuk-table__caption">{caption}</caption>
      <thead className="nhsuk-table__head">
        <tr><th scope="col">Raised</th><th scope="col">About</th><th scope="col">Suggestion</th><th scope="col">Status</th><th scope="col">Raised by</th></tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {rows.length === 0 && <tr><td colSpan={5}>None.</td></tr>}
        {rows.map((c) => (
          <tr key={c.id}>
            <td><Link className="nhsuk-link" href={`/safeguarding/concerns/${c.id}`}>{formatDateTime(c.raisedAt)}</Link></td>
            <td>{c.people.map((p) => p.name).join(', ')}</td>
            <td>
              {OUTCOME_WORDS[c.suggestedOutcome] ?? c.suggestedOutcome}
              {c.hasAccumulationPrompt && <strong className="wc-flag"> · Reconsider: several lower-level concerns</strong>}
            </td>
            <td>{STATUS_WORDS[c.status] ?? c.status}{c.referralReference ? ` (ref. ${c.referralReference})` : ''}{c.openActions ? ` · ${c.openActions} open action(s)` : ''}</td>
            <td>{c.raisedBy.name}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
