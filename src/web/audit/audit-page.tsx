import { useState } from 'react';
import { api, formatDateTime } from '../api.ts';
import { useSubmit } from '../forms.tsx';
import { useLoad } from '../use-load.ts';
import { AccessLogTable, EventsTable, type AccessEntry, type RecordedEvent } from './audit-tables.tsx';
import './audit.css';

type Verify = { intact: boolean; events: number; brokenAt?: { seq: number; id: string; problem: string } };
const PAGE = 50;

/**
 * The record: check that the organisation's event chain is intact (every event hashes the one
 * before it, so an edited or missing row shows), browse recent events and the access log.
 */
export function AuditPage() {
  const [verify, setVerify] = useState<(Verify & { at: Date }) | null>(null);
  const checking = useSubmit();
  const [before, setBefore] = useState<number | undefined>(undefined);
  const events = useLoad(
    () => api<RecordedEvent[]>('GET', `/api/audit/events?limit=${PAGE}${before ? `&before=${before}` : ''}`),
    String(before ?? ''),
  );
  const access = useLoad(() => api<AccessEntry[]>('GET', '/api/audit/access-log?limit=50'));

  const runVerify = () =>
    checking.run(async () => {
      const r = await api<Verify>('GET', '/api/audit/verify');
      setVerify({ ...r, at: new Date() });
    });

  const oldest = events.data?.at(-1)?.seq;
  return (
    <>
      <h1>Audit</h1>
      <p>Every change in Wellcheck is written as an event that cannot be edited. Each event carries a fingerprint of the one before it, so any change made behind Wellcheck’s back shows up here.</p>

      <h2>Verify the record</h2>
      <button className="nhsuk-button" type="button" onClick={() => void runVerify()} disabled={checking.busy}>
        {checking.busy ? 'Checking…' : 'Verify the record'}
      </button>
      <div aria-live="polite">
        {checking.error && <p className="nhsuk-error-message">{checking.error.message}</p>}
        {verify && verify.intact && (
          <div className="wc-verify wc-verify--intact">
            <p><strong>Intact.</strong> All {verify.events} events were checked at {formatDateTime(verify.at)} and none has been changed or removed.</p>
          </div>
        )}
        {verify && !verify.intact && verify.brokenAt && (
          <div className="wc-verify wc-verify--broken">
            <p><strong>Broken.</strong> Event {verify.brokenAt.seq}{verify.brokenAt.id ? ` (${verify.brokenAt.id})` : ''}: {verify.brokenAt.problem}.</p>
            <p>The {verify.events} events before it are intact. Tell your data protection officer: the database was changed outside Wellcheck.</p>
          </div>
        )}
      </div>

      <h2>Recent events</h2>
      {events.error && <p className="nhsuk-error-message">{events.error.message}</p>}
      {events.data && <EventsTable events={events.data} />}
      <div className="wc-pager">
        {before !== undefined && (
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setBefore(undefined)}>Newest events</button>
        )}{' '}
        {events.data && events.data.length === PAGE && oldest !== undefined && (
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setBefore(oldest)}>Older events</button>
        )}
      </div>

      <h2>Access log</h2>
      <p>Who opened which person’s record, and why. Every read is recorded.</p>
      {access.error && <p className="nhsuk-error-message">{access.error.message}</p>}
      {access.data && <AccessLogTable entries={access.data} />}
    </>
  );
}
