/**
 * `wellcheck audit verify` as an operator runs it: a separate process over the same database.
 * Intact → prints "intact", exit 0. One event row changed behind Wellcheck's back → exit 1 and
 * the output names that event's number (seq) and id.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Deps } from '../../src/app/deps.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/open.ts';
import { openPg } from '../../src/db/pg.ts';
import type { Db } from '../../src/db/port.ts';
import { ensureDemo } from '../../src/demo/load.ts';
import { DEMO_ORGANISATION } from '../../src/demo/organisation.ts';
import { ManualClock } from '../support/clock.ts';
import { dbKinds, pgUrl } from '../support/db.ts';

const ROOT = new URL('../../', import.meta.url).pathname;

/** Runs the real CLI with only the database settings we give it. */
function runCli(env: Record<string, string>) {
  const { DATABASE_URL: _url, DATA_DIR: _dir, ...rest } = process.env;
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'audit', 'verify'], {
    cwd: ROOT, env: { ...rest, ...env }, encoding: 'utf8', timeout: 120_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** Where the CLI's database lives: a PGlite directory, or a fresh PostgreSQL schema. */
type Target = { env: Record<string, string>; open(): Promise<Db>; dispose(): Promise<void> };

function pgliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'wellcheck-cli-'));
  return {
    env: { DATA_DIR: dir },
    // PGlite on disk admits one process at a time: every handle is closed before the CLI runs.
    open: () => openDatabase({ DATA_DIR: dir }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function pgTarget(): Promise<Target> {
  const url = pgUrl()!;
  const schema = `wc_cli_${randomBytes(6).toString('hex')}`;
  const admin = await openPg({ connectionString: url, max: 1 });
  await admin.exec(`create schema ${schema}`);
  // The CLI only reads DATABASE_URL, so the schema travels in the URL's options.
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: { DATABASE_URL: withSchema.toString() },
    open: () => openPg({ connectionString: url, searchPath: schema, max: 2 }),
    async dispose() {
      await admin.exec(`drop schema ${schema} cascade`);
      await admin.close();
    },
  };
}

for (const kind of dbKinds()) {
  describe(`audit verify CLI [${kind}]`, () => {
    let target: Target;
    let orgId: string;
    before(async () => {
      target = kind === 'pglite' ? pgliteTarget() : await pgTarget();
      const db = await target.open();
      try {
        await migrate(db);
        const deps: Deps = { db, clock: new ManualClock(), config: { SECURE_COOKIES: 'off' } };
        await ensureDemo(deps, () => undefined);
        [{ id: orgId }] = await db.query<{ id: string }>('select id from organisations where name = $1', [DEMO_ORGANISATION]);
      } finally {
        await db.close();
      }
    });
    after(async () => target?.dispose());

    test('an untouched record: "intact" and exit 0', () => {
      const r = runCli(target.env);
      assert.equal(r.code, 0, r.out);
      assert.match(r.out, new RegExp(`intact\\s+${DEMO_ORGANISATION.replace(/[()]/g, '\\$&')}: \\d+ events`));
      assert.doesNotMatch(r.out, /BROKEN/);
    });

    test('one event row changed in the database: exit 1, naming that event', async () => {
      const seq = 3; // the demo's second service.created event
      const db = await target.open();
      let eventId: string;
      try {
        [{ id: eventId }] = await db.query<{ id: string }>('select id from events where org_id = $1 and seq = $2', [orgId, seq]);
        // Someone with database access bypasses the append-only trigger and edits history.
        await db.transaction(async (tx) => {
          await tx.exec('set local session_replication_role = replica');
          await tx.query(`update events set data = jsonb_set(data, '{name}', '"Renamed in secret"') where org_id = $1 and seq = $2`, [orgId, seq]);
        });
      } finally {
        await db.close();
      }
      const r = runCli(target.env);
      assert.equal(r.code, 1, r.out);
      assert.match(r.out, /BROKEN/);
      assert.match(r.out, new RegExp(`event ${seq} \\(${eventId}\\)`));
      assert.match(r.out, /changed after it was written/);
    });
  });
}
