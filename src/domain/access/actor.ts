import type { Action } from './actions.ts';
import { can } from './actions.ts';
import type { Role } from './roles.ts';
import { ORGANISATION_WIDE } from './roles.ts';
import { forbidden } from '../errors.ts';

/** Who is acting. Every use-case receives one and checks it before touching data. */
export type StaffActor = {
  kind: 'staff';
  id: string;
  orgId: string;
  role: Role;
  name: string;
  /** Services the staff member is assigned to (their people are visible to them). */
  serviceIds: readonly string[];
};
export type TokenActor = { kind: 'token'; id: string; orgId: string; name: string };
export type SystemActor = { kind: 'system'; orgId: string };
export type Actor = StaffActor | TokenActor | SystemActor;

/** Throws 403 unless the actor may perform the action. The engine (system) may do anything. */
export function requireAction(actor: Actor, action: Action): void {
  if (actor.kind === 'system') return;
  if (actor.kind === 'token') {
    // Integration tokens feed check-ins and telecare events only.
    if (action === 'checkin.record') return;
    throw forbidden('This API token may only record check-ins');
  }
  if (!can(actor.role, action)) throw forbidden();
}

/**
 * The services whose people this actor may see, or 'all' for organisation-wide roles.
 * Used by every query over people and what hangs off them.
 */
export function visibleServices(actor: Actor): 'all' | readonly string[] {
  if (actor.kind !== 'staff') return 'all';
  return ORGANISATION_WIDE.has(actor.role) ? 'all' : actor.serviceIds;
}

export const actorId = (actor: Actor): string | null => (actor.kind === 'system' ? null : actor.id);
