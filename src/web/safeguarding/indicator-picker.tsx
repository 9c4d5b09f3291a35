import { useMemo, useState } from 'react';
import { FieldError } from '../forms.tsx';
import { COLUMN_WORDS } from './labels.ts';
import type { Framework, Indicator } from './types.ts';

/**
 * The thresholds matrix as a checklist: indicators grouped by abuse type (and by part for neglect),
 * each showing in words which column of the guidance it sits in, with a search that filters by
 * the words of the indicator or its abuse type.
 */
export function IndicatorPicker({ framework, value, onChange, error }: {
  framework: Framework; value: string[]; onChange: (ids: string[]) => void; error?: string;
}) {
  const [q, setQ] = useState('');
  const needle = q.trim().toLowerCase();
  const groups = useMemo(() => framework.abuseTypes.map((t) => ({
    type: t,
    indicators: t.indicators.filter((i) => !needle || i.text.toLowerCase().includes(needle) || t.label.toLowerCase().includes(needle)),
  })).filter((g) => g.indicators.length > 0), [framework, needle]);
  const toggle = (id: string, on: boolean) => onChange(on ? [...value, id] : value.filter((v) => v !== id));
  const shown = groups.reduce((n, g) => n + g.indicators.length, 0);

  const item = (i: Indicator) => (
    <div className="nhsuk-checkboxes__item" key={i.id}>
      <input
        className="nhsuk-checkboxes__input" id={`ind-${i.id}`} type="checkbox" checked={value.includes(i.id)}
        onChange={(e) => toggle(i.id, e.target.checked)} data-indicator={i.id}
      />
      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={`ind-${i.id}`}>
        {i.text}
        <span className={`wc-col-tag wc-col-tag--${i.column}`}> {COLUMN_WORDS[i.column]}</span>
      </label>
    </div>
  );

  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`} id="indicators">
      <h2>What happened: indicators from the guidance</h2>
      <p className="nhsuk-hint">
        Tick every indicator that fits. Each shows its column in the guidance: lower-level concern, or consider a section 42 enquiry.
        If nothing fits, describe it below and discuss it with your manager.
      </p>
      <FieldError id="indicators" message={error} />
      <label className="nhsuk-label" htmlFor="indicator-search">Search indicators</label>
      <input
        className="nhsuk-input nhsuk-input--width-30" id="indicator-search" type="search" value={q}
        onChange={(e) => setQ(e.target.value)} aria-describedby="indicator-count"
      />
      <p className="nhsuk-body-s" id="indicator-count" aria-live="polite">{shown} indicators shown · {value.length} chosen</p>
      {groups.map(({ type, indicators }) => (
        <fieldset className="nhsuk-fieldset wc-abuse-type" key={type.id}>
          <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{type.label}</legend>
          {type.appliesTo && <p className="nhsuk-hint">{type.appliesTo}</p>}
          {type.caution && <p className="nhsuk-hint">{type.caution}</p>}
          {type.parts ? type.parts.map((p) => {
            const inPart = indicators.filter((i) => i.part === p.id);
            return inPart.length === 0 ? null : (
              <div key={p.id}>
                <h3 className="nhsuk-heading-xs">{p.label}</h3>
                <div className="nhsuk-checkboxes">{inPart.map(item)}</div>
              </div>
            );
          }) : <div className="nhsuk-checkboxes">{indicators.map(item)}</div>}
        </fieldset>
      ))}
    </div>
  );
}
