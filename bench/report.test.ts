import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeVerdicts, peerComparison, type Entry } from './report.ts';

const decision = (decidedInMs: number, p99: number, extra: Record<string, unknown> = {}) => ({
  decidedInMs, latenessMs: { p50: p99 / 2, p99, max: p99 }, duplicates: 0, misses: 0, wrong: 0, early: 0, timedOut: false, expected: 10, decided: 10, ...extra,
});

function run(overrides: Partial<Record<string, Record<string, unknown> | null>> = {}): Entry[] {
  return [
    { benchmark: 'ingest', db: 'pg', variant: 'ceiling', figures: { perSecond: 1000, latencyMs: { p50: 5, p99: 20, max: 30 } } },
    { benchmark: 'ingest', db: 'pg', variant: 'wellcheck', figures: overrides.ingest ?? { perSecond: 700, latencyMs: { p50: 10, p99: 40, max: 60 }, lost: 0 } },
    { benchmark: 'burst', db: 'pg', variant: '1 engine', figures: overrides.burst ?? decision(4000, 3000) },
    { benchmark: 'spread', db: 'pg', variant: '1 engine', figures: overrides.spread ?? decision(0, 80) },
    { benchmark: 'burst', db: 'pglite', variant: '1 engine', figures: overrides.pglite ?? decision(9000, 8000) },
    { benchmark: 'peer-burst', db: 'pg', variant: 'pg-boss', figures: decision(5000, 4000) },
    { benchmark: 'peer-burst', db: 'pg', variant: 'graphile-worker', figures: decision(8000, 7000) },
  ];
}
const verdict = (entries: Entry[], prefix: string, db = 'pg') => computeVerdicts(entries).find((v) => v.target.startsWith(prefix) && v.db === db)?.verdict;

test('targets are met when the measured figures are inside their limits', () => {
  const v = computeVerdicts(run());
  assert.ok(v.every((x) => x.verdict === 'met'), JSON.stringify(v.filter((x) => x.verdict !== 'met')));
});

test('each target turns MISSED from its own figure', () => {
  assert.equal(verdict(run({ ingest: { perSecond: 500, latencyMs: { p50: 10, p99: 40, max: 60 }, lost: 0 } }), 'ingest: check-ins/s'), 'MISSED');
  assert.equal(verdict(run({ ingest: { perSecond: 700, latencyMs: { p50: 10, p99: 51, max: 60 }, lost: 0 } }), 'ingest: p99'), 'MISSED');
  assert.equal(verdict(run({ burst: decision(10_001, 3000) }), 'burst (1 engine): all decided'), 'MISSED');
  assert.equal(verdict(run({ burst: decision(4000, 5001) }), 'burst (1 engine): p99'), 'MISSED');
  assert.equal(verdict(run({ burst: decision(5001, 3000) }), 'burst: speed vs best peer'), 'MISSED');
  assert.equal(verdict(run({ spread: decision(0, 101) }), 'spread: p99'), 'MISSED');
  assert.equal(verdict(run({ pglite: decision(9000, 8000, { duplicates: 1 }) }), 'zero duplicates', 'pglite'), 'MISSED');
  assert.equal(verdict(run({ burst: decision(4000, 3000, { timedOut: true }) }), 'burst (1 engine): all decided'), 'MISSED');
});

test('a benchmark that did not run is "not measured", never met', () => {
  const entries = run().filter((e) => e.benchmark !== 'spread');
  assert.equal(verdict(entries, 'spread: p99'), 'not measured');
  const failed = run().map((e) => (e.variant === 'wellcheck' ? { ...e, figures: null, error: 'boom' } : e));
  assert.equal(verdict(failed, 'ingest: p99'), 'not measured');
  assert.equal(verdict(failed, 'zero duplicates'), 'MISSED'); // a failed run cannot vouch for correctness
});

test('the peer comparison names the best peer and the ratio', () => {
  const [burst] = peerComparison(run());
  assert.match(burst, /best peer pg-boss 5 s; best peer ÷ Wellcheck = 1\.25×/);
});
