import { z } from 'zod';

/**
 * Every event type and the schema of its `data`: one discriminated union, checked when the
 * event is appended (src/db/events.ts). Add a type here before writing it.
 */
const id = z.string().uuid();
export const EVENT_SCHEMAS = {
  'organisation.created': z.object({ name: z.string() }),
  'service.created': z.object({ name: z.string(), kind: z.string() }),
  'service.updated': z.object({ name: z.string().optional(), isActive: z.boolean().optional() }),
  'staff.created': z.object({ name: z.string(), email: z.string(), role: z.string(), serviceIds: z.array(id) }),
  'staff.updated': z.object({
    name: z.string().optional(),
    role: z.string().optional(),
    serviceIds: z.array(id).optional(),
    isActive: z.boolean().optional(),
    phone: z.string().nullable().optional(),
  }),
  'staff.password_changed': z.object({ by: z.enum(['self', 'reset']) }),
  'staff.signed_in': z.object({}),
  'staff.signed_out': z.object({}),
  'api_token.created': z.object({ name: z.string() }),
  'api_token.revoked': z.object({}),
} satisfies Record<string, z.ZodType>;

export type EventType = keyof typeof EVENT_SCHEMAS;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_SCHEMAS)[T]>;

/** Registers further event types (each module adds its own at import time). */
export function eventSchema(type: string): z.ZodType | undefined {
  return (EVENT_SCHEMAS as Record<string, z.ZodType>)[type] ?? extraSchemas.get(type);
}
const extraSchemas = new Map<string, z.ZodType>();
export function registerEventTypes(schemas: Record<string, z.ZodType>): void {
  for (const [type, schema] of Object.entries(schemas)) extraSchemas.set(type, schema);
}
