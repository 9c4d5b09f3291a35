import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { runImportPeople } from '../../src/cli/import-people-command.ts';
import { makeTestApp, type TestApp } from '../support/app.ts';
import { dbKinds } from '../support/db.ts';
import { peopleCsv } from '../support/people-csv.ts';

const SERVICE = 'Riverside Court supported living';
const MANAGER = 'manager+a@demo.wellcheck.test';

function capture(isTTY = false) {
  const chunks: string[] = [];
  return { isTTY, write: (s: string) => void chunks.push(s), text: () => chunks.join('') };
}

for (const kind of dbKinds()) {
  describe(`people import [${kind}]`, () => {
    let t: TestApp;
    let dir: string;
    before(async () => {
      t = await makeTestApp(kind);
      dir = await mkdtemp(join(tmpdir(), 'wellcheck-import-'));
    });
    after(async () => t?.close());

    const people = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from people where org_id = $1', [t.orgA.orgId]))[0].n;
    const run = async (csv: string, extra: string[] = []) => {
      const file = join(dir, `people-${Math.random().toString(36).slice(2)}.csv`);
      await writeFile(file, csv);
      const out = capture();
      const err = capture();
      const code = await runImportPeople([file, '--as', MANAGER, ...extra], t.deps, out, err);
      return { code, out: out.text(), err: err.text() };
    };

    test('a file with one bad row imports nothing and names the row and column', async () => {
      // Row index 3 is on line 5 (line 1 is the header).
      const csv = peopleCsv(50, SERVICE, { 3: (l) => l.replace('LS1 4AP', 'LS1 4A') });
      const r = await run(csv);
      assert.equal(r.code, 1);
      assert.match(r.out, /^line 5, postcode: Enter a UK postcode/m);
      assert.match(r.out, /Nothing imported: 1 row with problems \(of 50\)/);
      assert.equal(await people(), 0);
    });

    test('every bad row is reported; --skip-bad imports the rest', async () => {
      const csv = peopleCsv(20, SERVICE, {
        0: (l) => l.replace(/,\d{10},/, ',9434765918,'),
        5: (l) => l.replace(/\d\d\/\d\d\/\d{4}/, '31/02/1970'),
        9: (l) => l.replace(`"${SERVICE}"`, 'Nowhere House'),
      });
      const all = await run(csv);
      assert.equal(all.code, 1);
      assert.match(all.out, /^line 2, nhs_number: /m);
      assert.match(all.out, /^line 7, date_of_birth: /m);
      assert.match(all.out, /^line 11, service: No service called "Nowhere House"/m);
      assert.equal(await people(), 0);
      const skipped = await run(csv, ['--skip-bad']);
      assert.equal(skipped.code, 0, skipped.out);
      assert.match(skipped.out, /17 added, 0 updated, 0 unchanged, 3 bad rows skipped \(lines 2, 7, 11\)/);
      assert.equal(await people(), 17);
      await t.db.query('delete from people where org_id = $1', [t.orgA.orgId]);
    });

    test('10,000 rows import with progress, and a re-run changes nothing', async () => {
      const csv = peopleCsv(10_000, SERVICE);
      const started = performance.now();
      const first = await run(csv);
      const seconds = (performance.now() - started) / 1000;
      assert.equal(first.code, 0, first.out + first.err);
      assert.match(first.out, /Imported 10000 rows .*: 10000 added, 0 updated, 0 unchanged\./);
      assert.match(first.err, /Checking: 10000 of 10000 rows \(100%\)/);
      assert.match(first.err, /Importing: 10000 of 10000 rows \(100%\)/);
      assert.ok(first.err.split('\n').filter((l) => l.startsWith('Importing:')).length >= 5, 'progress is shown along the way');
      assert.equal(await people(), 10_000);
      console.log(`# figure: 10,000-row people import on ${kind}: ${seconds.toFixed(1)} s`);
      const medication = await t.db.query<{ n: number }>('select count(*)::int as n from people where org_id = $1 and is_medication_critical', [t.orgA.orgId]);
      assert.equal(medication[0].n, 1000);
      const events = await t.db.query<{ n: number }>("select count(*)::int as n from events where org_id = $1 and type = 'person.created'", [t.orgA.orgId]);
      assert.ok(events[0].n >= 10_000, 'each person added has its event');

      const again = await run(csv);
      assert.equal(again.code, 0);
      assert.match(again.out, /0 added, 0 updated, 10000 unchanged/);
      const changed = await run(peopleCsv(10_000, SERVICE, { 42: (l) => l.replace('LS1 4AP', 'LS2 7EE') }));
      assert.match(changed.out, /0 added, 1 updated, 9999 unchanged/);
      assert.equal(await people(), 10_000);
    });

    test('progress on a terminal is one bar redrawn in place', async () => {
      const { progressReporter } = await import('../../src/cli/import-people-command.ts');
      const err = capture(true);
      const report = progressReporter(err);
      report({ phase: 'validating', done: 10, total: 10 });
      assert.match(err.text(), /^\rChecking  \[#{30}\] 100% 10\/10\n$/);
    });

    test('the same import from the screen: an upload to POST /api/people/import', async () => {
      const manager = await t.signIn('registered_manager');
      const bad = await t.call(manager, {
        method: 'POST', url: '/api/people/import',
        payload: { fileName: 'upload.csv', skipBad: false, csv: peopleCsv(3, SERVICE, { 1: (l) => l.replace('LS1 4AP', 'nope') }) },
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.field, 'line 3: postcode');
      assert.deepEqual(bad.json().problems.map((p: { line: number }) => p.line), [3]);
      const leader = await t.signIn('team_leader');
      const forbidden = await t.call(leader, { method: 'POST', url: '/api/people/import', payload: { fileName: 'x.csv', skipBad: false, csv: 'x' } });
      assert.equal(forbidden.statusCode, 403);
    });
  });
}
