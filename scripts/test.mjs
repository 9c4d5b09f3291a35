#!/usr/bin/env node
// The whole suite: unit tests, the integration suite on PGlite and (when TEST_DATABASE_URL or
// DATABASE_URL is set) on PostgreSQL, then the browser tests in Debian's Chromium.
// Prints how many tests ran in each part and closes with "N passed, N failed, N skipped".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const walk = (dir) =>
  readdirSync(join(root, dir)).flatMap((name) => {
    const rel = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(join(root, rel)).isDirectory() ? walk(rel) : [rel];
  });
const files = [...walk('src'), ...walk('test'), ...walk('bench')].filter((f) => f.endsWith('.test.ts')).sort();
const only = process.argv.slice(2);
const pick = (pred) => files.filter(pred).filter((f) => only.length === 0 || only.some((o) => f.includes(o)));
const isInt = (f) => f.endsWith('.int.test.ts');
const isE2e = (f) => f.startsWith('test/e2e/');
const pgUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const parts = [
  { name: 'unit', files: pick((f) => !isInt(f) && !isE2e(f)), env: {} },
  { name: 'integration on PGlite', files: pick(isInt), env: { TEST_DB: 'pglite' } },
];
if (pgUrl) parts.push({ name: 'integration on PostgreSQL', files: pick(isInt), env: { TEST_DB: 'pg', TEST_DATABASE_URL: pgUrl } });
else console.log('PostgreSQL integration run skipped: set TEST_DATABASE_URL (or DATABASE_URL) to run it.');
const e2eFiles = pick(isE2e);
const e2e = { name: 'browser (Chromium)', files: e2eFiles, env: { CHROMIUM_PATH: chromium }, concurrency: 1 };

const results = [];
const run = (part) => {
  if (part.files.length === 0) return results.push({ name: part.name, pass: 0, fail: 0, skipped: 0 });
  const tap = join(mkdtempSync(join(tmpdir(), 'wellcheck-test-')), 'report.tap');
  console.log(`\n=== ${part.name}: ${part.files.length} file(s)`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${part.concurrency ?? 2}`,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tap}`, ...part.files],
    { cwd: root, stdio: 'inherit', env: { ...process.env, ...part.env } },
  );
  const text = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (k) => Number(text.match(new RegExp(`^# ${k} (\\d+)$`, 'm'))?.[1] ?? 0);
  const res = { name: part.name, pass: count('pass'), fail: count('fail') + count('cancelled'), skipped: count('skipped') + count('todo') };
  if (r.status !== 0 && res.fail === 0) res.fail = 1; // a crash outside any test still fails the run
  results.push(res);
};
for (const part of parts) run(part);
if (e2eFiles.length && !existsSync(chromium)) {
  console.log(`\nBrowser tests skipped: ${chromium} is missing. Install it with: sudo apt-get install -y chromium`);
  results.push({ name: e2e.name, pass: 0, fail: 0, skipped: e2eFiles.length });
} else run(e2e);

console.log('\nSummary');
for (const r of results) console.log(`  ${r.name.padEnd(28)} ${r.pass} passed, ${r.fail} failed, ${r.skipped} skipped`);
const total = results.reduce((a, r) => ({ pass: a.pass + r.pass, fail: a.fail + r.fail, skipped: a.skipped + r.skipped }), { pass: 0, fail: 0, skipped: 0 });
console.log(`${total.pass} passed, ${total.fail} failed, ${total.skipped} skipped`);
process.exit(total.fail > 0 ? 1 : 0);
