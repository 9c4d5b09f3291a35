import { FieldError } from '../forms.tsx';

/** Labelled radios (nhsuk pattern) for a small set of answers shown in words. */
export function RadioGroup({ id, legend, value, options, onChange, error, hint }: {
  id: string; legend: string; value: string; options: Record<string, string>; onChange: (v: string) => void; error?: string; hint?: string;
}) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} id={id}>
      <fieldset className="nhsuk-fieldset" aria-describedby={hint ? `${id}-hint` : undefined}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint && <div className="nhsuk-hint" id={`${id}-hint`}>{hint}</div>}
        <FieldError id={id} message={error} />
        <div className="nhsuk-radios nhsuk-radios--inline">
          {Object.entries(options).map(([k, label]) => (
            <div className="nhsuk-radios__item" key={k}>
              <input className="nhsuk-radios__input" id={`${id}-${k}`} name={id} type="radio" value={k} checked={value === k} onChange={() => onChange(k)} />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={`${id}-${k}`}>{label}</label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** A labelled textarea with its hint and error. */
export function TextArea({ id, label, value, onChange, error, hint, rows = 4 }: {
  id: string; label: string; value: string; onChange: (v: string) => void; error?: string; hint?: string; rows?: number;
}) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint && <div className="nhsuk-hint" id={`${id}-hint`}>{hint}</div>}
      <FieldError id={id} message={error} />
      <textarea className={`nhsuk-textarea${error ? ' nhsuk-textarea--error' : ''}`} id={id} name={id} rows={rows} value={value}
        aria-describedby={describedBy} aria-invalid={error ? true : undefined} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

/** A labelled select; `options` maps value → words. */
export function SelectField({ id, label, value, options, onChange, error, placeholder }: {
  id: string; label: string; value: string; options: Record<string, string>; onChange: (v: string) => void; error?: string; placeholder?: string;
}) {
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      <FieldError id={id} message={error} />
      <select className={`nhsuk-select${error ? ' nhsuk-select--error' : ''}`} id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)}
        aria-describedby={error ? `${id}-error` : undefined}>
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {Object.entries(options).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
      </select>
    </div>
  );
}
