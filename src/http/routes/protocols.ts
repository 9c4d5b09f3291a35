import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { easyReadFor } from '../../app/people/easy-read.ts';
import { easyReadHtml, easyReadPdf } from '../../app/people/easy-read-render.ts';
import { protocolVersionsPair } from '../../app/people/person-history.ts';
import { raiseReviewFlag } from '../../app/people/raise-review-flag.ts';
import { writeProtocolVersion } from '../../app/people/write-protocol-version.ts';
import { REVIEW_REASONS } from '../../db/repos/protocol-review-flags.ts';
import { actorOf } from '../types.ts';

const uuid = z.string().uuid();
const versionOut = z.object({
  id: z.string(), version: z.number(), content: z.record(z.string(), z.unknown()), reason: z.string(),
  createdBy: z.string().nullable(), createdAt: z.date(),
});

/** No Response Protocols: new versions, comparison of two versions, review flags, the easy-read page and PDF. */
export function protocolRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/people/:id/protocol', {
    config: { access: { action: 'protocol.write' } },
    schema: {
      tags: ['protocols'], summary: 'Write a new protocol version (content validated; reason required)',
      params: z.object({ id: uuid }),
      // Content is checked by the shared protocolContent schema in the use-case, so that its
      // errors are named content.<path>.
      body: z.object({ baseVersion: z.number().int().min(0), content: z.unknown(), reason: z.string().max(2000) }),
      response: { 201: z.object({ id: z.string(), version: z.number() }) },
    },
  }, async (request, reply) => {
    const v = await writeProtocolVersion(deps, actorOf(request), request.params.id, request.body);
    return reply.status(201).send({ id: v.id, version: v.version });
  });

  r.get('/api/people/:id/protocol/compare', {
    config: { access: { action: 'person.read' } },
    schema: {
      tags: ['protocols'], summary: 'Two versions of a protocol, for the side-by-side view', params: z.object({ id: uuid }),
      querystring: z.object({ left: z.coerce.number().int().min(1), right: z.coerce.number().int().min(1) }),
      response: { 200: z.object({ left: versionOut, right: versionOut }) },
    },
  }, async (request) => protocolVersionsPair(deps, actorOf(request), request.params.id, request.query.left, request.query.right));

  r.post('/api/people/:id/protocol/review-flags', {
    config: { access: { action: 'protocol.write' } },
    schema: {
      tags: ['protocols'], summary: 'Mark the protocol review due', params: z.object({ id: uuid }),
      body: z.object({ reason: z.enum(REVIEW_REASONS), note: z.string().trim().min(1, 'Say what has changed').max(1000) }),
      response: { 200: z.object({ flagged: z.boolean(), flagId: z.string().optional() }) },
    },
  }, async (request) => raiseReviewFlag(deps, actorOf(request), request.params.id, request.body));

  r.get('/api/people/:id/easy-read', {
    config: { access: { action: 'person.read' } },
    schema: { tags: ['protocols'], summary: 'The easy-read protocol as a printable page', params: z.object({ id: uuid }) },
  }, async (request, reply) => {
    const doc = await easyReadFor(deps, actorOf(request), request.params.id);
    return reply.type('text/html; charset=utf-8').send(easyReadHtml(doc, `/api/people/${request.params.id}/easy-read.pdf`));
  });

  r.get('/api/people/:id/easy-read.pdf', {
    config: { access: { action: 'person.read' } },
    schema: {
      tags: ['protocols'], summary: 'The easy-read protocol as a PDF', params: z.object({ id: uuid }),
      querystring: z.object({ compress: z.enum(['true', 'false']).default('true') }),
    },
  }, async (request, reply) => {
    const doc = await easyReadFor(deps, actorOf(request), request.params.id);
    const pdf = await easyReadPdf(doc, { compress: request.query.compress === 'true' });
    return reply
      .type('application/pdf')
      .header('content-disposition', 'inline; filename="easy-read-plan.pdf"')
      .send(pdf);
  });
}
