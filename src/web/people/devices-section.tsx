import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, errorFor, Notice, useSubmit } from '../forms.tsx';
import { Input, SelectField, TextArea } from './fields.tsx';
import { DEVICE_KIND_LABELS, options } from './labels.ts';
import type { Device } from './types.ts';

const FIELD_IDS = { kind: 'device-kind', purpose: 'device-purpose', limitations: 'device-limitations', monitoredBy: 'device-monitored-by', failureMeaning: 'device-failure', externalDeviceId: 'device-external-id', reason: 'device-remove-reason' };

/** Assistive technology (no-response policy §11): what it is for, its limits, who watches it, what its silence means. */
export function DevicesSection({ personId, devices, canWrite, onChanged }: { personId: string; devices: Device[]; canWrite: boolean; onChanged: () => void }) {
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState('');
  const [v, setV] = useState({ kind: 'pendant_alarm', purpose: '', limitations: '', monitoredBy: '', failureMeaning: '', externalDeviceId: '' });
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof v) => (value: string) => setV((old) => ({ ...old, [k]: value }));
  async function add(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      await api('POST', `/api/people/${personId}/devices`, { ...v, externalDeviceId: v.externalDeviceId.trim() || null });
    });
    if (ok) {
      setAdding(false);
      setNotice(`${DEVICE_KIND_LABELS[v.kind]} added.`);
      onChanged();
    }
  }
  async function remove(d: Device) {
    const reason = window.prompt(`Why is the ${DEVICE_KIND_LABELS[d.kind].toLowerCase()} being removed?`);
    if (!reason?.trim()) return;
    const ok = await run(() => api('DELETE', `/api/people/${personId}/devices/${d.id}`, { version: d.version, reason }).then(() => undefined));
    if (ok) {
      setNotice(`${DEVICE_KIND_LABELS[d.kind]} removed.`);
      onChanged();
    }
  }
  const err = (f: string) => errorFor(error, f);
  return (
    <section aria-labelledby="devices-heading">
      <h2 id="devices-heading">Assistive technology</h2>
      {notice && <Notice>{notice}</Notice>}
      {devices.length === 0 ? <p>No devices recorded.</p> : devices.map((d) => (
        <div className="wc-card" key={d.id}>
          <h3 className="nhsuk-heading-s">{DEVICE_KIND_LABELS[d.kind]}{d.externalDeviceId ? ` (${d.externalDeviceId})` : ''}</h3>
          <dl className="wc-summary-list">
            <dt>Purpose</dt><dd>{d.purpose}</dd>
            <dt>Limitations</dt><dd>{d.limitations || 'None recorded'}</dd>
            <dt>Alerts monitored by</dt><dd>{d.monitoredBy}</dd>
            <dt>If it is silent or fails</dt><dd>{d.failureMeaning}</dd>
          </dl>
          {canWrite && <button type="button" className="wc-link-button" onClick={() => remove(d)}>Remove<span className="nhsuk-u-visually-hidden"> {DEVICE_KIND_LABELS[d.kind]}</span></button>}
        </div>
      ))}
      {canWrite && !adding && <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setAdding(true)}>Add a device</button>}
      {canWrite && adding && (
        <form className="wc-card" onSubmit={add} noValidate aria-labelledby="device-form-heading">
          <h3 id="device-form-heading">Add a device</h3>
          <ErrorSummary error={error} fieldIds={FIELD_IDS} />
          <SelectField id={FIELD_IDS.kind} label="Device" value={v.kind} onChange={set('kind')} options={options(DEVICE_KIND_LABELS)} error={err('kind')} />
          <Input id={FIELD_IDS.purpose} label="What it is for" value={v.purpose} onChange={set('purpose')} error={err('purpose')} />
          <TextArea id={FIELD_IDS.limitations} label="Its limitations" value={v.limitations} onChange={set('limitations')} error={err('limitations')} rows={2} />
          <Input id={FIELD_IDS.monitoredBy} label="Who monitors its alerts" value={v.monitoredBy} onChange={set('monitoredBy')} error={err('monitoredBy')} />
          <TextArea id={FIELD_IDS.failureMeaning} label="What its silence or failure means for this person" value={v.failureMeaning} onChange={set('failureMeaning')} error={err('failureMeaning')} rows={2} />
          <Input id={FIELD_IDS.externalDeviceId} label="Device id in the telecare feed (optional)" value={v.externalDeviceId} onChange={set('externalDeviceId')} error={err('externalDeviceId')} width={20} />
          <div className="wc-actions">
            <button className="nhsuk-button" type="submit" disabled={busy}>Add device</button>
            <button className="wc-link-button" type="button" onClick={() => setAdding(false)}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
