import { useState, type FormEvent } from 'react';
import { api, formatDateTime } from '../api.ts';
import { ErrorSummary, errorFor, Notice, useSubmit } from '../forms.tsx';
import { Input, SelectField, TextArea } from './fields.tsx';
import { ABSENCE_KIND_LABELS, options } from './labels.ts';
import type { Absence } from './types.ts';

const FIELD_IDS = { kind: 'absence-kind', startsAt: 'absence-starts', expectedEndAt: 'absence-expected-end', note: 'absence-note' };

/** "dd/mm/yyyy hh:mm" (Europe/London, as the browser is set) → ISO, or the text as typed so the server names the field. */
function toInstant(s: string): string | null {
  if (!s.trim()) return null;
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$/.exec(s.trim());
  if (!m) return s;
  const d = new Date(Number(m[3]), Number(m[2]) - 1, Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  return Number.isNaN(d.getTime()) ? s : d.toISOString();
}

/** Hospital admissions, holidays, respite, staying with family: the schedule suspends contacts in them. */
export function AbsencesSection({ personId, absences, canWrite, onChanged }: { personId: string; absences: Absence[]; canWrite: boolean; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const [v, setV] = useState({ kind: 'hospital_admission', startsAt: '', expectedEndAt: '', note: '' });
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  async function add(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      await api('POST', `/api/people/${personId}/absences`, { kind: v.kind, startsAt: toInstant(v.startsAt) ?? '', expectedEndAt: toInstant(v.expectedEndAt), note: v.note });
    });
    if (ok) {
      setAdding(false);
      setNotice(`${ABSENCE_KIND_LABELS[v.kind]} recorded.`);
      onChanged();
    }
  }
  async function end(a: Absence) {
    const ok = await run(() => api('POST', `/api/people/${personId}/absences/${a.id}/end`, { version: a.version }).then(() => undefined));
    if (ok) {
      setNotice(`${ABSENCE_KIND_LABELS[a.kind]} ended: the person is back.`);
      onChanged();
    }
  }
  const err = (f: string) => errorFor(error, f);
  return (
    <section aria-labelledby="absences-heading">
      <h2 id="absences-heading">Known absences</h2>
      {notice && <Notice>{notice}</Notice>}
      {absences.length === 0 ? <p>None recorded.</p> : (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {absences.map((a) => (
            <li key={a.id}>
              <strong>{ABSENCE_KIND_LABELS[a.kind]}</strong> from {formatDateTime(a.startsAt)}
              {a.endedAt ? `, back ${formatDateTime(a.endedAt)}` : a.expectedEndAt ? `, expected back ${formatDateTime(a.expectedEndAt)}` : ', end not known'}
              {a.note && ` — ${a.note}`}
              {canWrite && !a.endedAt && <> <button type="button" className="wc-link-button" onClick={() => end(a)}>Record that they are back</button></>}
            </li>
          ))}
        </ul>
      )}
      {canWrite && !adding && <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setAdding(true)}>Record an absence</button>}
      {canWrite && adding && (
        <form className="wc-card" onSubmit={add} noValidate aria-labelledby="absence-form-heading">
          <h3 id="absence-form-heading">Record an absence</h3>
          <ErrorSummary error={error} fieldIds={FIELD_IDS} />
          <SelectField id={FIELD_IDS.kind} label="Kind of absence" value={v.kind} onChange={set('kind')} options={options(ABSENCE_KIND_LABELS)} error={err('kind')} />
          <Input id={FIELD_IDS.startsAt} label="From" hint="Date and time, for example 23/11/2026 14:00" value={v.startsAt} onChange={set('startsAt')} error={err('startsAt')} width={20} />
          <Input id={FIELD_IDS.expectedEndAt} label="Expected back (optional)" hint="For example the planned discharge, 26/11/2026 12:00" value={v.expectedEndAt} onChange={set('expectedEndAt')} error={err('expectedEndAt')} width={20} />
          <TextArea id={FIELD_IDS.note} label="Note (optional)" value={v.note} onChange={set('note')} error={err('note')} rows={2} />
          <div className="wc-actions">
            <button className="nhsuk-button" type="submit" disabled={busy}>Record absence</button>
            <button className="wc-link-button" type="button" onClick={() => setAdding(false)}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
