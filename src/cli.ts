import { loadConfig } from './config.ts';
import { verifyChain } from './db/events.ts';
import { migrate } from './db/migrate.ts';
import { openDatabase } from './db/open.ts';

const USAGE = `Usage: wellcheck <command>
  audit verify            check every organisation's event chain; exit 1 if any is broken
  migrate                 apply database migrations
  api                     run the HTTP server only
  engine                  run the background engine only
  import people FILE.csv --as EMAIL [--skip-bad]  import people supported from a spreadsheet (CSV)
  bank-holidays refresh FILE  rewrite the England and Wales bank holidays from a saved copy of the official feed
Database: DATABASE_URL (PostgreSQL) or DATA_DIR (embedded PGlite, default ./data).`;

/** Extra commands registered by other modules (import people …). */
export const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  async 'audit verify'() {
    const db = await openDatabase(loadConfig());
    try {
      const orgs = await db.query<{ id: string; name: string }>('select id, name from organisations order by name');
      let broken = 0;
      for (const org of orgs) {
        const r = await verifyChain(db, org.id);
        if (r.intact) console.log(`intact   ${org.name}: ${r.events} events`);
        else {
          broken++;
          console.log(`BROKEN   ${org.name}: event ${r.brokenAt.seq} (${r.brokenAt.id || 'missing'}) ${r.brokenAt.problem}; ${r.events} events before it are intact`);
        }
      }
      return broken ? 1 : 0;
    } finally {
      await db.close();
    }
  },
  async migrate() {
    const db = await openDatabase(loadConfig());
    const r = await migrate(db);
    console.log(`${r.applied.length} applied, ${r.alreadyApplied} already in place`);
    await db.close();
    return 0;
  },
  async api() {
    const { start } = await import('./main.ts');
    await start({ api: true, engine: false });
    return -1;
  },
  async engine() {
    const { start } = await import('./main.ts');
    await start({ api: false, engine: true });
    return -1;
  },
  async 'bank-holidays refresh'(args) {
    const { refreshBankHolidays } = await import('./app/schedules/refresh-bank-holidays.ts');
    return refreshBankHolidays(args);
  },
  async 'import people'(args) {
    const { runImportPeople } = await import('./cli/import-people-command.ts');
    const { systemClock } = await import('./domain/time/clock.ts');
    const config = loadConfig();
    const db = await openDatabase(config);
    try {
      await migrate(db);
      return await runImportPeople(args, { db, clock: systemClock, config }, process.stdout, process.stderr);
    } finally {
      await db.close();
    }
  },
};

async function main(argv: string[]) {
  const two = argv.slice(0, 2).join(' ');
  const name = COMMANDS[two] ? two : argv[0];
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    console.log(USAGE);
    return argv.length ? 2 : 0;
  }
  return command(argv.slice(name.split(' ').length));
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  },
);
