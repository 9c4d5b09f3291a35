import type { ReactNode } from 'react';
import { FieldError } from '../forms.tsx';

/** Labelled inputs in the nhsuk pattern, each with its error beside it. */

const described = (id: string, hint?: string, error?: string) => [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

function Group({ id, label, hint, error, children }: { id: string; label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint && <div className="nhsuk-hint" id={`${id}-hint`}>{hint}</div>}
      <FieldError id={id} message={error} />
      {children}
    </div>
  );
}

export function SelectField({ id, label, value, onChange, options, error, hint, placeholder }: {
  id: string; label: string; value: string; onChange: (v: string) => void; options: { value: string; label: string }[];
  error?: string; hint?: string; placeholder?: string;
}) {
  return (
    <Group id={id} label={label} hint={hint} error={error}>
      <select
        className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`} id={id} name={id} value={value}
        aria-describedby={described(id, hint, error)} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </Group>
  );
}

export function TextArea({ id, label, value, onChange, error, hint, rows = 3 }: {
  id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; rows?: number;
}) {
  return (
    <Group id={id} label={label} hint={hint} error={error}>
      <textarea
        className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} id={id} name={id} rows={rows} value={value}
        aria-describedby={described(id, hint, error)} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)}
      />
    </Group>
  );
}

export function Input({ id, label, value, onChange, error, hint, width, type = 'text', inputMode }: {
  id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; width?: 2 | 3 | 4 | 5 | 10 | 20 | 30;
  type?: 'text' | 'tel' | 'email' | 'datetime-local' | 'time'; inputMode?: 'numeric';
}) {
  return (
    <Group id={id} label={label} hint={hint} error={error}>
      <input
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ''}${error ? ' nhsuk-input--error' : ''}`} id={id} name={id} type={type}
        value={value} inputMode={inputMode} spellCheck={false} autoComplete="off"
        aria-describedby={described(id, hint, error)} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)}
      />
    </Group>
  );
}

export function Checkbox({ id, label, checked, onChange, hint, error }: {
  id: string; label: string; checked: boolean; onChange: (v: boolean) => void; hint?: string; error?: string;
}) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <FieldError id={id} message={error} />
      <div className="nhsuk-checkboxes__item">
        <input
          className="nhsuk-checkboxes__input" id={id} name={id} type="checkbox" checked={checked}
          aria-describedby={described(id, hint, error)} onChange={(e) => onChange(e.target.checked)}
        />
        <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>{label}</label>
        {hint && <div className="nhsuk-hint nhsuk-checkboxes__hint" id={`${id}-hint`}>{hint}</div>}
      </div>
    </div>
  );
}

/** A group of checkboxes for a list of codes, in a fieldset with a legend. */
export function CheckboxGroup({ id, legend, labels, value, onChange, error }: {
  id: string; legend: string; labels: Record<string, string>; value: string[]; onChange: (v: string[]) => void; error?: string;
}) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset className="nhsuk-fieldset" aria-describedby={error ? `${id}-error` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        <FieldError id={id} message={error} />
        <div className="nhsuk-checkboxes nhsuk-checkboxes--small wc-inline-checkboxes">
          {Object.entries(labels).map(([code, label], i) => (
            <div className="nhsuk-checkboxes__item" key={code}>
              <input
                className="nhsuk-checkboxes__input" id={`${id}-${i}`} type="checkbox" checked={value.includes(code)}
                onChange={(e) => onChange(e.target.checked ? [...value, code] : value.filter((v) => v !== code))}
              />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`${id}-${i}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
