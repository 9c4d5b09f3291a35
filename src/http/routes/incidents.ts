import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { acknowledgeIncident } from '../../app/incidents/acknowledge-incident.ts';
import { closeIncident } from '../../app/incidents/close-incident.ts';
import { contactWider } from '../../app/incidents/contact-wider.ts';
import { AGENCIES, escalateExternally } from '../../app/incidents/escalate-externally.ts';
import { escalateIncident } from '../../app/incidents/escalate-incident.ts';
import { openAtDoor } from '../../app/incidents/open-at-door.ts';
import { pressEmergency } from '../../app/incidents/press-emergency.ts';
import { recordContactAttempt } from '../../app/incidents/record-contact-attempt.ts';
import { DECISION_KINDS, recordIncidentDecision } from '../../app/incidents/record-decision.ts';
import { recordObservations } from '../../app/incidents/record-observations.ts';
import { reviewIncident } from '../../app/incidents/review-incident.ts';
import { closureSchema, reviewSchema } from '../../domain/escalation/closure.ts';
import { observationsSchema } from '../../domain/escalation/observations.ts';
import { CONTACT_METHODS } from '../../domain/protocol/content.ts';
import { idParams } from '../schemas.ts';
import { actorOf } from '../types.ts';

/** Writes on a no-response incident (no-response policy §20.1, §20.4, §20.5). Reads: incident-reads.ts. */
const snapshot = z.object({ incidentId: z.string(), stage: z.number(), version: z.number(), status: z.string() }).passthrough();
const text = (max: number) => z.string().trim().max(max);
const idempotencyKey = (request: FastifyRequest) => {
  const k = request.headers['idempotency-key'];
  return typeof k === 'string' && k.length > 0 ? k.slice(0, 200) : undefined;
};

export function incidentRoutes(app: FastifyInstance, deps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['incidents'];

  r.post('/api/incidents', {
    config: { access: { action: 'incident.respond' } },
    schema: {
      tags, summary: 'No answer at the door: open (or return) the person\'s incident',
      body: z.object({ personId: z.string().uuid(), scheduledContactId: z.string().uuid().nullable().optional() }), response: { 200: snapshot },
    },
  }, async (request) => openAtDoor(deps, actorOf(request), request.body, idempotencyKey(request)));

  // Emergency (§20.4): every field optional and never refused for its length; anyone may press it.
  r.post('/api/emergency', {
    config: { access: { action: 'incident.emergency' } },
    schema: {
      tags, summary: 'Emergency: external escalation now, on call alerted',
      body: z.object({ incidentId: z.string().uuid().nullable().optional(), personId: z.string().uuid().nullable().optional(), what: z.string().nullable().optional() }).passthrough(),
      response: { 200: snapshot },
    },
  }, async (request) => pressEmergency(deps, actorOf(request), request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/observations', {
    config: { access: { action: 'incident.respond' } },
    schema: { tags, summary: 'Record the checks at the door (stage 1)', params: idParams, body: z.object({ items: observationsSchema, note: text(2000).optional() }), response: { 200: snapshot } },
  }, async (request) => recordObservations(deps, actorOf(request), request.params.id, request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/contact-attempts', {
    config: { access: { action: 'incident.respond' } },
    schema: {
      tags, summary: 'Record one contact attempt (stage 2)', params: idParams,
      body: z.object({ method: z.enum(CONTACT_METHODS), target: text(200).optional(), outcome: z.enum(['no_answer', 'voicemail', 'engaged', 'reached', 'failed']), note: text(2000).optional() }),
      response: { 200: snapshot },
    },
  }, async (request) => recordContactAttempt(deps, actorOf(request), request.params.id, request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/acknowledge', {
    config: { access: { action: 'incident.manage' } },
    schema: { tags, summary: 'Acknowledge: stops every repeat of every alert at once', params: idParams, response: { 200: snapshot } },
  }, async (request) => acknowledgeIncident(deps, actorOf(request), request.params.id, idempotencyKey(request)));

  r.post('/api/incidents/:id/escalate', {
    config: { access: { action: 'incident.respond' } },
    schema: {
      tags, summary: 'Escalate one stage from the version you saw (409 if it changed)', params: idParams,
      body: z.object({ version: z.number().int().positive(), reason: text(2000).min(3) }), response: { 200: snapshot },
    },
  }, async (request) => escalateIncident(deps, actorOf(request), request.params.id, request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/wider-contacts', {
    config: { access: { action: 'incident.manage' } },
    schema: {
      tags, summary: 'Contact family, neighbours, key holders or agencies (stage 4, consent and stage checked)', params: idParams,
      body: z.object({
        contactId: z.string().uuid().nullable().optional(), partyName: text(200).nullable().optional(), relationship: text(200).nullable().optional(),
        riskReason: text(2000).nullable().optional(), informationShared: text(2000).min(3), outcome: text(2000).nullable().optional(),
      }),
      response: { 200: snapshot },
    },
  }, async (request) => contactWider(deps, actorOf(request), request.params.id, request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/external-escalations', {
    config: { access: { action: 'incident.manage' } },
    schema: {
      tags, summary: 'Refer to adult social care, emergency duty team, police or ambulance (stage 5)', params: idParams,
      body: z.object({ agency: z.enum(AGENCIES), reference: text(100).nullable().optional(), note: text(2000).nullable().optional() }), response: { 200: snapshot },
    },
  }, async (request) => escalateExternally(deps, actorOf(request), request.params.id, request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/decisions', {
    config: { access: { action: 'incident.manage' } },
    schema: {
      tags, summary: 'Record a decision with its rationale (queued for senior review out of hours)', params: idParams,
      body: z.object({ kind: z.enum(DECISION_KINDS), summary: text(500).min(3), rationale: text(4000).min(5) }), response: { 200: snapshot },
    },
  }, async (request) => recordIncidentDecision(deps, actorOf(request), request.params.id, request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/close', {
    config: { access: { action: 'incident.respond' } },
    schema: { tags, summary: 'Close with an outcome and a rationale', params: idParams, body: closureSchema, response: { 200: snapshot } },
  }, async (request) => closeIncident(deps, actorOf(request), request.params.id, request.body, idempotencyKey(request)));

  r.post('/api/incidents/:id/review', {
    config: { access: { action: 'incident.review' } },
    schema: {
      tags, summary: 'Management review of a closed incident', params: idParams, body: reviewSchema,
      response: { 200: z.object({ ok: z.literal(true), protocolReviewFlagged: z.boolean(), safeguardingConcernId: z.string().nullable() }) },
    },
  }, async (request) => reviewIncident(deps, actorOf(request), request.params.id, request.body));
}
