import { useEffect, useRef, useState } from 'react';

/**
 * Calls `onChange` when the server's live feed (server-sent events, /api/live) reports a
 * change; the browser's EventSource reconnects by itself and resumes with Last-Event-ID.
 * Also returns the last alert meant for this member of staff.
 */
export function useLive(onChange: () => void): { alert: string | null; isConnected: boolean } {
  const cb = useRef(onChange);
  cb.current = onChange;
  const [alert, setAlert] = useState<string | null>(null);
  const [isConnected, setConnected] = useState(false);
  useEffect(() => {
    const es = new EventSource('/api/live');
    let timer: number | undefined;
    // Several messages in one commit arrive together: refetch once.
    const changed = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => cb.current(), 50);
    };
    es.onopen = () => setConnected(true);
    es.onerror = () => setConnected(false);
    es.addEventListener('incident', changed);
    es.addEventListener('notifications', changed);
    es.addEventListener('alert', (e) => {
      try {
        setAlert((JSON.parse((e as MessageEvent).data) as { subject?: string }).subject ?? null);
      } catch { /* ignore a malformed message */ }
      changed();
    });
    return () => {
      window.clearTimeout(timer);
      es.close();
    };
  }, []);
  return { alert, isConnected };
}

/** The current time, ticking every `ms` (for countdowns). */
export function useNow(ms = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(t);
  }, [ms]);
  return now;
}
