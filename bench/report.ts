import { round } from './stats.ts';

/**
 * The results table and the verdicts against the issue's targets. Every verdict is
 * computed from the measured figures of this run; a figure that was not measured gives
 * "not measured", never "met".
 */
export type Entry = {
  benchmark: 'ingest' | 'burst' | 'spread' | 'peer-burst' | 'peer-spread';
  db: 'pglite' | 'pg';
  variant: string;
  figures: Record<string, unknown> | null;
  error?: string;
};

export type Verdict = {
  target: string; db: 'pg' | 'pglite'; measured: string; limit: string; verdict: 'met' | 'MISSED' | 'not measured';
  /** The raw figure compared (ms, ratio or count); null when not measured or timed out. */
  value?: number | null;
};

type Lateness = { p50: number | null; p99: number | null; max: number | null };
const f = (e: Entry | undefined) => (e && !e.error ? e.figures : null) as Record<string, any> | null;
const ms = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v >= 1000 ? `${round(v / 1000, 2)} s` : `${round(v, 1)} ms`);

export function computeVerdicts(entries: Entry[]): Verdict[] {
  const out: Verdict[] = [];
  const find = (b: Entry['benchmark'], db: Entry['db'], variant?: string) =>
    entries.find((e) => e.benchmark === b && e.db === db && (variant === undefined || e.variant === variant));
  const check = (target: string, db: Entry['db'], value: number | null | undefined, limit: number, fmt: (v: number) => string, op: '<=' | '>=') => {
    if (value === Infinity) {
      out.push({ target, db, measured: 'timed out', limit: `${op} ${fmt(limit)}`, verdict: 'MISSED', value: null });
    } else if (value === null || value === undefined || !Number.isFinite(value)) {
      out.push({ target, db, measured: '-', limit: `${op} ${fmt(limit)}`, verdict: 'not measured', value: null });
    } else {
      const ok = op === '<=' ? value <= limit : value >= limit;
      out.push({ target, db, measured: fmt(value), limit: `${op} ${fmt(limit)}`, verdict: ok ? 'met' : 'MISSED', value });
    }
  };
  const wc = f(find('ingest', 'pg', 'wellcheck'));
  const ceiling = f(find('ingest', 'pg', 'ceiling'));
  const ratio = wc && ceiling && ceiling.perSecond > 0 ? wc.perSecond / ceiling.perSecond : null;
  check('ingest: check-ins/s ÷ ceiling', 'pg', ratio, 0.6, (v) => `${round(v, 2)}×`, '>=');
  check('ingest: p99 latency', 'pg', wc?.latencyMs?.p99, 50, ms, '<=');
  for (const e of entries.filter((x) => x.benchmark === 'burst' && x.db === 'pg')) {
    check(`burst (${e.variant}): all decided within`, 'pg', f(e)?.timedOut ? Infinity : f(e)?.decidedInMs, 10_000, ms, '<=');
    check(`burst (${e.variant}): p99 lateness`, 'pg', (f(e)?.latenessMs as Lateness | undefined)?.p99, 5_000, ms, '<=');
  }
  const spread = f(find('spread', 'pg'));
  check('spread: p99 lateness', 'pg', spread?.timedOut ? Infinity : spread?.latenessMs?.p99, 100, ms, '<=');
  const one = f(find('burst', 'pg', '1 engine'));
  const peers = entries.filter((e) => e.benchmark === 'peer-burst' && f(e) && !f(e)!.timedOut);
  const bestPeer = peers.length ? Math.min(...peers.map((e) => Number(f(e)!.decidedInMs))) : null;
  const speed = one && bestPeer !== null && !one.timedOut && one.decidedInMs > 0 ? bestPeer / one.decidedInMs : null;
  check('burst: speed vs best peer (peer time ÷ ours, 1 engine)', 'pg', speed, 1, (v) => `${round(v, 2)}×`, '>=');
  for (const db of ['pg', 'pglite'] as const) {
    const mine = entries.filter((e) => e.db === db && (e.benchmark === 'burst' || e.benchmark === 'spread' || (e.benchmark === 'ingest' && e.variant === 'wellcheck')));
    const measured = mine.filter((e) => f(e));
    if (measured.length === 0) {
      out.push({ target: 'zero duplicates, misses, wrong incidents, lost check-ins', db, measured: '-', limit: '= 0', verdict: 'not measured' });
      continue;
    }
    let bad = 0;
    for (const e of measured) {
      const x = f(e)!;
      bad += Number(x.duplicates ?? 0) + Number(x.misses ?? 0) + Number(x.wrong ?? 0) + Number(x.early ?? 0) + Number(x.lost ?? 0);
    }
    const incomplete = mine.length - measured.length;
    out.push({
      target: `zero duplicates, misses, wrong incidents, lost check-ins (${measured.length} run${measured.length > 1 ? 's' : ''}${incomplete ? `, ${incomplete} failed` : ''})`,
      db, measured: String(bad), limit: '= 0', verdict: bad === 0 && incomplete === 0 ? 'met' : 'MISSED', value: bad,
    });
  }
  return out;
}

