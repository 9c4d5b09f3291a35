import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type ErrorCode } from '../domain/errors.ts';

/** The one table from error code to HTTP status. */
export const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unprocessable: 422,
  too_many: 429,
};

export type ErrorBody = { error: { code: string; message: string; field?: string } };

type ValidationIssue = { instancePath?: string; message?: string; params?: { issue?: { path?: (string | number)[] } } };

/** Turns a schema failure's path into a dotted field name: body.contacts.0.name → contacts.0.name */
function fieldOf(issue: ValidationIssue | undefined): string | undefined {
  const path = issue?.params?.issue?.path;
  if (path && path.length) return path.join('.');
  const p = issue?.instancePath?.replace(/^\//, '').replace(/\//g, '.');
  return p || undefined;
}

export function errorHandler(err: FastifyError | DomainError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof DomainError) {
    const body: ErrorBody = { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
    return reply.status(STATUS[err.code]).send(body);
  }
  const fe = err as FastifyError & { validation?: ValidationIssue[]; validationContext?: string };
  if (fe.validation) {
    const issue = fe.validation[0];
    const field = fieldOf(issue) ?? fe.validationContext ?? 'body';
    const message = `${field}: ${issue?.message ?? 'is not valid'}`;
    return reply.status(400).send({ error: { code: 'invalid', message, field } } satisfies ErrorBody);
  }
  if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return reply.status(fe.statusCode).send({ error: { code: fe.code ?? 'bad_request', message: fe.message } } satisfies ErrorBody);
  }
  request.log.error({ err }, 'unhandled error');
  return reply.status(500).send({ error: { code: 'internal', message: 'Something went wrong; nothing was saved. Try again.' } } satisfies ErrorBody);
}
