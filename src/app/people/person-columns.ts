import type { Queryable } from '../../db/port.ts';
import type { PersonRow } from '../../db/repos/people.ts';
import { findVisiblePerson } from '../../db/repos/people.ts';
import type { Actor } from '../../domain/access/actor.ts';
import { visibleServices } from '../../domain/access/actor.ts';
import { invalid, notFound } from '../../domain/errors.ts';
import type { PersonInput } from '../../domain/people/person-input.ts';
import { dateOfBirthProblem, londonDate } from '../../domain/people/dates.ts';

/** Input field → people column, in one place for create, update and import. */
export const PERSON_COLUMNS = {
  serviceId: 'service_id',
  externalRef: 'external_ref',
  givenName: 'given_name',
  familyName: 'family_name',
  preferredName: 'preferred_name',
  dateOfBirth: 'date_of_birth',
  nhsNumber: 'nhs_number',
  address: 'address',
  postcode: 'postcode',
  supportTypes: 'support_types',
  communicationCategories: 'communication_categories',
  communicationNeeds: 'communication_needs',
  healthConditions: 'health_conditions',
  isMedicationCritical: 'is_medication_critical',
  medicationCriticalDetail: 'medication_critical_detail',
  fallsRisk: 'falls_risk',
  selfNeglectRisk: 'self_neglect_risk',
  hasHistoryOfDisengagement: 'has_history_of_disengagement',
  disengagementNote: 'disengagement_note',
  culturalRoutines: 'cultural_routines',
  gp: 'gp',
  careCoordinatorId: 'care_coordinator_id',
  housingProvider: 'housing_provider',
  accessArrangements: 'access_arrangements',
} as const satisfies Record<keyof PersonInput, keyof PersonRow>;

export type PersonField = keyof typeof PERSON_COLUMNS;
export const PERSON_FIELDS = Object.keys(PERSON_COLUMNS) as PersonField[];

/** The value to write for a field (undefined optional fields become null). */
export const columnValue = (input: PersonInput, f: PersonField): unknown => input[f] ?? null;

/** The fields whose value differs between a stored row and new input. */
export function changedPersonFields(row: PersonRow, input: PersonInput): PersonField[] {
  return PERSON_FIELDS.filter((f) => JSON.stringify(row[PERSON_COLUMNS[f]] ?? null) !== JSON.stringify(columnValue(input, f)));
}

/**
 * Checks what the schema cannot: the service is this organisation's and the actor's, the care
 * coordinator is a member of staff here, and the date of birth is not in the future.
 */
export async function checkPersonReferences(db: Queryable, actor: Actor, input: PersonInput, at: Date): Promise<void> {
  const [service] = await db.query('select 1 from services where org_id = $1 and id = $2', [actor.orgId, input.serviceId]);
  const visible = visibleServices(actor);
  if (!service || (visible !== 'all' && !visible.includes(input.serviceId))) {
    throw invalid('serviceId', 'Choose one of your services');
  }
  if (input.careCoordinatorId) {
    const [staff] = await db.query('select 1 from staff where org_id = $1 and id = $2', [actor.orgId, input.careCoordinatorId]);
    if (!staff) throw invalid('careCoordinatorId', 'Choose a member of staff from the list');
  }
  if (input.dateOfBirth) {
    const problem = dateOfBirthProblem(input.dateOfBirth, londonDate(at));
    if (problem) throw invalid('dateOfBirth', problem);
  }
}

/** The person, or a 404 when they are not in the actor's organisation and services. */
export async function requireVisiblePerson(db: Queryable, actor: Actor, personId: string): Promise<PersonRow> {
  const person = await findVisiblePerson(db, actor, personId);
  if (!person) throw notFound('Person');
  return person;
}

/** A unique-index violation turned into a 409 naming the field. */
export function duplicateField(err: unknown): { field: string; message: string } | undefined {
  const e = err as { code?: string; constraint?: string; message?: string };
  if (e.code !== '23505') return undefined;
  const text = `${e.constraint ?? ''} ${e.message ?? ''}`;
  if (text.includes('nhs_number')) return { field: 'nhsNumber', message: 'Another person already has this NHS number' };
  if (text.includes('external_ref')) return { field: 'externalRef', message: 'Another person already has this reference' };
  if (text.includes('external')) return { field: 'externalDeviceId', message: 'Another device already has this id' };
  return undefined;
}
