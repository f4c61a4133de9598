export { configureApp, DEFAULT_BODY_LIMIT, type ConfigureAppOptions } from './configure-app';
export {
  ConflictError,
  DomainError,
  EventRefusedError,
  ForbiddenError,
  InvalidInputError,
  isDomainError,
  NotFoundError,
  UnavailableError,
  type DomainErrorKind,
  type KnownDomainError,
} from '@tricolor/core';
export type { ErrorBody } from './error-body';
export { HttpErrorFilter } from './http-error.filter';