/** Burst and spread compared with the best peer (PostgreSQL only). */
export function peerComparison(entries: Entry[]): string[] {
  const lines: string[] = [];
  for (const shape of ['burst', 'spread'] as const) {
    const ours = f(entries.find((e) => e.benchmark === shape && e.db === 'pg' && e.variant === '1 engine'));
    const peers = entries.filter((e) => e.benchmark === `peer-${shape}` && f(e));
    if (!ours || peers.length === 0) continue;
    const key = (x: Record<string, any>) => (shape === 'burst' ? x.decidedInMs : x.latenessMs?.p99);
    const best = peers.reduce((a, b) => (key(f(a)!) <= key(f(b)!) ? a : b));
    const what = shape === 'burst' ? 'time to decide the burst' : 'p99 lateness';
    const r = key(ours) > 0 ? key(f(best)!) / key(ours) : null;
    lines.push(`${shape}: ${what} — Wellcheck (1 engine) ${ms(key(ours))}, best peer ${best.variant} ${ms(key(f(best)!))}; `
      + `best peer ÷ Wellcheck = ${r === null ? '-' : `${round(r, 2)}×`} (above 1 means Wellcheck is faster)`);
  }
  return lines;
}

function row(e: Entry): string[] {
  const x = f(e);
  const name = e.benchmark.startsWith('peer-') ? `${e.benchmark.slice(5)} (peer)` : e.benchmark;
  if (!x) return [name, e.db, e.variant, 'ERROR', '', '', '', '', '', (e.error ?? '').slice(0, 80)];
  if (e.benchmark === 'ingest') {
    const l = x.latencyMs ?? {};
    const notes: string[] = [`${x.ok} ok`, x.non2xx ? `${x.non2xx} non-2xx` : '', x.errors ? `${x.errors} errors` : '', x.lost ? `${x.lost} LOST` : '0 lost',
      x.answeredWindows !== undefined ? `${x.answeredWindows} answered a window` : '',
      x.serverCpuMsPerRequest ? `server CPU ${round(x.serverCpuMsPerRequest, 2)} ms/req` : ''].filter(Boolean);
    if (x.ratioToCeiling) notes.push(`${round(x.ratioToCeiling, 2)}× the ceiling`);
    return [name, e.db, e.variant, `${round(x.perSecond, 0)}/s`, ms(l.p50), ms(l.p99), ms(l.max), '-', '-', notes.join(', ')];
  }
  const l = (x.latenessMs ?? {}) as Lateness;
  const lead = x.timedOut ? `TIMED OUT ${x.decided}/${x.expected}` : x.decidedInMs !== null && x.decidedInMs !== undefined ? `${ms(x.decidedInMs)}` : `${x.decided}/${x.expected}`;
  const notes = [`${x.expected} incidents due`, x.wrong ? `${x.wrong} WRONG` : '', x.early ? `${x.early} EARLY` : '',
    x.kill ? `engine 2 killed ${ms(x.kill.afterMs)} after close (${x.kill.decidedBefore} decided)` : '',
    x.byDecider && Object.keys(x.byDecider).length > 1 ? `by ${Object.entries(x.byDecider).map(([k, v]) => `${k}: ${v}`).join(', ')}` : '', x.lateStart ? 'LATE START' : '',
    x.engineLogLines ? `${x.engineLogLines} engine log lines` : '',
    x.settings ? Object.entries(x.settings as object).map(([k, v]) => `${k} ${v}`).join(' ') : ''].filter(Boolean).join(', ');
  return [name, e.db, e.variant, lead, ms(l.p50), ms(l.p99), ms(l.max), String(x.duplicates), String(x.misses), notes];
}

export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (c ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function renderResults(entries: Entry[], verdicts: Verdict[]): string {
  const results = table(
    ['Benchmark', 'DB', 'Variant', 'Rate / decided in', 'p50', 'p99', 'max', 'Dup', 'Miss', 'Notes'],
    entries.map(row),
  );
  const targets = table(['Target (issue 4)', 'DB', 'Measured', 'Limit', 'Verdict'], verdicts.map((v) => [v.target, v.db, v.measured, v.limit, v.verdict === 'met' ? 'target met' : v.verdict]));
  return `${results}\n\nLatency columns: ingest = HTTP request latency; burst/spread = lateness (window close → incident committed).\n\n${targets}`;
}
