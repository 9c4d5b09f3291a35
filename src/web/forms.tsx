import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ApiError } from './api.ts';
import './forms.css';

/**
 * Form pieces shared by the screens: the API's error shown beside the field it names
 * (ApiError.field) and in an error summary at the top that links to that field.
 */

/** Runs a request, keeping the busy flag and the last error. */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
      return true;
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', 'Could not reach Wellcheck. Check your connection and try again.'));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}

/** The message for one field, when the error names it (or a path inside it, like serviceIds.0). */
export function errorFor(error: ApiError | null, field: string): string | undefined {
  if (!error?.field) return undefined;
  if (error.field !== field && !error.field.startsWith(`${field}.`)) return undefined;
  // Schema errors arrive as "email: Invalid email address"; beside the field, the name is noise.
  return error.message.replace(new RegExp(`^${error.field.replace(/\./g, '\\.')}: `), '');
}

/**
 * "There is a problem" at the top of a form. Each error links to the input it names
 * (`fieldIds` maps API field → input id); it takes focus so screen readers announce it.
 */
export function ErrorSummary({ error, fieldIds, children }: { error: ApiError | null; fieldIds: Record<string, string>; children?: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);
  if (!error) return null;
  const key = error.field ? Object.keys(fieldIds).find((f) => error.field === f || error.field!.startsWith(`${f}.`)) : undefined;
  const message = key ? errorFor(error, key) : error.message;
  return (
    <div className="nhsuk-error-summary" aria-labelledby={titleId} role="alert" tabIndex={-1} ref={ref}>
      <h2 className="nhsuk-error-summary__title" id={titleId}>There is a problem</h2>
      <div className="nhsuk-error-summary__body">
        <ul className="nhsuk-list nhsuk-error-summary__list">
          <li>{key ? <a href={`#${fieldIds[key]}`}>{message}</a> : message}</li>
        </ul>
        {children}
      </div>
    </div>
  );
}

/** The red message above an input; its id is the input's aria-describedby. */
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <span className="nhsuk-error-message" id={`${id}-error`}>
      <span className="nhsuk-u-visually-hidden">Error:</span> {message}
    </span>
  );
}

type TextFieldProps = {
  id: string;
  label: string;
  value: string;
  onChange: (v: string) => void;
  error?: string;
  hint?: string;
  type?: 'text' | 'email' | 'password' | 'tel';
  autoComplete?: string;
  width?: 10 | 20 | 30;
};

/** A labelled text input with its hint and error, in the nhsuk pattern. */
export function TextField({ id, label, value, onChange, error, hint, type = 'text', autoComplete, width }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label className="nhsuk-label" htmlFor={id}>{label}</label>
      {hint && <div className="nhsuk-hint" id={`${id}-hint`}>{hint}</div>}
      <FieldError id={id} message={error} />
      <input
        className={`nhsuk-input${width ? ` nhsuk-input--width-${width}` : ''}${error ? ' nhsuk-input--error' : ''}`}
        id={id} name={id} type={type} value={value} autoComplete={autoComplete} spellCheck={false}
        aria-describedby={describedBy} aria-invalid={error ? true : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** A polite message after something was saved (announced, and not shown by colour alone). */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="nhsuk-inset-text wc-notice" role="status">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}
