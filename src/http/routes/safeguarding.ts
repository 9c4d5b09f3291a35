import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../app/deps.ts';
import { addConcernAction, completeConcernAction, grantConcernAccess } from '../../app/safeguarding/concern-actions.ts';
import { decideConcern } from '../../app/safeguarding/decide-concern.ts';
import { loadFrameworks } from '../../app/safeguarding/frameworks.ts';
import { organisationFramework, previewSuggestion, raiseConcern, type SafeguardingDeps } from '../../app/safeguarding/raise-concern.ts';
import { trackReferral } from '../../app/safeguarding/track-referral.ts';
import { listConcerns, personConcernLog, viewConcern } from '../../app/safeguarding/view-concerns.ts';
import { ALLEGED_KINDS } from '../../domain/safeguarding/framework.ts';
import { idParams, ok } from '../schemas.ts';
import { actorOf } from '../types.ts';

/** Safeguarding concerns with threshold decision support (issue 6). */
const tri = z.enum(['yes', 'no', 'unknown']);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter a date as YYYY-MM-DD');
const words = (max: number) => z.string().trim().max(max);
const facts = {
  indicatorIds: z.array(z.string().max(80)).max(60),
  alleged: z.array(z.object({ kind: z.enum(ALLEGED_KINDS), staffId: z.string().uuid().nullable().optional(), detail: words(300).optional() })).max(10),
  childrenInvolved: tri,
  possibleCrime: tri,
  capacity: z.enum(['has', 'lacks', 'unknown']),
  risk: z.enum(['low', 'medium', 'high', 'unknown']),
};
const concernBody = z.object({
  personIds: z.array(z.string().uuid()).min(1).max(10),
  ...facts,
  description: words(5000).min(1),
  personWishes: words(2000),
  immediateActions: words(2000),
  sourceIncidentId: z.string().uuid().nullable().optional(),
});
const action = z.object({ description: words(500).min(1), ownerId: z.string().uuid(), dueOn: date });
const json = z.record(z.string(), z.unknown());
const summary = z.object({
  id: z.string(), raisedAt: z.date(), raisedBy: z.object({ id: z.string(), name: z.string() }),
  people: z.array(z.object({ id: z.string(), name: z.string() })), suggestedOutcome: z.string(), status: z.string(),
  frameworkId: z.string(), frameworkVersion: z.string(), hasAccumulationPrompt: z.boolean(),
  referralReference: z.string().nullable(), referralOutcome: z.string().nullable(), openActions: z.number(),
});
const concernOut = z.object({
  id: z.string(), version: z.number(), status: z.string(), raisedAt: z.date(), raisedBy: z.object({ id: z.string(), name: z.string() }),
  sourceIncidentId: z.string().nullable(), frameworkId: z.string(), frameworkVersion: z.string(),
  people: z.array(z.object({ id: z.string(), name: z.string() })), indicatorIds: z.array(z.string()), description: z.string(),
  alleged: z.array(json), childrenInvolved: z.string(), possibleCrime: z.string(), capacity: z.string(), risk: z.string(),
  personWishes: z.string(), immediateActions: z.string(), suggestion: json,
  decision: json.nullable(), referral: json.nullable(), actions: z.array(json), access: z.array(json),
});

