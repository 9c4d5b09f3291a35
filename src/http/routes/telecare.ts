import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { Readable } from 'node:stream';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { receiveTelecareEvent, TELECARE_KINDS } from '../../app/telecare/receive-telecare-event.ts';
import { authenticateTelecare, createTelecareSender, listTelecareSenders } from '../../app/telecare/telecare-senders.ts';
import { actorOf } from '../types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    rawBody?: string;
    telecareSender?: { id: string; orgId: string; name: string };
  }
}

const header = (r: FastifyRequest, name: string) => {
  const v = r.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** The telecare webhook and its senders (issue 4, no-response policy §11). */
export function telecareRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/telecare/events', {
    // Public to the session layer on purpose: monitoring centres have no session or token.
    // The route authenticates every request itself, by HMAC-SHA256 over timestamp and raw
    // body with the sender's shared secret, before the body is even validated.
    config: { access: { action: 'public' } },
    // The signature covers the exact bytes sent, so keep them before JSON parsing.
    preParsing: async (request, _reply, payload) => {
      const chunks: Buffer[] = [];
      for await (const c of payload) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c));
      const raw = Buffer.concat(chunks);
      request.rawBody = raw.toString('utf8');
      return Readable.from([raw]);
    },
    preValidation: async (request) => {
      request.telecareSender = await authenticateTelecare(deps.db, deps.clock.now(), {
        sender: header(request, 'x-wellcheck-sender'), timestamp: header(request, 'x-wellcheck-timestamp'),
        signature: header(request, 'x-wellcheck-signature'),
      }, request.rawBody ?? '');
    },
    schema: {
      tags: ['telecare'],
      summary: 'A telecare event (signed: x-wellcheck-sender, x-wellcheck-timestamp, x-wellcheck-signature = sha256=HMAC(secret, "timestamp.body"))',
      body: z.object({
        eventId: z.string().trim().min(1).max(200),
        deviceId: z.string().trim().min(1).max(200),
        kind: z.enum(TELECARE_KINDS),
        occurredAt: z.coerce.date(),
        detail: z.string().max(1000).optional(),
      }),
      response: {
        200: z.object({ id: z.string(), kind: z.string(), action: z.string(), incidentId: z.string().nullable(), checkInId: z.string().nullable(), replayed: z.boolean() }),
      },
    },
  }, async (request) => receiveTelecareEvent(deps, request.telecareSender!, request.body));

  r.get('/api/telecare/senders', {
    config: { access: { action: 'admin.read' } },
    schema: {
      tags: ['telecare'], summary: 'Monitoring centres and devices that may send telecare events',
      response: { 200: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.string(), revokedAt: z.string().nullable() })) },
    },
  }, async (request) => listTelecareSenders(deps, actorOf(request)));

  r.post('/api/telecare/senders', {
    config: { access: { action: 'admin.manage' } },
    schema: {
      tags: ['telecare'], summary: 'Add a telecare sender (its signing secret is shown once)',
      body: z.object({ name: z.string().trim().min(1).max(120) }),
      response: { 201: z.object({ id: z.string(), name: z.string(), secret: z.string() }) },
    },
  }, async (request, reply) => reply.status(201).send(await createTelecareSender(deps, actorOf(request), request.body)));
}
