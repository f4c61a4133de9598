import {
  createTricolorClient,
  type ErrorBody,
  type Refusal,
  type TricolorClient,
} from '../../../../libs/api-client/src';
import { loadSession, saveSession } from './session';

/** An answer the API refused: the error body, as docs/api.md describes it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly body: Partial<ErrorBody> &
      Partial<Pick<Refusal, 'event' | 'reason' | 'allowedEvents' | 'code' | 'params'>> & {
        allowed?: string[];
      } = {},
  ) {
    super(message);
  }
}

/** The network failed before any answer: the console shows a retry banner, never a blank page. */
export class NetworkError extends Error {}

let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/**
 * Every call of the console goes through the client generated from docs/openapi.json
 * (libs/api-client: openapi-typescript + openapi-fetch), so paths, parameters, bodies and
 * answers are checked by the compiler against the API's own document. It reads JSON only (files
 * go through office/transfer.ts), so its answers are typed by their `application/json` content.
 */
export const http: TricolorClient<'application/json'> = createTricolorClient({
  // The console is served by the API itself (/app/), so the API is this origin.
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  token: () => loadSession()?.accessToken,
});
http.use({
  onRequest({ request }) {
    // Refusals and field problems come back in the console's language (docs/api.md).
    request.headers.set('Accept-Language', document.documentElement.lang || 'zh-CN');
    return request;
  },
});

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of an answer, or the failure as ApiError (an error body) or NetworkError (no answer).
 * A 401 while logged in ends the session: the token expired or was revoked.
 */
export async function call<T>(pending: Promise<Answer<T>>): Promise<T> {
  let answer: Answer<T>;
  try {
    answer = await pending;
  } catch (error) {
    throw new NetworkError((error as Error).message);
  }
  const { data, error, response } = answer;
  if (!response.ok) {
    if (response.status === 401 && loadSession()) {
      saveSession(null);
      onUnauthorized();
    }
    const body = (typeof error === 'object' && error !== null ? error : {}) as ApiError['body'];
    throw new ApiError(
      response.status,
      typeof body.message === 'string' ? body.message : response.statusText,
      body,
    );
  }
  // 204s and empty bodies: openapi-fetch gives undefined data.
  return data as T;
}
