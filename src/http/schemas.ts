import { z } from 'zod';

/** Shared request pieces. */
export const idParams = z.object({ id: z.string().uuid() });
export const ok = z.object({ ok: z.literal(true) });
export const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), field: z.string().optional() }) });
