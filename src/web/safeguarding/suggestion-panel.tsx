import { Link } from '../link.tsx';
import { formatDate } from '../api.ts';
import { COLUMN_WORDS, OUTCOME_WORDS } from './labels.ts';
import type { Suggestion } from './types.ts';

/** Where an indicator stands in the guidance, in words. */
export const refWords = (r: { section: string; sourceColumn: string; line: number; item: number }) =>
  `${r.section}, ${r.sourceColumn === 'lower_level' ? 'lower-level column' : r.sourceColumn === 'consider_s42' ? 'section 42 column' : 'type cell'}, item ${r.item} (line ${r.line})`;

/**
 * The decision support shown to the raiser (preview) and to the safeguarding lead: the suggested
 * outcome in words, the indicators that led there, the special routes with why, what is missing,
 * the lower-level alternatives and any accumulation prompt. It is labelled as a suggestion: the lead decides.
 */
export function SuggestionPanel({ s, headingLevel = 2 }: { s: Suggestion; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Sub = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section className={`wc-suggestion wc-suggestion--${s.outcome}`} aria-labelledby="suggestion-title" data-testid="suggestion">
      <H id="suggestion-title">Suggestion: <span data-testid="suggested-outcome">{OUTCOME_WORDS[s.outcome]}</span></H>
      <p className="nhsuk-body-s">{s.notice} Framework {s.frameworkId}, version {s.frameworkVersion}.</p>
      {s.accumulation && (
        <div className="nhsuk-warning-callout" data-testid="accumulation">
          <Sub className="nhsuk-warning-callout__label"><span role="text"><span className="nhsuk-u-visually-hidden">Important: </span>Reconsider the threshold</span></Sub>
          <p>{s.accumulation.message}</p>
          <ul>
            {s.accumulation.related.map((r) => (
              <li key={r.concernId}>
                <Link className="nhsuk-link" href={`/safeguarding/concerns/${r.concernId}`}>Concern raised {formatDate(r.raisedAt)}</Link>
                {' '}({r.reasons.map((x) => (x === 'same_person' ? 'same person' : 'same member of staff')).join(', ')})
              </li>
            ))}
          </ul>
        </div>
      )}
      {s.missing.length > 0 && (
        <>
          <Sub>Information needed</Sub>
          <ul data-testid="missing">{s.missing.map((m) => <li key={m.field}><strong>{m.question}</strong> {m.why}</li>)}</ul>
        </>
      )}
      {s.ledBy.length > 0 && (
        <>
          <Sub>Indicators that led to this</Sub>
          <ul>
            {s.ledBy.map((i) => (
              <li key={i.id}>
                {i.text} <span className="wc-col-tag">({COLUMN_WORDS[i.column]} — {i.abuseTypeLabel})</span>
                <br /><span className="nhsuk-body-s">Guidance: {refWords(i.ref)}{i.expects ? `. Expected: ${i.expects}.` : ''}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <Sub>Special routes</Sub>
      {s.routes.length === 0 ? <p>None of the special routes applies.</p> : (
        <ul data-testid="routes">
          {s.routes.map((r) => (
            <li key={r.id} data-route={r.id}>
              <strong>{r.label}</strong>: {r.action}
              <br /><span className="nhsuk-body-s">Why: {r.why.join(' ')}</span>
            </li>
          ))}
        </ul>
      )}
      {s.cautions.map((c) => <p key={c} className="nhsuk-body-s"><strong>Note:</strong> {c}</p>)}
      {s.outcome !== 'consider_s42' && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary"><span className="nhsuk-details__summary-text">Alternatives to a safeguarding enquiry</span></summary>
          <div className="nhsuk-details__text">
            <ul>
              {s.lowerLevelAlternatives.map((a) => <li key={a.id}>{a.label}{a.isNamedByIndicator ? ' — fits the indicator chosen' : ''}</li>)}
            </ul>
          </div>
        </details>
      )}
    </section>
  );
}
