import { api } from '../api.ts';
import { IncidentPanel } from '../incidents/incident-page.tsx';
import { useLive, useNow } from '../incidents/live.ts';
import { timeToDeadline, type BoardRow } from '../incidents/types.ts';
import { Link } from '../link.tsx';
import { queryParam } from '../router.ts';
import { useLoad } from '../use-load.ts';
import '../incidents/incidents.css';

/**
 * The on-call board: open incidents live (server-sent events), emergencies and overdue ones on
 * top, the time to each next deadline, who has acknowledged; the chosen incident beside it with
 * the person's protocol, risks, routines and history, and the actions.
 */
export function OnCallBoardPage() {
  const list = useLoad(() => api<BoardRow[]>('GET', '/api/incidents'));
  const { alert, isConnected } = useLive(list.reload);
  const now = useNow(5_000);
  const selected = queryParam('incident') ?? list.data?.[0]?.id;
  if (list.error) return <p role="alert">{list.error.message}</p>;
  return (
    <>
      <h1>On call</h1>
      <p className="wc-live" role="status">{isConnected ? 'Live: updates appear as they happen.' : 'Reconnecting…'}</p>
      {alert && <p className="wc-alert-banner" role="alert">{alert}</p>}
      {!list.data ? <p>Loading…</p> : list.data.length === 0 ? <p>No open incidents.</p> : (
        <div className="wc-board">
          <div className="wc-table-scroll">
            <table className="nhsuk-table" aria-label="Open incidents">
              <thead><tr><th scope="col">Person</th><th scope="col">Stage</th><th scope="col">Next deadline</th><th scope="col">Acknowledged</th></tr></thead>
              <tbody>
                {list.data.map((r) => (
                  <tr key={r.id} className={`${r.isOverdue ? 'wc-board__row--overdue' : ''} ${r.id === selected ? 'wc-board__row--selected' : ''}`} data-incident={r.id}>
                    <td><Link href={`/on-call?incident=${r.id}`} aria-current={r.id === selected ? 'true' : undefined}>{r.personName}</Link>
                      {r.isEmergency && <strong> — EMERGENCY</strong>}{r.isMedicationCritical && ' — medication'}</td>
                    <td>{r.stage}: {r.stageLabel}</td>
                    <td>{r.isOverdue ? <strong>{timeToDeadline(r.deadlineAt, now)}</strong> : timeToDeadline(r.deadlineAt, now)}</td>
                    <td>{r.acknowledgedBy ?? (r.hasOpenAlert ? `Waiting${r.alertHolder ? ` (${r.alertHolder})` : ''}` : 'No')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {selected && <div><IncidentPanel key={selected} id={selected} headingLevel={2} /></div>}
        </div>
      )}
    </>
  );
}
