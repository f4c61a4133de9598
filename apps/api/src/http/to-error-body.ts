import { HttpException, HttpStatus } from '@nestjs/common';
import { domainErrorToBody } from './domain-error-http';
import { isDomainError } from '@tricolor/core';
import { errorBody, type ErrorBody, type FieldError } from './error-body';
import { isFieldError } from './field-errors';
import { unavailableMessage } from './unavailable';

export interface ErrorAnswer {
  body: ErrorBody;
  /** True for anything we did not throw on purpose: it is logged, and its details stay hidden. */
  unexpected: boolean;
}

export const GENERIC_500_MESSAGE = 'internal server error';

/** Turns anything thrown while handling a request into the API's error body. */
export function toErrorBody(exception: unknown): ErrorAnswer {
  if (isDomainError(exception)) {
    return { body: domainErrorToBody(exception), unexpected: false };
  }
  if (exception instanceof HttpException) {
    return { body: httpExceptionToBody(exception), unexpected: false };
  }
  // The database (or Redis) is down or restarting: the client may retry once it is back.
  const unavailable = unavailableMessage(exception);
  if (unavailable) {
    return { body: errorBody(HttpStatus.SERVICE_UNAVAILABLE, unavailable), unexpected: false };
  }
  return {
    body: errorBody(HttpStatus.INTERNAL_SERVER_ERROR, GENERIC_500_MESSAGE),
    unexpected: true,
  };
}

function httpExceptionToBody(exception: HttpException): ErrorBody {
  const status = exception.getStatus();
  const errors = fieldErrorsOf(exception);
  return errorBody(
    status,
    bodyParserMessage(exception.cause) ?? messageOf(exception),
    errors.length > 0 ? { errors } : {},
  );
}

// `message` is always one string: a list (Nest's own pipes give one) is joined.
function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = 'message' in response ? response.message : undefined;
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((m) => typeof m === 'string')) {
    return message.join('; ');
  }
  if (typeof message === 'number') return String(message);
  return exception.message;
}

/** The field problems of a fieldErrorsException, if it is one. */
function fieldErrorsOf(exception: HttpException): FieldError[] {
  const response = exception.getResponse();
  if (typeof response !== 'object' || !('errors' in response)) return [];
  const errors = response.errors;
  // A problem found by hand (fieldError(…)) has no constraint: it is INVALID_INPUT.
  return Array.isArray(errors)
    ? errors.filter(isFieldError).map((e) => ({ code: 'INVALID_INPUT', ...e }))
    : [];
}

// Express's body parser reports these; Nest 12 wraps them in an HttpException with the
// original error as `cause`. Its own messages do not say what was wrong with the body.
function bodyParserMessage(cause: unknown): string | undefined {
  switch (property(cause, 'type')) {
    case 'entity.parse.failed':
      return `malformed JSON body: ${String(property(cause, 'message'))}`;
    case 'entity.too.large': {
      const limit = property(cause, 'limit');
      return typeof limit === 'number'
        ? `request body too large: the limit is ${limit} bytes`
        : 'request body too large';
    }
    default:
      return undefined;
  }
}

function property(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null
    ? (Reflect.get(value, key) as unknown)
    : undefined;
}
