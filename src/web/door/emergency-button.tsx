import { useState } from 'react';
import { ApiError } from '../api.ts';
import { tap } from '../incidents/tap.ts';

/**
 * Emergency (no-response policy §20.4): always on screen, one tap, no questions first. The
 * server never refuses it for role, training, stage or a missing field; the rest is recorded later.
 */
export function EmergencyButton({ personId, incidentId, personName, onDone }: { personId?: string; incidentId?: string; personName?: string; onDone?: () => void }) {
  const [state, setState] = useState<'idle' | 'sending' | 'done' | 'failed'>('idle');
  const press = async () => {
    setState('sending');
    try {
      await tap('POST', '/api/emergency', { personId: personId ?? null, incidentId: incidentId ?? null });
      setState('done');
      onDone?.();
    } catch (err) {
      setState(err instanceof ApiError && err.status < 500 && err.status > 0 ? 'failed' : 'failed');
    }
  };
  return (
    <div className="wc-emergency">
      <button type="button" className="wc-emergency__button" onClick={press} disabled={state === 'sending'}>
        Emergency{personName ? <span className="nhsuk-u-visually-hidden">: {personName}</span> : null}
      </button>
      <p className="wc-emergency__hint" role="status">
        {state === 'done' ? 'Emergency recorded. On call has been alerted. Call 999 now if you have not.'
          : state === 'failed' ? 'Could not reach Wellcheck. Call 999 now, then tell on call by phone.'
          : 'Danger to life? Call 999, then press Emergency.'}
      </p>
    </div>
  );
}
