import { formatDateTime } from '../api.ts';

export type RecordedEvent = {
  seq: number; id: string; at: string; actorKind: string; actorId: string | null; actorName: string | null;
  type: string; entityType: string; entityId: string | null; data: Record<string, unknown>; reason: string | null;
};
export type AccessEntry = { at: string; actorName: string | null; actorKind: string; entityType: string; entityId: string; purpose: string };

const who = (kind: string, name: string | null) => name ?? (kind === 'system' ? 'Wellcheck (automatic)' : kind === 'token' ? 'Integration' : 'Unknown');

/** Events newest first: number in the chain, time, who, what, and the reason when given. */
export function EventsTable({ events }: { events: RecordedEvent[] }) {
  if (events.length === 0) return <p>No events.</p>;
  return (
    <div className="wc-table-scroll">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Recent events, newest first</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">No.</th>
            <th scope="col" className="nhsuk-table__header">When</th>
            <th scope="col" className="nhsuk-table__header">Who</th>
            <th scope="col" className="nhsuk-table__header">What</th>
            <th scope="col" className="nhsuk-table__header">Details</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {events.map((e) => (
            <tr className="nhsuk-table__row" key={e.id}>
              <td className="nhsuk-table__cell">{e.seq}</td>
              <td className="nhsuk-table__cell">{formatDateTime(e.at)}</td>
              <td className="nhsuk-table__cell">{who(e.actorKind, e.actorName)}</td>
              <td className="nhsuk-table__cell"><code>{e.type}</code></td>
              <td className="nhsuk-table__cell wc-event-data">
                {summarise(e.data)}
                {e.reason && <><br />Reason: {e.reason}</>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A short, readable line from an event's data (values only, never nested dumps). */
function summarise(data: Record<string, unknown>): string {
  const parts = Object.entries(data)
    .filter(([, v]) => v !== null && v !== undefined && typeof v !== 'object')
    .map(([k, v]) => `${k}: ${String(v)}`);
  return parts.join('; ') || '—';
}

export function AccessLogTable({ entries }: { entries: AccessEntry[] }) {
  if (entries.length === 0) return <p>Nobody has opened a person’s record yet.</p>;
  return (
    <div className="wc-table-scroll">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Access log, newest first</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">When</th>
            <th scope="col" className="nhsuk-table__header">Who</th>
            <th scope="col" className="nhsuk-table__header">Record</th>
            <th scope="col" className="nhsuk-table__header">Purpose</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {entries.map((a, i) => (
            <tr className="nhsuk-table__row" key={`${a.at}:${i}`}>
              <td className="nhsuk-table__cell">{formatDateTime(a.at)}</td>
              <td className="nhsuk-table__cell">{who(a.actorKind, a.actorName)}</td>
              <td className="nhsuk-table__cell">{a.entityType} <code>{a.entityId.slice(0, 8)}</code></td>
              <td className="nhsuk-table__cell">{a.purpose}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
