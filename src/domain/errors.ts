/**
 * The one error type the domain and use-cases raise. The HTTP layer maps `code` to a
 * status (src/http/errors.ts); `field` names the input path at fault.
 */
export type ErrorCode =
  | 'invalid' // 400: bad input, names the field
  | 'unauthenticated' // 401
  | 'forbidden' // 403: the role lacks the action
  | 'not_found' // 404: absent, or not visible to this caller (other organisation, other service)
  | 'conflict' // 409: stale version, duplicate, concurrent change
  | 'too_many' // 429
  | 'unprocessable'; // 422: well-formed but breaks a care rule

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const invalid = (field: string, message: string) => new DomainError('invalid', message, field);
export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (message = 'Your role does not allow this action') => new DomainError('forbidden', message);
export const conflict = (message: string, field?: string) => new DomainError('conflict', message, field);