export function safeguardingRoutes(app: FastifyInstance, baseDeps: Deps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Framework files are read and validated once, when the routes are built.
  const deps: SafeguardingDeps = { ...baseDeps, frameworks: loadFrameworks() };

  r.get('/api/safeguarding/frameworks', {
    config: { access: { action: 'concern.raise' } },
    schema: {
      tags: ['safeguarding'], summary: 'Threshold frameworks loaded',
      response: { 200: z.array(z.object({ id: z.string(), version: z.string(), title: z.string(), board: z.string(), isExample: z.boolean() })) },
    },
  }, async () => deps.frameworks!.list().map((f) => ({ id: f.id, version: f.version, title: f.title, board: f.board, isExample: f.isExample })));

  r.get('/api/safeguarding/framework', {
    config: { access: { action: 'concern.raise' } },
    schema: { tags: ['safeguarding'], summary: "The framework this organisation assesses new concerns under", response: { 200: json } },
  }, async (request) => (await organisationFramework(deps, deps.db, actorOf(request).orgId)).framework);

  // Names for the "who is alleged" and action-owner choices: every role may raise, not every role may list staff records.
  r.get('/api/safeguarding/staff', {
    config: { access: { action: 'concern.raise' } },
    schema: { tags: ['safeguarding'], summary: 'Active staff (id and name) to name in a concern', response: { 200: z.array(z.object({ id: z.string(), name: z.string() })) } },
  }, async (request) => deps.db.query<{ id: string; name: string }>(
    'select id, name from staff where org_id = $1 and is_active order by name', [actorOf(request).orgId]));

  r.post('/api/safeguarding/suggestion', {
    config: { access: { action: 'concern.raise' } },
    schema: { tags: ['safeguarding'], summary: 'Preview the suggestion for facts not yet recorded (nothing saved)', body: z.object(facts), response: { 200: json } },
  }, async (request) => previewSuggestion(deps, actorOf(request), request.body));

  r.get('/api/concerns', {
    config: { access: { action: 'concern.raise' } },
    schema: {
      tags: ['safeguarding'], summary: 'Concerns the caller may see (the whole organisation for the safeguarding lead and registered manager)',
      querystring: z.object({ status: z.enum(['awaiting_decision', 'referred', 'lower_level', 'no_further_action']).optional() }),
      response: { 200: z.array(summary) },
    },
  }, async (request) => listConcerns(deps, actorOf(request), request.query));

  r.post('/api/concerns', {
    config: { access: { action: 'concern.raise' } },
    schema: { tags: ['safeguarding'], summary: 'Raise a safeguarding concern', body: concernBody, response: { 201: z.object({ id: z.string(), suggestion: json }) } },
  }, async (request, reply) => reply.status(201).send(await raiseConcern(deps, actorOf(request), request.body)));

  r.get('/api/concerns/:id', {
    config: { access: { action: 'concern.raise' } },
    schema: { tags: ['safeguarding'], summary: 'One concern (the view is logged)', params: idParams, response: { 200: concernOut } },
  }, async (request) => viewConcern(deps, actorOf(request), request.params.id));

  r.post('/api/concerns/:id/decision', {
    config: { access: { action: 'concern.decide' } },
    schema: {
      tags: ['safeguarding'], summary: 'Decide: refer to the local authority, lower-level with actions, or no further action', params: idParams,
      body: z.object({
        version: z.number().int().positive(),
        outcome: z.enum(['refer', 'lower_level', 'no_further_action']),
        rationale: words(5000).min(1),
        departureReason: words(5000).nullable().optional(),
        referral: z.object({
          referredOn: date, localAuthority: words(200).min(1),
          method: z.enum(['phone', 'email', 'online_form', 'letter', 'in_person', 'secure_email']),
          reference: words(100).nullable().optional(), personWanted: words(2000).min(1),
        }).optional(),
        actions: z.array(action).max(20).optional(),
      }),
      response: { 200: z.object({ departs: z.boolean() }) },
    },
  }, async (request) => decideConcern(deps, actorOf(request), request.params.id, request.body));

  r.patch('/api/concerns/:id/referral', {
    config: { access: { action: 'concern.decide' } },
    schema: {
      tags: ['safeguarding'], summary: 'Track the referral: reference, enquiry opened, outcome, what the person wanted', params: idParams,
      body: z.object({
        version: z.number().int().positive(), reference: words(100).nullable().optional(),
        enquiryOpened: z.enum(['yes', 'no', 'not_known']).optional(), outcome: words(2000).nullable().optional(),
        outcomeOn: date.nullable().optional(), personWanted: words(2000).optional(),
      }),
      response: { 200: ok },
    },
  }, async (request) => {
    await trackReferral(deps, actorOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  r.post('/api/concerns/:id/actions', {
    config: { access: { action: 'concern.decide' } },
    schema: { tags: ['safeguarding'], summary: 'Add an action with an owner and a due date', params: idParams, body: action, response: { 200: ok } },
  }, async (request) => {
    await addConcernAction(deps, actorOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  r.post('/api/concerns/:id/actions/:actionId/complete', {
    config: { access: { action: 'concern.decide' } },
    schema: {
      tags: ['safeguarding'], summary: 'Mark an action done', params: z.object({ id: z.string().uuid(), actionId: z.string().uuid() }),
      body: z.object({ note: words(2000).min(1) }), response: { 200: ok },
    },
  }, async (request) => {
    await completeConcernAction(deps, actorOf(request), request.params.id, request.params.actionId, request.body);
    return { ok: true as const };
  });

  r.post('/api/concerns/:id/access', {
    config: { access: { action: 'concern.decide' } },
    schema: {
      tags: ['safeguarding'], summary: 'Let another member of staff see this concern', params: idParams,
      body: z.object({ staffId: z.string().uuid(), reason: words(500).min(1) }), response: { 200: ok },
    },
  }, async (request) => {
    await grantConcernAccess(deps, actorOf(request), request.params.id, request.body);
    return { ok: true as const };
  });

  r.get('/api/safeguarding/people/:id/concerns', {
    config: { access: { action: 'concern.read_all' } },
    schema: { tags: ['safeguarding'], summary: "A person's concern log with accumulation (the read is logged)", params: idParams, response: { 200: json } },
  }, async (request) => personConcernLog(deps, actorOf(request), request.params.id));
}
