import type { PersonFields } from './person-input.ts';
import { COMMUNICATION_CATEGORIES, SUPPORT_TYPES } from './person-input.ts';

/**
 * The people import file (CSV, one person a row, a header line first), as a provider moving from
 * spreadsheets would have it. Column names are lower case with underscores; order is free;
 * unknown columns are refused so a typo does not silently drop data. Dates dd/mm/yyyy (or
 * yyyy-mm-dd); yes/no for flags; lists separated by semicolons. A row is matched to an existing
 * person by `reference` (the provider's own id), else by `nhs_number`: re-running a file changes
 * nothing.
 */
export const IMPORT_COLUMNS = {
  reference: 'externalRef',
  given_name: 'givenName',
  family_name: 'familyName',
  preferred_name: 'preferredName',
  date_of_birth: 'dateOfBirth',
  nhs_number: 'nhsNumber',
  address: 'address',
  postcode: 'postcode',
  service: 'serviceId',
  support_types: 'supportTypes',
  communication_categories: 'communicationCategories',
  communication_needs: 'communicationNeeds',
  health_conditions: 'healthConditions',
  medication_critical: 'isMedicationCritical',
  medication_critical_detail: 'medicationCriticalDetail',
  falls_risk: 'fallsRisk',
  self_neglect_risk: 'selfNeglectRisk',
  history_of_disengagement: 'hasHistoryOfDisengagement',
  disengagement_note: 'disengagementNote',
  cultural_routines: 'culturalRoutines',
  gp: 'gp',
  housing_provider: 'housingProvider',
  access_arrangements: 'accessArrangements',
} as const satisfies Record<string, keyof PersonFields>;
export type ImportColumn = keyof typeof IMPORT_COLUMNS;
export const REQUIRED_COLUMNS: ImportColumn[] = ['given_name', 'family_name', 'service'];

export type RowProblem = { line: number; field: string; message: string };

/** The CSV column for a field path of the person schema (so errors name what the user sees). */
export function columnForField(field: string): string {
  const entry = Object.entries(IMPORT_COLUMNS).find(([, f]) => f === field.split('.')[0]);
  return entry ? entry[0] : field;
}

/** Problems with the header line itself (line 1). */
export function headerProblems(header: string[]): RowProblem[] {
  const problems: RowProblem[] = [];
  for (const h of header) {
    if (!(h in IMPORT_COLUMNS)) problems.push({ line: 1, field: h, message: `Unknown column "${h}"; the columns are ${Object.keys(IMPORT_COLUMNS).join(', ')}` });
  }
  for (const c of REQUIRED_COLUMNS) if (!header.includes(c)) problems.push({ line: 1, field: c, message: `The column "${c}" is missing` });
  if (!header.includes('reference') && !header.includes('nhs_number')) {
    problems.push({ line: 1, field: 'reference', message: 'Add a "reference" or "nhs_number" column so that re-running the import does not add people twice' });
  }
  return problems;
}

const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0', '']);
const token = (s: string) => s.trim().toLowerCase().replace(/[\s-]+/g, '_');

/**
 * One CSV record as person fields (only the columns present), before schema validation.
 * `serviceIdByName` resolves the service column (its name, case-insensitive).
 */
export function rowFields(record: Record<string, string>, line: number, serviceIdByName: Map<string, string>): { fields: Partial<PersonFields>; problems: RowProblem[] } {
  const fields: Record<string, unknown> = {};
  const problems: RowProblem[] = [];
  for (const [column, raw] of Object.entries(record)) {
    const field = IMPORT_COLUMNS[column as ImportColumn];
    if (!field) continue;
    const value = (raw ?? '').trim();
    switch (column as ImportColumn) {
      case 'service': {
        const id = serviceIdByName.get(value.toLowerCase());
        if (!id) problems.push({ line, field: column, message: value ? `No service called "${value}"` : 'Name the service' });
        else fields[field] = id;
        break;
      }
      case 'medication_critical':
      case 'history_of_disengagement': {
        const v = value.toLowerCase();
        if (YES.has(v)) fields[field] = true;
        else if (NO.has(v)) fields[field] = false;
        else problems.push({ line, field: column, message: 'Use yes or no' });
        break;
      }
      case 'support_types':
      case 'communication_categories': {
        const allowed: readonly string[] = column === 'support_types' ? SUPPORT_TYPES : COMMUNICATION_CATEGORIES;
        const items = value ? value.split(';').map(token).filter(Boolean) : [];
        const unknown = items.find((i) => !allowed.includes(i));
        if (unknown) problems.push({ line, field: column, message: `"${unknown}" is not one of ${allowed.join(', ')}` });
        else fields[field] = [...new Set(items)];
        break;
      }
      case 'falls_risk':
      case 'self_neglect_risk':
        fields[field] = value ? value.toLowerCase() : 'unknown';
        break;
      case 'reference':
      case 'preferred_name':
      case 'date_of_birth':
      case 'nhs_number':
      case 'postcode':
      case 'medication_critical_detail':
        fields[field] = value || null;
        break;
      default:
        fields[field] = value;
    }
  }
  if (!fields.externalRef && !fields.nhsNumber) {
    problems.push({ line, field: 'reference', message: 'Give a reference or an NHS number, so that this person is found again on re-import' });
  }
  return { fields: fields as Partial<PersonFields>, problems };
}
