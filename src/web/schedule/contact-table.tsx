import { formatDateTime } from '../api.ts';
import { Link } from '../link.tsx';
import { CheckInButton } from './check-in-button.tsx';
import { STATUS_LABELS, type ContactView } from './schedule-types.ts';

/** Contacts with their state in words; missed ones link to their incident. */
export function ContactTable({ contacts, showPerson, canCheckIn, onCheckedIn }: {
  contacts: ContactView[]; showPerson: boolean; canCheckIn: boolean; onCheckedIn: (message: string) => void;
}) {
  if (contacts.length === 0) return <p>No contacts.</p>;
  return (
    <table className="nhsuk-table wc-contacts">
      <caption className="nhsuk-u-visually-hidden">Contacts and their state</caption>
      <thead className="nhsuk-table__head">
        <tr>
          {showPerson && <th scope="col">Person</th>}
          <th scope="col">Contact</th>
          <th scope="col">Window closes</th>
          <th scope="col">State</th>
          {canCheckIn && <th scope="col">Check in</th>}
        </tr>
      </thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={`${c.personId}-${c.contactKey}-${c.dueAt}`}>
            {showPerson && <td><Link href={`/people/${c.personId}/schedule`}>{c.personName}</Link></td>}
            <td>{c.label}{c.carriesMedication && <strong className="wc-tag"> (medication)</strong>}</td>
            <td>{formatDateTime(c.windowClosesAt)}</td>
            <td>
              <span className={`wc-state wc-state--${c.status}`}>{STATUS_LABELS[c.status] ?? c.status}</span>
              {c.suspendedReason && <div className="nhsuk-hint">{c.suspendedReason}</div>}
              {c.incidentId && <div><Link href={`/incidents/${c.incidentId}`}>Open the incident</Link></div>}
            </td>
            {canCheckIn && (
              <td>{c.status === 'due' && c.id && <CheckInButton personId={c.personId} personName={c.personName} scheduledContactId={c.id} onDone={onCheckedIn} />}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
