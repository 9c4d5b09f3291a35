import { api } from '../api.ts';
import { Notice } from '../forms.tsx';
import { Link } from '../link.tsx';
import { queryParam } from '../router.ts';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { AbsencesSection } from './absences-section.tsx';
import { ContactsSection } from './contacts-section.tsx';
import { DevicesSection } from './devices-section.tsx';
import { HistorySection } from './history-section.tsx';
import { COMMUNICATION_LABELS, REVIEW_REASON_LABELS, RISK_LABELS, SUPPORT_TYPE_LABELS, ukDate } from './labels.ts';
import { ProtocolView } from './protocol-view.tsx';
import type { PersonRecord } from './types.ts';
import './people.css';

/** A person's record: summary, protocol, contacts, devices, absences and history. */
export function PersonPage({ id }: { id: string }) {
  const { me } = useSession();
  const { data, error, reload } = useLoad(() => api<PersonRecord>('GET', `/api/people/${id}`), id);
  if (error) return <p role="alert">{error.status === 404 ? 'This person is not in your services.' : error.message}</p>;
  if (!data) return <p>Loading…</p>;
  const p = data.person;
  const canWrite = canDo(me, 'person.write');
  const canProtocol = canDo(me, 'protocol.write');
  const summary: [string, string][] = [
    ['Service', p.serviceName],
    ['Date of birth', ukDate(p.dateOfBirth) || 'Not recorded'],
    ['NHS number', p.nhsNumber ? `${p.nhsNumber.slice(0, 3)} ${p.nhsNumber.slice(3, 6)} ${p.nhsNumber.slice(6)}` : 'Not recorded'],
    ['Address', [p.address, p.postcode].filter(Boolean).join('\n') || 'Not recorded'],
    ['Support', p.supportTypes.map((s) => SUPPORT_TYPE_LABELS[s]).join(', ') || 'Not recorded'],
    ['Communication', [p.communicationCategories.map((c) => COMMUNICATION_LABELS[c]).join(', '), p.communicationNeeds].filter(Boolean).join('\n') || 'None recorded'],
    ['Health conditions', p.healthConditions || 'None recorded'],
    ['Medication-critical', p.isMedicationCritical ? `Yes: ${p.medicationCriticalDetail ?? ''}` : 'No'],
    ['Falls risk', RISK_LABELS[p.fallsRisk]],
    ['Self-neglect risk', RISK_LABELS[p.selfNeglectRisk]],
    ['History of disengagement', p.hasHistoryOfDisengagement ? `Yes${p.disengagementNote ? `: ${p.disengagementNote}` : ''}` : 'No'],
    ['Cultural and religious routines', p.culturalRoutines || 'None recorded'],
    ['GP', p.gp || 'Not recorded'],
    ['Care coordinator', p.careCoordinatorName ?? 'None'],
    ['Housing provider', p.housingProvider || 'Not recorded'],
    ['Keys and access', p.accessArrangements || 'Not recorded'],
  ];
  return (
    <>
      <p><Link className="nhsuk-link" href="/people">People supported</Link></p>
      <h1>{p.displayName}</h1>
      {queryParam('added') && <Notice>{p.displayName} has been added. Now add their contacts and write their No Response Protocol.</Notice>}
      {queryParam('saved') && <Notice>Saved.</Notice>}
      {data.reviewFlags.length > 0 && (
        <div className="nhsuk-warning-callout">
          <h2 className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Protocol review due</span></h2>
          <ul>{data.reviewFlags.map((f) => <li key={f.id}>{REVIEW_REASON_LABELS[f.reason] ?? f.reason}{f.note ? ` — ${f.note}` : ''}</li>)}</ul>
        </div>
      )}
      <div className="wc-actions">
        {canWrite && <Link className="nhsuk-button nhsuk-button--secondary" href={`/people/${id}/edit`}>Change details</Link>}
        <Link className="nhsuk-link" href={`/people/${id}/schedule`}>Schedule</Link>
      </div>
      <h2>Summary</h2>
      <dl className="wc-summary-list">
        {summary.map(([k, v]) => <div key={k} style={{ display: 'contents' }}><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>

      <h2>No Response Protocol</h2>
      {data.protocol ? (
        <>
          <p>Version {data.protocol.version}. {data.versions[0] && `Written by ${data.versions[0].createdByName ?? 'Wellcheck'}: ${data.versions[0].reason}`}</p>
          <div className="wc-actions">
            {canProtocol && <Link className="nhsuk-button" href={`/people/${id}/protocol`}>Edit protocol</Link>}
            <a className="nhsuk-link" href={`/api/people/${id}/easy-read`} target="_blank" rel="noreferrer">Easy-read version (printable)</a>
            <a className="nhsuk-link" href={`/api/people/${id}/easy-read.pdf`}>Easy-read PDF</a>
          </div>
          <ProtocolView content={data.protocol.content} />
        </>
      ) : (
        <>
          <p>No protocol yet. Every person needs one (no-response policy §10).</p>
          {canProtocol && <Link className="nhsuk-button" href={`/people/${id}/protocol`}>Write protocol</Link>}
        </>
      )}

      <ContactsSection personId={id} contacts={data.contacts} canWrite={canWrite} onChanged={reload} />
      <DevicesSection personId={id} devices={data.devices} canWrite={canWrite} onChanged={reload} />
      <AbsencesSection personId={id} absences={data.absences} canWrite={canWrite} onChanged={reload} />
      <HistorySection personId={id} versions={data.versions} />
    </>
  );
}
