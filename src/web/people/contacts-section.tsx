import { useState, type FormEvent } from 'react';
import { api } from '../api.ts';
import { ErrorSummary, errorFor, Notice, useSubmit } from '../forms.tsx';
import { Checkbox, Input, SelectField, TextArea } from './fields.tsx';
import { CONTACT_KIND_LABELS, options, STAGE_OPTIONS } from './labels.ts';
import type { Contact } from './types.ts';

/**
 * A person's contacts, with the person's consent to each being contacted and the stage from
 * which they may be (no-response policy §14). A change of consent needs a reason.
 */
export function ContactsSection({ personId, contacts, canWrite, onChanged }: { personId: string; contacts: Contact[]; canWrite: boolean; onChanged: () => void }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [notice, setNotice] = useState('');
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
    onChanged();
  };
  return (
    <section aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts</h2>
      {notice && <Notice>{notice}</Notice>}
      {contacts.length === 0 ? <p>No contacts recorded.</p> : (
        <table className="nhsuk-table">
          <caption className="nhsuk-u-visually-hidden">Contacts, in the order to try them</caption>
          <thead><tr><th scope="col">Order</th><th scope="col">Name</th><th scope="col">How to reach</th><th scope="col">Consent to contact</th><th scope="col">From stage</th>{canWrite && <th scope="col"><span className="nhsuk-u-visually-hidden">Actions</span></th>}</tr></thead>
          <tbody>
            {contacts.map((c) => (
              <tr key={c.id}>
                <td>{c.rank}</td>
                <td>{c.name}<br /><span className="wc-muted">{[CONTACT_KIND_LABELS[c.kind], c.relationship].filter(Boolean).join(', ')}</span></td>
                <td>{[c.phone, c.email].filter(Boolean).join(', ')}</td>
                <td>{c.hasConsent ? 'Yes' : <strong>No — do not contact</strong>}</td>
                <td>{c.contactableFromStage}</td>
                {canWrite && <td><button type="button" className="wc-link-button" onClick={() => setEditing(c.id)}>Change<span className="nhsuk-u-visually-hidden"> {c.name}</span></button></td>}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && editing && (
        <ContactForm personId={personId} contact={contacts.find((c) => c.id === editing)} nextRank={contacts.length + 1}
          onSaved={done} onCancel={() => setEditing(null)} />
      )}
      {canWrite && !editing && <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => setEditing('new')}>Add a contact</button>}
    </section>
  );
}

const FIELD_IDS = {
  kind: 'contact-kind', name: 'contact-name', relationship: 'contact-relationship', phone: 'contact-phone', email: 'contact-email',
  rank: 'contact-rank', hasConsent: 'contact-consent', contactableFromStage: 'contact-stage', consentReason: 'contact-consent-reason', notes: 'contact-notes',
};

function ContactForm({ personId, contact, nextRank, onSaved, onCancel }: {
  personId: string; contact?: Contact; nextRank: number; onSaved: (m: string) => void; onCancel: () => void;
}) {
  const [v, setV] = useState({
    kind: contact?.kind ?? 'family', name: contact?.name ?? '', relationship: contact?.relationship ?? '', phone: contact?.phone ?? '',
    email: contact?.email ?? '', rank: String(contact?.rank ?? nextRank), hasConsent: contact?.hasConsent ?? false,
    contactableFromStage: String(contact?.contactableFromStage ?? 4), consentReason: '', notes: contact?.notes ?? '',
  });
  const { busy, error, run } = useSubmit();
  const set = (k: keyof typeof v) => (value: string | boolean) => setV((old) => ({ ...old, [k]: value }));
  const consentChanged = contact ? contact.hasConsent !== v.hasConsent : false;
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      const body = {
        kind: v.kind, name: v.name, relationship: v.relationship, phone: v.phone.trim() || null, email: v.email.trim() || null,
        rank: Number(v.rank), hasConsent: v.hasConsent, contactableFromStage: Number(v.contactableFromStage), notes: v.notes,
        consentReason: v.consentReason.trim() || undefined, ...(contact ? { version: contact.version } : {}),
      };
      if (contact) await api('PUT', `/api/people/${personId}/contacts/${contact.id}`, body);
      else await api('POST', `/api/people/${personId}/contacts`, body);
    });
    if (ok) onSaved(contact ? `${v.name}: saved.` : `${v.name} added.`);
  }
  const err = (f: string) => errorFor(error, f);
  return (
    <form className="wc-card" onSubmit={submit} noValidate aria-labelledby="contact-form-heading">
      <h3 id="contact-form-heading">{contact ? `Change ${contact.name}` : 'Add a contact'}</h3>
      <ErrorSummary error={error} fieldIds={FIELD_IDS} />
      <SelectField id={FIELD_IDS.kind} label="Who they are" value={v.kind} onChange={set('kind')} options={options(CONTACT_KIND_LABELS)} error={err('kind')} />
      <Input id={FIELD_IDS.name} label="Name" value={v.name} onChange={set('name')} error={err('name')} width={20} />
      <Input id={FIELD_IDS.relationship} label="Relationship (optional)" value={v.relationship} onChange={set('relationship')} error={err('relationship')} width={20} />
      <Input id={FIELD_IDS.phone} label="Phone" type="tel" value={v.phone} onChange={set('phone')} error={err('phone')} width={20} />
      <Input id={FIELD_IDS.email} label="Email (optional)" type="email" value={v.email} onChange={set('email')} error={err('email')} width={30} />
      <Input id={FIELD_IDS.rank} label="Order to try them" hint="1 is tried first." value={v.rank} onChange={set('rank')} error={err('rank')} width={2} inputMode="numeric" />
      <Checkbox id={FIELD_IDS.hasConsent} label="The person consents to this contact being contacted" checked={v.hasConsent} onChange={set('hasConsent')} error={err('hasConsent')} />
      <SelectField id={FIELD_IDS.contactableFromStage} label="May be contacted from" value={v.contactableFromStage} onChange={set('contactableFromStage')} options={STAGE_OPTIONS} error={err('contactableFromStage')} />
      {(consentChanged || !contact) && (
        <TextArea id={FIELD_IDS.consentReason} label={consentChanged ? 'Why consent has changed' : 'How consent was given (optional)'}
          hint="What the person said, and when. This is kept in the record." value={v.consentReason} onChange={set('consentReason')} error={err('consentReason')} rows={2} />
      )}
      <TextArea id={FIELD_IDS.notes} label="Notes (optional)" value={v.notes} onChange={set('notes')} error={err('notes')} rows={2} />
      <div className="wc-actions">
        <button className="nhsuk-button" type="submit" disabled={busy}>{busy ? 'Saving…' : contact ? 'Save contact' : 'Add contact'}</button>
        <button className="wc-link-button" type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
