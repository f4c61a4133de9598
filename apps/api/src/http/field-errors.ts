import { BadRequestException } from '@nestjs/common';
import type { FieldError } from './error-body';

// Enough to fix a form; a payload with thousands of bad items must not echo them all back.
export const MAX_FIELD_ERRORS = 50;

/** The response a BadRequestException carries for bad input: one sentence, and the list. */
export interface FieldErrorsResponse {
  message: string;
  errors: FieldError[];
}

/**
 * A 400 naming every field problem: `message` joins them into one string (what a person reads),
 * `errors` lists them (what a form uses to mark its fields). Capped at MAX_FIELD_ERRORS.
 */
export function fieldErrorsException(errors: readonly FieldError[]): BadRequestException {
  const kept = errors.slice(0, MAX_FIELD_ERRORS);
  const omitted = errors.length - kept.length;
  const message =
    kept.map((e) => e.message).join('; ') + (omitted > 0 ? `; ... and ${omitted} more` : '');
  const response: FieldErrorsResponse = { message, errors: kept };
  return new BadRequestException(response);
}

/** One field problem as a 400. */
export const fieldError = (field: string, message: string): BadRequestException =>
  fieldErrorsException([{ field, message }]);

export function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}
