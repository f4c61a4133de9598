import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodySchema, RefusalSchema } from './error.schemas';

/** What each error status means across the API; an operation may say more in its own words. */
export const ERROR_DESCRIPTIONS = {
  400: 'Bad input: `message` names the problem, `errors` lists each field',
  401: 'No bearer token, or an invalid or expired one',
  403: "The caller's role may not do this",
  404: 'No such resource, or one the caller may not see (the two look the same)',
  409: 'Conflict: a stale `expectedVersion`, or a name that is taken',
  413: 'The request body is larger than the limit',
  415: 'The request body is not `application/json`',
  422: 'The event is refused: `reason` says why, `allowedEvents` what may be sent now',
  429: 'Too many requests: retry later',
  503: 'The database or Redis is unavailable: retry shortly',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** A status with its own description, for when the generic one says too little. */
export type ErrorSpec = ErrorStatus | [ErrorStatus, string];

/**
 * Documents the error statuses an operation can give, each with the shared `ErrorBody` schema
 * (`Refusal` for 422): `@ApiErrors(400, 404, [409, 'stale expectedVersion'])`.
 * The e2e suites check every response against the document, so an error status missing here
 * fails the test that meets it.
 */
export function ApiErrors(...specs: ErrorSpec[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...specs.map((spec) => {
      const [status, description] = Array.isArray(spec) ? spec : [spec, ERROR_DESCRIPTIONS[spec]];
      return ApiResponse({
        status,
        description,
        type: status === 422 ? RefusalSchema : ErrorBodySchema,
      });
    }),
  );
}
