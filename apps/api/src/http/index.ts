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
export type { FieldError } from './error-body';
export {
  ApiErrors,
  ERROR_DESCRIPTIONS,
  type ErrorSpec,
  type ErrorStatus,
} from './api-errors.decorator';
export { ErrorBodySchema, FieldErrorSchema, RefusalSchema } from './error.schemas';
export { fieldError, fieldErrorsException } from './field-errors';
