import { STATUS_CODES } from 'node:http';

/** The one error shape of the API (DESIGN.md §6). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  /** Only on 422 event refusals. */
  reason?: string;
  /** Only on 422 event refusals. */
  allowedEvents?: string[];
}

export function errorBody(
  statusCode: number,
  message: string | string[],
  extra: Pick<ErrorBody, 'reason' | 'allowedEvents'> = {},
): ErrorBody {
  return { statusCode, error: statusText(statusCode), message, ...extra };
}

export function statusText(statusCode: number): string {
  return STATUS_CODES[statusCode] ?? 'Error';
}
