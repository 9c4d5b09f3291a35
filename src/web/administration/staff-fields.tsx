import { FieldError } from '../forms.tsx';
import { ROLE_OPTIONS, type Service } from './labels.ts';

/** The role select, labelled with the policy's role names. */
export function RoleSelect({ id, value, onChange, error }: { id: string; value: string; onChange: (v: string) => void; error?: string }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>Role</label>
      <FieldError id={id} message={error} />
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`} id={id} name={id} value={value}
        aria-describedby={error ? `${id}-error` : undefined} onChange={(e) => onChange(e.target.value)}
      >
        <option value="">Choose a role</option>
        {ROLE_OPTIONS.map((r) => <option key={r.value} value={r.value}>{r.label}</option>)}
      </select>
    </div>
  );
}

/**
 * Which services a member of staff works in: they see the people of these services.
 * Inactive services are listed only when already ticked, so they can be unticked.
 */
export function ServiceCheckboxes({ id, services, value, onChange, error }: {
  id: string; services: Service[]; value: string[]; onChange: (v: string[]) => void; error?: string;
}) {
  const shown = services.filter((s) => s.isActive || value.includes(s.id));
  const toggle = (sid: string, on: boolean) => onChange(on ? [...value, sid] : value.filter((v) => v !== sid));
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Services</legend>
        <div className="nhsuk-hint" id={`${id}-hint`}>They will see the people supported by these services. Managers see everyone.</div>
        <FieldError id={id} message={error} />
        <div className="nhsuk-checkboxes" id={id}>
          {shown.map((s, i) => (
            <div className="nhsuk-checkboxes__item" key={s.id}>
              <input
                className="nhsuk-checkboxes__input" id={`${id}-${i}`} type="checkbox" value={s.id}
                checked={value.includes(s.id)} onChange={(e) => toggle(s.id, e.target.checked)}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${i}`}>
                {s.name}{s.isActive ? '' : ' (inactive)'}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
