import { useState } from 'react';
import { api, formatDateTime } from '../api.ts';
import { Notice } from '../forms.tsx';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { CheckInButton } from './check-in-button.tsx';
import { ContactTable } from './contact-table.tsx';
import type { ContactView } from './schedule-types.ts';
import './schedule.css';

type Schedule = {
  person: { id: string; name: string; isMedicationCritical: boolean };
  protocolVersion: number | null;
  contacts: ContactView[];
  absences: { id: string; kind: string; reason: string; suspendsUntil: string | null; isCurrent: boolean; endedAt: string | null }[];
};

/** A person's schedule: recent and next contacts, known absences, suspensions with their reason. */
export function PersonSchedulePage({ id }: { id: string }) {
  const { me } = useSession();
  const { data, error, reload } = useLoad(() => api<Schedule>('GET', `/api/people/${id}/schedule`), id);
  const [notice, setNotice] = useState('');
  if (error) return <p role="alert">{error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const canCheckIn = Boolean(me?.actions.includes('checkin.record'));
  const done = (m: string) => {
    setNotice(m);
    reload();
  };
  return (
    <>
      <h1>Schedule: {data.person.name}</h1>
      {data.person.isMedicationCritical && <p><strong>Medication-critical:</strong> a missed medication contact goes straight to internal escalation.</p>}
      <p>Protocol version {data.protocolVersion ?? 'none yet'}.</p>
      {notice && <Notice>{notice}</Notice>}
      {canCheckIn && (
        <section aria-labelledby="wc-checkin-now">
          <h2 id="wc-checkin-now">Check in now</h2>
          <CheckInButton personId={data.person.id} personName={data.person.name} onDone={done} />
        </section>
      )}
      <h2>Known absences</h2>
      {data.absences.length === 0 ? <p>None recorded.</p> : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {data.absences.map((a) => (
            <li key={a.id}>
              {a.reason}{a.isCurrent ? ' — contacts are suspended now' : ''}
              {a.suspendsUntil && !a.endedAt && `; contacts resume ${formatDateTime(a.suspendsUntil)} unless it is updated`}
            </li>
          ))}
        </ul>
      )}
      <h2>Contacts</h2>
      <ContactTable contacts={data.contacts} showPerson={false} canCheckIn={canCheckIn} onCheckedIn={done} />
    </>
  );
}
