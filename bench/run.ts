/**
 * `npm run bench [-- flags]`: Wellcheck's benchmarks (issue 4 item 6) on PGlite and
 * PostgreSQL, printed as a table and written to bench/results/latest.json.
 *   --only=ingest,burst,spread,peers   run a subset (default: all)
 *   --db=pglite,pg                     databases (default: both)
 *   --people=100000                    people in the burst and windows in the spread
 *   --spread-seconds=60                the spread's length
 *   --ingest-seconds=10 --warmup-seconds=2 --connections=64 --ingest-people=20000
 *   --orgs=10                          organisations the people are spread over
 *   --variants=one,two,two-kill        engine variants of the burst on PostgreSQL
 *   --pg-url=postgres://postgres@127.0.0.1:5432/test   (each run makes and drops its own database)
 *   --out=bench/results/latest.json
 */
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { runEngineBench, VARIANT_LABELS, type EngineVariant } from './burst.ts';
import { DEFAULT_PG_URL, postgresVersion, type DbKind } from './databases.ts';
import { runIngest } from './ingest.ts';
import { describeMachine, describeVersions } from './machine.ts';
import { runPeer, type PeerName } from './peers.ts';
import { computeVerdicts, peerComparison, renderResults, type Entry } from './report.ts';

const { values: flags } = parseArgs({
  options: {
    only: { type: 'string', default: 'ingest,burst,spread,peers' },
    db: { type: 'string', default: 'pglite,pg' },
    people: { type: 'string', default: '100000' },
    'spread-seconds': { type: 'string', default: '60' },
    'ingest-seconds': { type: 'string', default: '10' },
    'warmup-seconds': { type: 'string', default: '2' },
    connections: { type: 'string', default: '64' },
    'ingest-people': { type: 'string', default: '20000' },
    orgs: { type: 'string', default: '10' },
    variants: { type: 'string', default: 'one,two,two-kill' },
    'pg-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? DEFAULT_PG_URL },
    out: { type: 'string', default: new URL('./results/latest.json', import.meta.url).pathname },
  },
  strict: true,
});

const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
const positive = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a whole number above 0 (got ${v})`);
  return n;
};
const only = new Set(list(flags.only));
for (const o of only) if (!['ingest', 'burst', 'spread', 'peers'].includes(o)) throw new Error(`--only: unknown benchmark ${o}`);
const dbs = list(flags.db) as DbKind[];
for (const d of dbs) if (d !== 'pglite' && d !== 'pg') throw new Error(`--db: unknown database ${d}`);
const variants = list(flags.variants) as EngineVariant[];
for (const v of variants) if (!(v in VARIANT_LABELS)) throw new Error(`--variants: unknown variant ${v}`);
const people = positive('people', flags.people);
const spreadMs = positive('spread-seconds', flags['spread-seconds']) * 1000;
const orgs = positive('orgs', flags.orgs);
const pgUrl = flags['pg-url'];

const started = new Date();
const t0 = performance.now();
const log = (line: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${line}`);
const machine = describeMachine();
const pgVersion = dbs.includes('pg') ? await postgresVersion(pgUrl) : null;
if (dbs.includes('pg') && !pgVersion) throw new Error(`PostgreSQL is not reachable at ${pgUrl}`);
const versions = describeVersions(pgVersion);
log(`Wellcheck benchmarks on ${machine.cpuModel} (${machine.cores} cores, ${machine.memoryGiB} GiB), load ${machine.loadAtStart.join(' / ')}`);
log(`node ${versions.node}, PostgreSQL ${pgVersion ?? '-'}, PGlite ${versions.pglite}; ${people.toLocaleString('en-GB')} people over ${orgs} organisations`);
if (machine.loadAtStart[0] > machine.cores) log(`note: the machine is busy (load ${machine.loadAtStart[0]} on ${machine.cores} cores): figures will be noisy`);

