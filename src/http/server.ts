import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import type { Deps } from '../app/deps.ts';
import { isMigrated } from '../db/migrate.ts';
import { registerAuth } from './auth.ts';
import { errorHandler } from './errors.ts';
import { administrationRoutes } from './routes/administration.ts';
import { auditRoutes } from './routes/audit.ts';
import { sessionRoutes } from './routes/session.ts';
import { checkInRoutes } from './routes/check-ins.ts';
import { telecareRoutes } from './routes/telecare.ts';
import { safeguardingRoutes } from './routes/safeguarding.ts';
import { peopleRoutes } from './routes/people.ts';
import { personContactRoutes } from './routes/person-contacts.ts';
import { protocolRoutes } from './routes/protocols.ts';
import { peopleImportRoutes } from './routes/people-import.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { incidentReadRoutes } from './routes/incident-reads.ts';
import { rotaRoutes } from './routes/rota.ts';
import { liveRoutes } from './routes/live.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with its declared access (the route-access test walks it). */
    routeCatalogue: import('./auth.ts').RouteEntry[];
  }
}

export type RouteModule = (app: FastifyInstance, deps: Deps) => void;

/** Route modules, one per care noun. Later modules are added here. */
export const ROUTE_MODULES: RouteModule[] = [sessionRoutes, administrationRoutes, auditRoutes, checkInRoutes, telecareRoutes, peopleRoutes, personContactRoutes, protocolRoutes, peopleImportRoutes, safeguardingRoutes, incidentRoutes, incidentReadRoutes, rotaRoutes, liveRoutes];

const WEB_DIST = new URL('../../dist/web/', import.meta.url).pathname;

export type ServerOptions = { logLevel?: string; serveWeb?: boolean };

/** Builds the HTTP app (not listening): tests call `inject()` on it. */
export async function buildServer(deps: Deps, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      // Secrets and personal data never reach the log.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'req.headers["x-wellcheck-signature"]'],
    },
    trustProxy: true,
    bodyLimit: 2 * 1024 * 1024,
  });
  const serveWeb = options.serveWeb === true && existsSync(WEB_DIST);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: { directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } },
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Wellcheck API', version: '0.1.0', description: 'No-response protocols, escalation and safeguarding decision support.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'wc_session' }, token: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });
  const catalogue = registerAuth(app, deps);
  app.decorate('routeCatalogue', catalogue);

  app.get('/healthz', { config: { access: { action: 'public' } } }, async () => ({ ok: true }));
  app.get('/readyz', { config: { access: { action: 'public' } } }, async (_req, reply) => {
    try {
      if (await isMigrated(deps.db)) return { ready: true };
      return reply.status(503).send({ ready: false, reason: 'migrations pending' });
    } catch {
      return reply.status(503).send({ ready: false, reason: 'database unreachable' });
    }
  });
  app.get('/api/openapi.json', { config: { access: { action: 'public' } }, schema: { hide: true } }, async () => app.swagger());

  for (const routes of ROUTE_MODULES) routes(app, deps);

  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !serveWeb) {
      return reply.status(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url.split('?')[0]}` } });
    }
    return reply.sendFile('index.html');
  });
  if (serveWeb) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false });
  }
  return app;
}
