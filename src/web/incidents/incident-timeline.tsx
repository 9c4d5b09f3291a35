import { formatDateTime } from '../api.ts';
import type { Detail } from './types.ts';

const say = (type: string, data: Record<string, unknown>): string => {
  switch (type) {
    case 'incident.opened': return `Opened at stage ${data.stage}${data.summary ? `: ${data.summary}` : ''}`;
    case 'incident.observations_recorded': return `Checks at the door: ${Object.entries(data.items as Record<string, string>).map(([k, v]) => `${k.replace(/_/g, ' ')} ${v}`).join(', ')}`;
    case 'incident.contact_attempted': return `${String(data.method).replace(/_/g, ' ')} ${data.target ?? ''}: ${String(data.outcome).replace(/_/g, ' ')} (${data.made} of ${data.required})`;
    case 'incident.stage_deadline_passed': return `Stage ${data.from} deadline passed: now stage ${data.to}`;
    case 'incident.alert_raised': return `On call alerted (stage ${data.stage})`;
    case 'incident.alert_repeated': return `Alert repeated (${data.repeat})`;
    case 'incident.alert_moved_on': return 'Not acknowledged: alert passed to the next person';
    case 'incident.acknowledged': return `Acknowledged${Number(data.cancelledNotifications) ? `; ${data.cancelledNotifications} waiting repeat(s) cancelled` : ''}`;
    case 'incident.escalated': return `Escalated from stage ${data.from} to ${data.to}`;
    case 'incident.wider_contact_made': return `Contacted ${data.partyName} (${data.basis === 'significant_immediate_risk' ? 'significant and immediate risk' : 'consent and stage'}): shared "${data.informationShared}"`;
    case 'incident.wider_contact_refused': return `Not allowed to contact ${data.partyName}: ${(data.blockers as string[]).join(', ').replace(/_/g, ' ')}`;
    case 'incident.external_escalation': return `Referred to ${String(data.agency).replace(/_/g, ' ')}${data.reference ? ` (ref ${data.reference})` : ' (no reference yet)'}`;
    case 'incident.emergency': return 'EMERGENCY pressed: external escalation';
    case 'incident.decision_recorded': return `Decision: ${data.summary}${data.isOutOfHours ? ` (out of hours; senior review on ${data.reviewDueOn})` : ''}`;
    case 'incident.closed': return `Closed: ${String(data.outcome).replace(/_/g, ' ')}`;
    case 'incident.reviewed': return 'Management review completed';
    case 'notification.failed': return `A ${data.channel} notification could not be delivered after ${data.attempts} attempts: ${data.error}`;
    default: return type;
  }
};

/** The whole record of the incident, oldest first: evidence, decisions, alerts. */
export function IncidentTimeline({ d }: { d: Detail }) {
  return (
    <div className="wc-table-scroll">
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Timeline</caption>
        <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Why</th></tr></thead>
        <tbody>
          {d.events.map((e) => (
            <tr key={e.seq}>
              <td>{formatDateTime(e.at)}</td>
              <td>{e.actor_name ?? (e.actor_kind === 'system' ? 'Wellcheck' : '—')}</td>
              <td>{say(e.type, e.data)}</td>
              <td>{e.reason ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="nhsuk-table">
        <caption className="nhsuk-table__caption">Notifications</caption>
        <thead><tr><th scope="col">When</th><th scope="col">To</th><th scope="col">How</th><th scope="col">Status</th></tr></thead>
        <tbody>
          {d.notifications.map((n) => (
            <tr key={n.id}>
              <td>{formatDateTime(n.created_at)}</td>
              <td>{n.recipient_name ?? '—'}</td>
              <td>{n.channel === 'in_app' ? 'In app' : n.channel === 'sms' ? 'Text message' : 'Email'}</td>
              <td>{n.status}{n.cancelled_reason ? ` (${n.cancelled_reason})` : ''}{n.last_error ? ` — ${n.last_error}` : ''}{n.attempts > 1 ? `, ${n.attempts} attempts` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