const entries: Entry[] = [];
async function attempt(entry: Omit<Entry, 'figures'>, fn: () => Promise<Record<string, unknown>>) {
  log(`${entry.benchmark} on ${entry.db}: ${entry.variant} …`);
  try {
    entries.push({ ...entry, figures: await fn() });
  } catch (err) {
    log(`  failed: ${err instanceof Error ? err.stack : err}`);
    entries.push({ ...entry, figures: null, error: String(err instanceof Error ? err.message : err) });
  }
}

for (const kind of dbs) {
  if (only.has('ingest')) {
    let ingest: Awaited<ReturnType<typeof runIngest>> | undefined;
    await attempt({ benchmark: 'ingest', db: kind, variant: 'ceiling' }, async () => {
      ingest = await runIngest({
        kind, pgUrl, orgs, log,
        seconds: positive('ingest-seconds', flags['ingest-seconds']),
        warmupSeconds: positive('warmup-seconds', flags['warmup-seconds']),
        connections: positive('connections', flags.connections),
        people: positive('ingest-people', flags['ingest-people']),
      });
      return ingest.ceiling;
    });
    if (ingest) {
      const w = ingest.wellcheck;
      entries.push('error' in w
        ? { benchmark: 'ingest', db: kind, variant: 'wellcheck', figures: null, error: w.error }
        : { benchmark: 'ingest', db: kind, variant: 'wellcheck', figures: { ...w, ratioToCeiling: ingest.ratio } });
    }
  }
  const engineRuns: { shape: 'burst' | 'spread'; variant: EngineVariant }[] = [];
  if (only.has('burst')) for (const v of kind === 'pglite' ? variants.filter((x) => x === 'one') : variants) engineRuns.push({ shape: 'burst', variant: v });
  if (only.has('spread')) engineRuns.push({ shape: 'spread', variant: 'one' });
  for (const r of engineRuns) {
    await attempt({ benchmark: r.shape, db: kind, variant: VARIANT_LABELS[r.variant] }, () =>
      runEngineBench({ kind, shape: r.shape, variant: r.variant, people, spreadMs, orgs, pgUrl, log }));
  }
  if (kind === 'pglite' && only.has('burst') && variants.some((v) => v !== 'one')) {
    log('PGlite is single-process: the two-engine and kill variants run on PostgreSQL only.');
  }
}
if (only.has('peers')) {
  if (!dbs.includes('pg')) log('peers: skipped — they run on PostgreSQL only, and --db does not include pg');
  else {
    log('peers run on PostgreSQL only (both libraries need a multi-connection server).');
    for (const shape of ['burst', 'spread'] as const) {
      for (const peer of ['graphile-worker', 'pg-boss'] as PeerName[]) {
        await attempt({ benchmark: `peer-${shape}`, db: 'pg', variant: peer }, () =>
          runPeer(peer, { kind: shape, people, spreadMs }, { pgUrl, log }));
      }
    }
  }
}

machine.loadAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
const verdicts = computeVerdicts(entries);
const comparison = peerComparison(entries);
const notes = [
  'PGlite is single-process: the two-engine and kill variants are PostgreSQL-only.',
  'Peers (graphile-worker, pg-boss) run on PostgreSQL only, as bare delayed jobs: one job per missed window, one INSERT each.',
  'Lateness = window close → incident committed (recorded by a deferred trigger at commit).',
  ...(machine.loadAtStart[0] > machine.cores || (machine.loadAtEnd[0] ?? 0) > machine.cores
    ? [`The machine was shared and busy (load ${machine.loadAtStart[0]} at start, ${machine.loadAtEnd[0]} at end, ${machine.cores} cores): figures are noisy.`]
    : []),
];
const report = {
  generatedAt: started.toISOString(),
  durationSeconds: Math.round((performance.now() - t0) / 1000),
  flags,
  machine,
  versions,
  benchmarks: entries,
  targets: verdicts,
  peerComparison: comparison,
  notes,
};
await mkdir(dirname(flags.out), { recursive: true });
await writeFile(flags.out, `${JSON.stringify(report, null, 2)}\n`);

console.log(`\n${renderResults(entries, verdicts)}\n`);
for (const l of comparison) console.log(l);
for (const n of notes) console.log(`Note: ${n}`);
console.log(`\nWritten to ${flags.out}`);
process.exit(0);
