import './safeguarding.css';
import { useState, type FormEvent } from 'react';
import { api, formatDateTime } from '../api.ts';
import { ErrorSummary, errorFor, Notice, useSubmit } from '../forms.tsx';
import { Link } from '../link.tsx';
import { queryParam } from '../router.ts';
import { canDo, useSession } from '../session.tsx';
import { useLoad } from '../use-load.ts';
import { DecisionForm } from './decision-form.tsx';
import { SelectField, TextArea } from './fields.tsx';
import { ALLEGED_WORDS, CAPACITY_WORDS, DECISION_WORDS, OUTCOME_WORDS, RISK_WORDS, STATUS_WORDS, TRI_WORDS } from './labels.ts';
import { ConcernActions, ReferralTracking } from './referral-and-actions.tsx';
import { SuggestionPanel } from './suggestion-panel.tsx';
import type { Concern, StaffOption } from './types.ts';

const Row = ({ k, v }: { k: string; v: string }) => (
  <div className="nhsuk-summary-list__row"><dt className="nhsuk-summary-list__key">{k}</dt><dd className="nhsuk-summary-list__value">{v || '—'}</dd></div>
);

/** One concern: what was raised, the suggestion and routes, the decision, the referral and actions. */
export function ConcernPage({ id }: { id: string }) {
  const { me } = useSession();
  const concern = useLoad(() => api<Concern>('GET', `/api/concerns/${id}`), id);
  const staff = useLoad(() => api<StaffOption[]>('GET', '/api/safeguarding/staff'));
  const canDecide = canDo(me, 'concern.decide');
  if (concern.error) return <p role="alert">{concern.error.status === 404 ? 'Concern not found, or you do not have access to it.' : concern.error.message}</p>;
  if (!concern.data) return <p>Loading the concern…</p>;
  const c = concern.data;
  const staffList = staff.data ?? [];
  const staffName = (sid?: string | null) => staffList.find((s) => s.id === sid)?.name ?? '';

  return (
    <div className="wc-safeguarding">
      <p><Link className="nhsuk-link" href="/safeguarding">Safeguarding concerns</Link></p>
      {queryParam('raised') && <Notice>Concern raised. The safeguarding lead has been given it to decide.</Notice>}
      <h1>Safeguarding concern about {c.people.map((p) => p.name).join(' and ')}</h1>
      <p data-testid="concern-status"><strong>Status:</strong> {STATUS_WORDS[c.status] ?? c.status}</p>
      {canDecide && c.people.map((p) => (
        <p key={p.id}><Link className="nhsuk-link" href={`/safeguarding/people/${p.id}`}>Concern log for {p.name}</Link></p>
      ))}
      <dl className="nhsuk-summary-list">
        <Row k="Raised" v={`${formatDateTime(c.raisedAt)} by ${c.raisedBy.name}`} />
        <Row k="What happened" v={c.description} />
        <Row k="Alleged to have caused harm" v={c.alleged.map((a) => [ALLEGED_WORDS[a.kind] ?? a.kind, staffName(a.staffId), a.detail].filter(Boolean).join(': ')).join('; ')} />
        <Row k="Children involved" v={TRI_WORDS[c.childrenInvolved]} />
        <Row k="Could be a crime" v={TRI_WORDS[c.possibleCrime]} />
        <Row k="Capacity for the decision" v={CAPACITY_WORDS[c.capacity]} />
        <Row k="Level of risk" v={RISK_WORDS[c.risk]} />
        <Row k="What the person wants" v={c.personWishes} />
        <Row k="Done straight away" v={c.immediateActions} />
        <Row k="Assessed under" v={`${c.frameworkId}, version ${c.frameworkVersion}`} />
      </dl>
      <h2>Indicators chosen</h2>
      <ul>{c.suggestion.chosen.map((i) => <li key={i.id}>{i.text} ({i.abuseTypeLabel}; {OUTCOME_WORDS[i.column]})</li>)}</ul>
      <SuggestionPanel s={c.suggestion} />
      {c.decision && (
        <section aria-labelledby="decision-title" data-testid="decision">
          <h2 id="decision-title">Decision</h2>
          <dl className="nhsuk-summary-list">
            <Row k="Decision" v={DECISION_WORDS[c.decision.outcome]} />
            <Row k="Decided" v={`${formatDateTime(c.decision.decidedAt)} by ${c.decision.decidedBy}`} />
            <Row k="Rationale" v={c.decision.rationale} />
            {c.decision.departureReason && <Row k="Why it departs from the suggestion" v={c.decision.departureReason} />}
          </dl>
        </section>
      )}
      {canDecide && c.status === 'awaiting_decision' && <DecisionForm concern={c} staff={staffList} onDone={concern.reload} />}
      {c.referral && <ReferralTracking key={c.referral.version} concern={c} canEdit={canDecide} onDone={concern.reload} />}
      {(c.status === 'lower_level' || c.actions.length > 0) && <ConcernActions concern={c} staff={staffList} canEdit={canDecide} onDone={concern.reload} />}
      {canDecide && <AccessGrants concern={c} staff={staffList} onDone={concern.reload} />}
    </div>
  );
}

/** Who else may see this concern; the lead shares it with a reason. */
function AccessGrants({ concern, staff, onDone }: { concern: Concern; staff: StaffOption[]; onDone: () => void }) {
  const [staffId, setStaffId] = useState('');
  const [reason, setReason] = useState('');
  const { busy, error, run } = useSubmit();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      await api('POST', `/api/concerns/${concern.id}/access`, { staffId, reason });
    });
    if (ok) onDone();
  }
  return (
    <section aria-labelledby="access-title">
      <h2 id="access-title">Who else can see this concern</h2>
      <p>The safeguarding lead, registered manager and {concern.raisedBy.name} (who raised it){concern.access.length ? ', and:' : '.'}</p>
      {concern.access.length > 0 && <ul>{concern.access.map((g) => <li key={g.staffId}>{g.staffName} — {g.reason} (by {g.grantedBy}, {formatDateTime(g.grantedAt)})</li>)}</ul>}
      <form onSubmit={submit} noValidate>
        <ErrorSummary error={error} fieldIds={{ staffId: 'grant-staff', reason: 'grant-reason' }} />
        <SelectField id="grant-staff" label="Share with" value={staffId} options={Object.fromEntries(staff.map((s) => [s.id, s.name]))} onChange={setStaffId}
          placeholder="Choose…" error={errorFor(error, 'staffId')} />
        <TextArea id="grant-reason" label="Why they need to see it" value={reason} onChange={setReason} rows={2} error={errorFor(error, 'reason')} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>Share the concern</button>
      </form>
    </section>
  );
}
