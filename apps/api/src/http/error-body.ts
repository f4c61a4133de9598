import { STATUS_CODES } from 'node:http';

/** One problem with one field of the request, e.g. `{field: 'parties.1.name', message: …}`. */
export interface FieldError {
  /** The dotted path of the field in the body, query or path (`body` for the whole body). */
  field: string;
  /** What is wrong, a sentence naming the field. */
  message: string;
  /** A stable code for the problem (field-codes.ts), the same in every language. */
  code?: string;
}

/** The one error shape of the API (DESIGN.md §6): `message` is always a string. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Each field problem, when the request's input was wrong (400). */
  errors?: FieldError[];
  /** Only on 422 event refusals: the event that was refused. */
  event?: string;
  /** Only on 422 event refusals. */
  reason?: string;
  /** Only on 422 event refusals. */
  allowedEvents?: string[];
  /** Only on 422 event refusals: the refusal's stable code (docs/api.md lists them). */
  code?: string;
  /** Only on 422 event refusals: the values the reason names. */
  params?: Record<string, string>;
}

export type ErrorExtras = Pick<
  ErrorBody,
  'errors' | 'event' | 'reason' | 'allowedEvents' | 'code' | 'params'
>;

export function errorBody(statusCode: number, message: string, extra: ErrorExtras = {}): ErrorBody {
  return { statusCode, error: statusText(statusCode), message, ...extra };
}

export function statusText(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? 'Error';
}
