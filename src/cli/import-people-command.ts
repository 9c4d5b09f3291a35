import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Deps } from '../app/deps.ts';
import { importPeople, type ImportProgress } from '../app/people/import-people.ts';
import { findStaffByEmail } from '../db/repos/staff.ts';
import type { StaffActor } from '../domain/access/actor.ts';

export const IMPORT_PEOPLE_USAGE = `Usage: wellcheck import people FILE.csv --as EMAIL [--skip-bad]
  Validates every row first and lists every bad row (line and column). Nothing is imported
  if any row is bad, unless --skip-bad is given. Re-running the same file changes nothing.
  --as EMAIL   the member of staff importing (needs the registered manager's permission)`;

export type Output = { write(s: string): void; isTTY?: boolean };

/**
 * `wellcheck import people`: the CLI face of importPeople. Progress goes to `err`: a bar redrawn
 * in place on a terminal, a line every 10% otherwise (logs, CI). Returns the exit code.
 */
export async function runImportPeople(args: string[], deps: Deps, out: Output, err: Output): Promise<number> {
  const file = args.find((a) => !a.startsWith('--') && args[args.indexOf(a) - 1] !== '--as');
  const asIndex = args.indexOf('--as');
  const email = asIndex >= 0 ? args[asIndex + 1] : undefined;
  if (!file || !email) {
    err.write(`${IMPORT_PEOPLE_USAGE}\n`);
    return 2;
  }
  const staff = await findStaffByEmail(deps.db, email);
  if (!staff || !staff.is_active) {
    err.write(`No active member of staff with the email ${email}\n`);
    return 2;
  }
  const actor: StaffActor = { kind: 'staff', id: staff.id, orgId: staff.org_id, role: staff.role, name: staff.name, serviceIds: staff.service_ids };
  const csv = await readFile(file, 'utf8');
  const progress = progressReporter(err);
  const started = process.hrtime.bigint();
  const result = await importPeople(deps, actor, { csv, fileName: basename(file), skipBad: args.includes('--skip-bad'), onProgress: progress });
  progress.finish();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  for (const p of result.problems) out.write(`line ${p.line}, ${p.field}: ${p.message}\n`);
  if (!result.imported) {
    const lines = new Set(result.problems.map((p) => p.line)).size;
    out.write(`Nothing imported: ${lines} row${lines === 1 ? '' : 's'} with problems (of ${result.rows}). Fix them, or use --skip-bad.\n`);
    return 1;
  }
  out.write(
    `Imported ${result.rows} rows in ${seconds.toFixed(1)} s: ${result.created} added, ${result.updated} updated, ${result.unchanged} unchanged` +
    `${result.skippedLines.length ? `, ${result.skippedLines.length} bad rows skipped (lines ${result.skippedLines.join(', ')})` : ''}.\n`,
  );
  return 0;
}

/** Progress on stderr: redrawn in place on a TTY, else one line per 10% per phase. */
export function progressReporter(err: Output) {
  let lastPhase = '';
  let lastTenth = -1;
  let lastDraw = 0;
  const report = (p: ImportProgress) => {
    const pct = p.total ? Math.floor((p.done / p.total) * 100) : 100;
    const label = p.phase === 'validating' ? 'Checking ' : 'Importing';
    if (err.isTTY) {
      const now = Date.now();
      if (p.done !== p.total && now - lastDraw < 100) return;
      lastDraw = now;
      const width = 30;
      const filled = Math.round((pct / 100) * width);
      err.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${p.done}/${p.total}`);
      if (p.done === p.total) err.write('\n');
      return;
    }
    const tenth = Math.floor(pct / 10);
    if (p.phase !== lastPhase) {
      lastPhase = p.phase;
      lastTenth = -1;
    }
    if (tenth > lastTenth) {
      lastTenth = tenth;
      err.write(`${label.trim()}: ${p.done} of ${p.total} rows (${pct}%)\n`);
    }
  };
  return Object.assign(report, { finish: () => undefined });
}
