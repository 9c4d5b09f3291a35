import { parse } from 'csv-parse/sync';
import { appendEvent } from '../../db/events.ts';
import { appendEvents } from '../../db/events.ts';
import { newId } from '../../db/ids.ts';
import type { Queryable } from '../../db/port.ts';
import type { PersonRow } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { requireAction, visibleServices } from '../../domain/access/actor.ts';
import { dateOfBirthProblem, londonDate } from '../../domain/people/dates.ts';
import { columnForField, headerProblems, rowFields, type RowProblem } from '../../domain/people/import-row.ts';
import { normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { personInput, type PersonInput } from '../../domain/people/person-input.ts';
import type { Deps } from '../deps.ts';
import { columnValue, PERSON_COLUMNS, PERSON_FIELDS } from './person-columns.ts';
import { writePersonChanges } from './update-person.ts';
import './people-events.ts';

export type ImportProgress = { phase: 'validating' | 'importing'; done: number; total: number };
export type ImportResult = {
  imported: boolean; rows: number; created: number; updated: number; unchanged: number;
  skippedLines: number[]; problems: RowProblem[];
};
type ValidRow = { line: number; input: PersonInput; existing?: PersonRow };

const BATCH = 500;

/**
 * Imports people from a CSV file (issue 3 §9). Every row is validated first and every problem is
 * reported with its line and column; if any row is bad nothing is imported, unless `skipBad` is
 * set, when the good rows are imported and the bad lines listed. Rows are matched to people
 * already recorded by reference, else NHS number, so re-running a file changes nothing. All
 * writes are one transaction: an import is whole or absent.
 */
export async function importPeople(
  deps: Deps, actor: Actor,
  input: { csv: string; fileName: string; skipBad: boolean; onProgress?: (p: ImportProgress) => void },
): Promise<ImportResult> {
  requireAction(actor, 'person.import');
  const at = deps.clock.now();
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(input.csv, { bom: true, info: true, skip_empty_lines: true, relax_column_count: true }) as never;
  } catch (err) {
    const line = (err as { lines?: number }).lines ?? 1;
    return failed(0, [{ line, field: 'file', message: `This is not a readable CSV file: ${(err as Error).message}` }]);
  }
  if (records.length === 0) return failed(0, [{ line: 1, field: 'file', message: 'The file is empty' }]);
  const header = records[0].record.map((h) => h.trim().toLowerCase());
  const headerIssues = headerProblems(header);
  if (headerIssues.length) return failed(records.length - 1, headerIssues);

  const services = await deps.db.query<{ id: string; name: string }>('select id, name from services where org_id = $1', [actor.orgId]);
  const visible = visibleServices(actor);
  const serviceIdByName = new Map(services.filter((s) => visible === 'all' || visible.includes(s.id)).map((s) => [s.name.toLowerCase(), s.id]));
  const existing = await deps.db.query<PersonRow>('select * from people where org_id = $1', [actor.orgId]);
  const byRef = new Map(existing.filter((p) => p.external_ref).map((p) => [p.external_ref!.toLowerCase(), p]));
  const byNhs = new Map(existing.filter((p) => p.nhs_number).map((p) => [p.nhs_number!, p]));

  const problems: RowProblem[] = [];
  const valid: ValidRow[] = [];
  const seenRef = new Map<string, number>();
  const seenNhs = new Map<string, number>();
  const today = londonDate(at);
  const total = records.length - 1;
  for (let i = 1; i < records.length; i++) {
    const { record, info } = records[i];
    const line = info.lines;
    input.onProgress?.({ phase: 'validating', done: i, total });
    if (record.length !== header.length) {
      problems.push({ line, field: 'row', message: `Expected ${header.length} values, found ${record.length}` });
      continue;
    }
    const rowProblems: RowProblem[] = [];
    const { fields, problems: fieldProblems } = rowFields(Object.fromEntries(header.map((h, j) => [h, record[j]])), line, serviceIdByName);
    rowProblems.push(...fieldProblems);
    const ref = fields.externalRef?.toLowerCase();
    const nhs = fields.nhsNumber ? normaliseNhsNumber(fields.nhsNumber) : undefined;
    if (ref && seenRef.has(ref)) rowProblems.push({ line, field: 'reference', message: `The same reference is on line ${seenRef.get(ref)}` });
    if (nhs && seenNhs.has(nhs)) rowProblems.push({ line, field: 'nhs_number', message: `The same NHS number is on line ${seenNhs.get(nhs)}` });
    if (ref) seenRef.set(ref, line);
    if (nhs) seenNhs.set(nhs, line);
    let match = ref ? byRef.get(ref) : undefined;
    const nhsOwner = nhs ? byNhs.get(nhs) : undefined;
    if (!match && nhsOwner) {
      if (ref && nhsOwner.external_ref) rowProblems.push({ line, field: 'nhs_number', message: `This NHS number belongs to the person with reference ${nhsOwner.external_ref}` });
      else match = nhsOwner;
    } else if (match && nhsOwner && nhsOwner.id !== match.id) {
      rowProblems.push({ line, field: 'nhs_number', message: 'This NHS number belongs to another person already recorded' });
    }
    // Columns left out of the file keep what is recorded (e.g. details added on screen since).
    const merged = match ? { ...recordedFields(match), ...fields } : fields;
    const parsed = personInput.safeParse(merged);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = columnForField(issue.path.map(String).join('.'));
        if (!rowProblems.some((p) => p.field === field)) rowProblems.push({ line, field, message: issue.message });
      }
    } else if (parsed.data.dateOfBirth && dateOfBirthProblem(parsed.data.dateOfBirth, today)) {
      rowProblems.push({ line, field: 'date_of_birth', message: dateOfBirthProblem(parsed.data.dateOfBirth, today)! });
    }
    if (rowProblems.length) problems.push(...rowProblems);
    else if (parsed.success) valid.push({ line, input: parsed.data, existing: match });
  }
  const badLines = [...new Set(problems.map((p) => p.line))].sort((a, b) => a - b);
  if (problems.length && !input.skipBad) return failed(total, problems);

  const counts = { created: 0, updated: 0, unchanged: 0 };
  await deps.db.transaction(async (tx) => {
    const fresh = valid.filter((v) => !v.existing);
    for (let i = 0; i < fresh.length; i += BATCH) {
      await insertBatch(tx, actor, fresh.slice(i, i + BATCH), at);
      counts.created += Math.min(BATCH, fresh.length - i);
      input.onProgress?.({ phase: 'importing', done: counts.created, total: valid.length });
    }
    for (const v of valid.filter((r) => r.existing)) {
      const changed = await writePersonChanges(tx, actor, v.existing!, v.input, v.existing!.version, at, true);
      counts[changed ? 'updated' : 'unchanged']++;
      input.onProgress?.({ phase: 'importing', done: counts.created + counts.updated + counts.unchanged, total: valid.length });
    }
    await appendEvent(tx, {
      actor, type: 'people.imported', entityType: 'import', entityId: newId(at.getTime()), at,
      data: { file: input.fileName.slice(0, 200), rows: total, ...counts, skippedLines: badLines },
    });
  });
  return { imported: true, rows: total, ...counts, skippedLines: badLines, problems };
}

