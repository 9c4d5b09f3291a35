import { useState } from 'react';
import { api, formatDateTime } from '../api.ts';
import { Notice } from '../forms.tsx';
import { useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { EmergencyButton } from '../door/emergency-button.tsx';
import { IncidentActions } from './incident-actions.tsx';
import { IncidentContext } from './incident-context.tsx';
import { IncidentTimeline } from './incident-timeline.tsx';
import { useLive, useNow } from './live.ts';
import { ReviewForm } from './review-form.tsx';
import { OUTCOME_LABELS, timeToDeadline, type Detail } from './types.ts';
import './incidents.css';

/** The incident summary, stages, actions and context — used by the incident page and the on-call board. */
export function IncidentPanel({ id, headingLevel = 1 }: { id: string; headingLevel?: 1 | 2 }) {
  const { me } = useSession();
  const detail = useLoad(() => api<Detail>('GET', `/api/incidents/${id}`), id);
  useLive(detail.reload);
  const now = useNow(15_000);
  const [notice, setNotice] = useState('');
  if (detail.error) return <p role="alert">{detail.error.message}</p>;
  const d = detail.data;
  if (!d) return <p>Loading…</p>;
  const inc = d.incident;
  const H = headingLevel === 1 ? 'h1' : 'h2';
  const done = (m: string) => { setNotice(m); detail.reload(); };
  return (
    <div className="wc-incident">
      <H>No response: {inc.personName}</H>
      {notice && <Notice>{notice}</Notice>}
      <dl className="nhsuk-summary-list">
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Stage</dt><dd className="nhsuk-summary-list__value" data-testid="incident-stage">Stage {inc.stage}: {inc.stageLabel}{inc.emergencyAt ? ' — EMERGENCY' : ''}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Status</dt><dd className="nhsuk-summary-list__value">{inc.status === 'open' ? `Open; next deadline ${timeToDeadline(inc.deadlineAt, now)}` : `Closed ${formatDateTime(inc.closedAt!)}: ${OUTCOME_LABELS[inc.outcome ?? ''] ?? inc.outcome}`}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Opened</dt><dd className="nhsuk-summary-list__value">{formatDateTime(inc.openedAt)}{inc.openedBy ? ` by ${inc.openedBy}` : ''}{inc.stageReason === 'medication_critical' ? ' — time-critical medication missed' : ''}</dd></div>
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Acknowledged</dt><dd className="nhsuk-summary-list__value">{inc.acknowledgedBy ? `${inc.acknowledgedBy}, ${formatDateTime(inc.acknowledgedAt!)}` : 'Not yet'}</dd></div>
        {inc.outcomeRationale && <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Rationale</dt><dd className="nhsuk-summary-list__value">{inc.outcomeRationale}{inc.whereaboutsConfirmedBy ? ` (confirmed by ${inc.whereaboutsConfirmedBy})` : ''}</dd></div>}
        <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">Review</dt><dd className="nhsuk-summary-list__value">{inc.reviewStatus === 'done' ? `Reviewed by ${inc.reviewedBy}` : inc.reviewStatus === 'awaiting' ? 'Awaiting management review' : 'After closure'}</dd></div>
      </dl>
      <ol className="wc-stages">
        {d.progress.map((s) => (
          <li key={s.stage} className={s.stage === inc.stage ? 'wc-stages__current' : ''} aria-current={s.stage === inc.stage ? 'step' : undefined}>
            <strong>{s.stage}. {s.label}</strong> — {s.isDone ? 'done' : s.needs.join('; ')}
          </li>
        ))}
      </ol>
      <div className="wc-incident__columns">
        <div>
          {inc.status === 'open' && <EmergencyButton incidentId={inc.id} personName={inc.personName} onDone={detail.reload} />}
          {inc.status === 'open' && me.actions.includes('incident.manage') && <IncidentActions d={d} onDone={done} />}
          {inc.status === 'closed' && inc.reviewStatus === 'awaiting' && me.actions.includes('incident.review') && <ReviewForm incidentId={inc.id} onDone={done} />}
        </div>
        <IncidentContext d={d} />
      </div>
      <IncidentTimeline d={d} />
    </div>
  );
}

export function IncidentPage({ id }: { id: string }) {
  return <IncidentPanel id={id} />;
}
