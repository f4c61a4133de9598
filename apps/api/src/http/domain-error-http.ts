import { HttpStatus } from '@nestjs/common';
import type { KnownDomainError } from '@tricolor/core';
import { errorBody, type ErrorBody } from './error-body';

/** The single place where domain errors become HTTP. No default: a new kind fails to compile. */
export function domainErrorToBody(error: KnownDomainError): ErrorBody {
  switch (error.kind) {
    case 'not_found':
      return errorBody(HttpStatus.NOT_FOUND, error.message);
    case 'forbidden':
      return errorBody(HttpStatus.FORBIDDEN, error.message);
    case 'conflict':
      return errorBody(HttpStatus.CONFLICT, error.message);
    case 'event_refused':
      return errorBody(HttpStatus.UNPROCESSABLE_ENTITY, error.message, {
        event: error.event,
        reason: error.reason,
        allowedEvents: [...error.allowedEvents],
        ...(error.code !== undefined ? { code: error.code, params: { ...error.params } } : {}),
      });
    case 'invalid_input':
      return errorBody(HttpStatus.BAD_REQUEST, error.message, {
        errors: [
          {
            field: error.field,
            message: error.message,
            code: 'INVALID_INPUT',
          },
        ],
      });
    case 'unavailable':
      return errorBody(HttpStatus.SERVICE_UNAVAILABLE, error.message);
  }
}