const failed = (rows: number, problems: RowProblem[]): ImportResult =>
  ({ imported: false, rows, created: 0, updated: 0, unchanged: 0, skippedLines: [], problems });

/** A recorded person's values in input form, to fill the columns a file leaves out. */
function recordedFields(p: PersonRow): Record<string, unknown> {
  return Object.fromEntries(PERSON_FIELDS.map((f) => [f, p[PERSON_COLUMNS[f]] ?? undefined]));
}

/** Inserts up to BATCH new people in one statement, with their events in one more. */
async function insertBatch(tx: Queryable, actor: Actor, rows: ValidRow[], at: Date): Promise<void> {
  const ids = rows.map(() => newId(at.getTime()));
  const json = rows.map((r, i) => ({
    id: ids[i], org_id: actor.orgId, created_at: at.toISOString(), updated_at: at.toISOString(),
    ...Object.fromEntries(PERSON_FIELDS.map((f) => [PERSON_COLUMNS[f], columnValue(r.input, f)])),
  }));
  const columns = ['id', 'org_id', ...PERSON_FIELDS.map((f) => PERSON_COLUMNS[f]), 'created_at', 'updated_at'];
  await tx.query(
    `insert into people (${columns.join(', ')})
     select ${columns.join(', ')} from jsonb_populate_recordset(null::people, $1::jsonb)`,
    [JSON.stringify(json)],
  );
  await appendEvents(tx, rows.map((r, i) => ({
    actor, type: 'person.created', entityType: 'person', entityId: ids[i], at,
    data: { serviceId: r.input.serviceId, name: `${r.input.givenName} ${r.input.familyName}`, externalRef: r.input.externalRef ?? null, viaImport: true },
  })));
}
