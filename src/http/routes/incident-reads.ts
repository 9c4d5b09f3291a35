import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { doorVisits } from '../../app/incidents/door-visits.ts';
import { incidentDetail, listOpenIncidents } from '../../app/incidents/incident-views.ts';
import { reviewDecision, reviewQueue } from '../../app/incidents/review-queue.ts';
import { isoDate } from '../../domain/protocol/content.ts';
import { idParams, ok } from '../schemas.ts';
import { actorOf } from '../types.ts';

/** Reads for the door, the on-call board, the incident page and the senior review queue. */
const anyJson = z.any();

export function incidentReadRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.get('/api/incidents', {
    config: { access: { action: 'incident.read' } },
    schema: { tags, summary: 'Open incidents for the on-call board (emergencies and overdue first)', response: { 200: z.array(anyJson) } },
  }, async (request) => listOpenIncidents(deps, actorOf(request)));

  r.get('/api/incidents/:id', {
    config: { access: { action: 'incident.read' } },
    schema: { tags, summary: 'An incident with its evidence, decisions, alerts, notifications and record', params: idParams, response: { 200: anyJson } },
  }, async (request) => incidentDetail(deps, actorOf(request), request.params.id));

  r.get('/api/door/visits', {
    config: { access: { action: 'incident.respond' } },
    schema: { tags, summary: "Today's visits for the worker's services", response: { 200: z.array(anyJson) } },
  }, async (request) => doorVisits(deps, actorOf(request)));

  r.get('/api/review-queue', {
    config: { access: { action: 'incident.review' } },
    schema: { tags, summary: 'Closed incidents and out-of-hours decisions awaiting senior review', querystring: z.object({ date: isoDate.optional() }), response: { 200: anyJson } },
  }, async (request) => reviewQueue(deps, actorOf(request), request.query.date));

  r.post('/api/incident-decisions/:id/review', {
    config: { access: { action: 'incident.review' } },
    schema: { tags, summary: 'Review one out-of-hours decision', params: idParams, body: z.object({ note: z.string().trim().min(2).max(2000) }), response: { 200: ok } },
  }, async (request) => reviewDecision(deps, actorOf(request), request.params.id, request.body));
}
