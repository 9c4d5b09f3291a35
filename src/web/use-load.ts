import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api.ts';

/** Loads data for a screen: { data, error, reload }. `key` changes reload it. */
export function useLoad<T>(load: () => Promise<T>, key: string = '') {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [tick, setTick] = useState(0);
  const run = useCallback(load, [key, tick]);
  useEffect(() => {
    let live = true;
    run().then(
      (d) => live && (setData(d), setError(null)),
      (e) => live && setError(e instanceof ApiError ? e : new ApiError(0, 'network', 'Could not reach Wellcheck. Check your connection.')),
    );
    return () => {
      live = false;
    };
  }, [run]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, reload };
}
